package io.ecs4j.services;

import static io.ecs4j.services.ServiceTestSupport.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.model.DeploymentConfiguration;
import io.ecs4j.model.EcsEvent;
import io.ecs4j.model.HealthStatus;
import io.ecs4j.model.ServiceActionType;
import io.ecs4j.model.Task;
import io.ecs4j.model.TaskStatus;
import io.ecs4j.model.TaskStopCode;
import io.ecs4j.request.RunTaskRequest;
import io.ecs4j.request.UpdateServiceRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tasks that stop are replaced at once; unhealthy tasks are replaced; tasks that cannot start are throttled. */
class ReplacementTest {
    private final ServiceTestSupport env = new ServiceTestSupport();

    @AfterEach
    void tearDown() {
        env.close();
    }

    private Task only(String service) {
        List<Task> tasks = env.tasks(service);
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    @Test
    void stoppedTask_isReplacedInTheSameLoopTurn() {
        env.instance("us-east-1a");
        env.taskDefinition("web");
        env.create(service("web", "web", 1));
        env.awaitSteady("web");
        Task crashed = only("web");
        List<Integer> liveWhenStopSeen = new CopyOnWriteArrayList<>();
        env.ecs.subscribe(e -> {
            if (e instanceof EcsEvent.TaskStateChange c && c.task().taskId().equals(crashed.taskId())
                    && c.task().lastStatus() == TaskStatus.STOPPED) {
                // Listeners run after the command that stopped the task: the replacement must exist already.
                liveWhenStopSeen.add(env.tasks("web").size());
            }
        });
        Instant before = env.clock.instant();

        env.runtime.crash(crashed.taskArn(), 1);
        env.clock.runUntilIdle();

        assertThat(liveWhenStopSeen).containsExactly(1);
        Task replacement = only("web");
        assertThat(replacement.taskId()).isNotEqualTo(crashed.taskId());
        assertThat(replacement.createdAt()).isEqualTo(before);
        assertThat(replacement.lastStatus()).isEqualTo(TaskStatus.RUNNING);
        assertThat(env.ecs.findTask("default", crashed.taskId()).orElseThrow().stopCode())
                .isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
        assertThat(env.messages("web").get(0)).isEqualTo("(service web) has started 1 tasks: (task "
                + replacement.taskId() + ").");
    }

    @Test
    void deregisteredTaskDefinition_keepsBeingUsedForReplacements() {
        env.instance("us-east-1a");
        env.taskDefinition("web");
        env.create(service("web", "web", 1));
        env.ecs.deregisterTaskDefinition("web:1");

        env.runtime.crash(only("web").taskArn(), 1);
        env.clock.runUntilIdle();

        assertThat(only("web").taskDefinitionArn().toString()).endsWith("web:1");
        assertThat(only("web").lastStatus()).isEqualTo(TaskStatus.RUNNING);
    }

    @Test
    void stopTaskByUser_isReplaced() {
        env.instance("us-east-1a");
        env.taskDefinition("web");
        env.create(service("web", "web", 2));
        Task victim = env.tasks("web").get(0);

        env.ecs.stopTask("default", victim.taskId(), null);

        assertThat(env.tasks("web")).hasSize(2).noneMatch(t -> t.taskId().equals(victim.taskId()));
    }

    @Test
    void tasksThatReachRunningThenDie_areNotThrottled() {
        env.instance("us-east-1a");
        env.taskDefinition("web");
        env.create(service("web", "web", 1));
        for (int i = 0; i < 5; i++) {
            env.runtime.crash(only("web").taskArn(), 1);
            env.clock.runUntilIdle();
            assertThat(only("web").lastStatus()).isEqualTo(TaskStatus.RUNNING);
        }
        assertThat(env.runtime.launchTimes()).hasSize(6).allMatch(t -> t.equals(env.clock.instant()));
        assertThat(env.messages("web")).noneMatch(m -> m.contains("unable to consistently start"));
    }

    @Test
    void unhealthyTask_isReplacedStartFirstThenStopped() {
        env.instance("us-east-1a");
        env.checkedTaskDefinition("web", "app:1");
        env.create(service("web", "web", 2));
        env.awaitSteady("web");
        Task sick = env.tasks("web").get(0);

        env.runtime.health(sick.taskArn(), HealthStatus.UNHEALTHY);
        env.clock.runUntilIdle();

        Task stopped = env.ecs.findTask("default", sick.taskId()).orElseThrow();
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.SERVICE_SCHEDULER_INITIATED);
        assertThat(stopped.stoppedReason()).isEqualTo("Task failed container health checks");
        List<Task> tasks = env.tasks("web");
        assertThat(tasks).hasSize(2).allMatch(t -> t.healthStatus() == HealthStatus.HEALTHY);
        Task replacement = tasks.get(1);
        assertThat(replacement.createdAt()).isEqualTo(stopped.stoppingAt());
        assertThat(env.messages("web").subList(0, 4)).containsExactly(
                "(service web) has reached a steady state.",
                "(service web) has stopped 1 running tasks: (task " + sick.taskId() + ").",
                "(service web) (task " + sick.taskId() + ") failed container health checks.",
                "(service web) has started 1 tasks: (task " + replacement.taskId() + ").");
    }

    @Test
    void unhealthyTask_whenMaximumLeavesNoRoom_isStoppedFirst() {
        env.instance("us-east-1a");
        env.checkedTaskDefinition("web", "app:1");
        env.create(service("web", "web", 2).deploymentConfiguration(DeploymentConfiguration.of(50, 100)));
        env.awaitSteady("web");
        Task sick = env.tasks("web").get(0);
        List<String> order = new ArrayList<>();
        env.ecs.subscribe(e -> {
            if (e instanceof EcsEvent.TaskStateChange c && c.task().group().equals("service:web")) {
                if (c.task().taskId().equals(sick.taskId()) && c.task().lastStatus() == TaskStatus.STOPPED) {
                    order.add("stopped");
                } else if (!order.contains("launched:" + c.task().taskId()) && !c.task().taskId().equals(sick.taskId())
                        && c.task().createdAt().equals(env.clock.instant()) && c.task().version() == 1) {
                    order.add("launched:" + c.task().taskId());
                }
            }
        });

        env.runtime.health(sick.taskArn(), HealthStatus.UNHEALTHY);
        env.clock.runUntilIdle();

        assertThat(order).hasSize(2);
        assertThat(order.get(0)).isEqualTo("stopped");
        assertThat(env.tasks("web")).hasSize(2);
    }

    @Test
    void unhealthyTask_withinGracePeriod_isKeptUntilItEnds() {
        env.instance("us-east-1a");
        env.checkedTaskDefinition("web", "app:1");
        env.create(service("web", "web", 1).healthCheckGracePeriodSeconds(60));
        Task sick = only("web");
        env.clock.advance(Duration.ofSeconds(10));

        env.runtime.health(sick.taskArn(), HealthStatus.UNHEALTHY);
        env.clock.advance(Duration.ofSeconds(49));
        assertThat(only("web").taskId()).isEqualTo(sick.taskId());

        env.clock.advance(Duration.ofSeconds(1));
        assertThat(only("web").taskId()).isNotEqualTo(sick.taskId());
        assertThat(env.ecs.findTask("default", sick.taskId()).orElseThrow().stoppedReason())
                .isEqualTo("Task failed container health checks");
    }

    @Test
    void standaloneUnhealthyTask_inServiceGroup_isNeverTouched() {
        env.instance("us-east-1a");
        env.checkedTaskDefinition("web", "app:1");
        env.create(service("web", "web", 1));
        Task standalone = env.ecs.runTask(RunTaskRequest.builder("default", "web").group("service:web").build())
                .tasks().get(0);
        env.clock.runUntilIdle();

        env.runtime.health(standalone.taskArn(), HealthStatus.UNHEALTHY);
        env.clock.advance(Duration.ofMinutes(5));

        assertThat(env.ecs.findTask("default", standalone.taskId()).orElseThrow().lastStatus())
                .isEqualTo(TaskStatus.RUNNING);
        assertThat(env.service("web").runningCount()).isEqualTo(1);
    }

    @Test
    void tasksThatNeverStart_backOffExponentiallyToTheCap_andANewDeploymentResetsIt() {
        env.runtime.behave("broken:1", ScriptedRuntime.Behaviour.FAIL);
        env.instance("us-east-1a");
        env.taskDefinition("web", "broken:1");
        List<EcsEvent.ServiceAction> actions = new CopyOnWriteArrayList<>();
        env.ecs.subscribe(e -> {
            if (e instanceof EcsEvent.ServiceAction a) {
                actions.add(a);
            }
        });
        env.create(service("web", "web", 1));

        env.clock.advance(Duration.ofHours(2));

        List<Instant> launches = env.runtime.launchTimes();
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < launches.size(); i++) {
            gaps.add(Duration.between(launches.get(i - 1), launches.get(i)).toSeconds());
        }
        assertThat(gaps.subList(0, 11)).containsExactly(5L, 10L, 20L, 40L, 80L, 160L, 320L, 640L, 1280L, 1620L, 1620L);
        assertThat(gaps).allMatch(g -> g <= 1620);
        assertThat(env.messages("web")).filteredOn(m -> m.startsWith("(service web) is unable to consistently start"
                + " tasks successfully.")).hasSize(1);
        assertThat(actions).extracting(EcsEvent.ServiceAction::type)
                .contains(ServiceActionType.SERVICE_TASK_START_IMPAIRED);
        Task failed = env.ecs.findTask("default", env.ecs.listTasks(io.ecs4j.request.ListTasksRequest.builder()
                .desiredStatus(io.ecs4j.model.DesiredStatus.STOPPED).build()).items().get(0)).orElseThrow();
        assertThat(failed.stopCode()).isEqualTo(TaskStopCode.TASK_FAILED_TO_START);

        int before = launches.size();
        env.taskDefinition("web", "fixed:1");
        env.ecs.updateService(UpdateServiceRequest.builder("default", "web").taskDefinition("web:2").build());

        assertThat(env.runtime.launchTimes()).hasSize(before + 1);
        assertThat(env.runtime.launchTimes().get(before)).isEqualTo(env.clock.instant());
        assertThat(only("web").lastStatus()).isEqualTo(TaskStatus.RUNNING);
    }

    @Test
    void clusterWithoutInstances_reportsPlacementFailure_andPlacesWhenAnInstanceJoins() {
        env.taskDefinition("web");
        env.create(service("web", "web", 1));

        assertThat(env.messages("web")).containsExactly("(service web) was unable to place a task because no"
                + " container instance met all of its requirements. Reason: No Container Instances were found in your"
                + " cluster. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.");

        env.instance("us-east-1a");

        assertThat(only("web").lastStatus()).isEqualTo(TaskStatus.RUNNING);
    }

    @Test
    void placementFailure_reportsTheClosestInstanceAndReason_once() {
        var instance = env.instance("us-east-1a", 256, 8192);
        env.taskDefinition("web");
        env.create(service("web", "web", 2));

        String message = "(service web) was unable to place a task because no container instance met all of its"
                + " requirements. The closest matching (container-instance " + instance.id() + ") has insufficient"
                + " CPU units available. For more information, see the Troubleshooting section of the Amazon ECS"
                + " Developer Guide.";
        assertThat(env.messages("web").get(0)).isEqualTo(message);
        env.ecs.registerContainerInstance(io.ecs4j.testing.Fixtures.instance("default", "us-east-1b").cpu(0)
                .memory(8192).build());
        assertThat(env.messages("web")).filteredOn(message::equals).hasSize(1);
    }
}
