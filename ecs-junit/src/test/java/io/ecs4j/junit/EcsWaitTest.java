package io.ecs4j.junit;

import static io.ecs4j.junit.EcsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecs4j.LocalEcs;
import io.ecs4j.inmemory.ContainerBehaviour;
import io.ecs4j.inmemory.InMemoryRuntime;
import io.ecs4j.model.Deployment;
import io.ecs4j.model.DeploymentCircuitBreaker;
import io.ecs4j.model.DeploymentConfiguration;
import io.ecs4j.model.RolloutState;
import io.ecs4j.model.Service;
import io.ecs4j.model.Task;
import io.ecs4j.model.TaskStopCode;
import io.ecs4j.request.CreateServiceRequest;
import io.ecs4j.request.RunTaskRequest;
import io.ecs4j.request.UpdateServiceRequest;
import io.ecs4j.time.VirtualClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Waiting in virtual time, and what a failed wait says. */
@LocalEcsTest(instances = 2)
class EcsWaitTest {

    @Test
    void untilSteadyState_afterARollingUpdate_returnsTheCompletedService(LocalEcs ecs, EcsWait wait,
                                                                        InMemoryRuntime runtime, VirtualClock clock) {
        runtime.onImage("acme/web:2", ContainerBehaviour.builder().startDelay(Duration.ofSeconds(30)).build());
        TestData.service(ecs, "default", "web", "acme/web:1", 2);
        wait.untilSteadyState("default", "web");
        ecs.registerTaskDefinition(TestData.taskDefinition("web", "acme/web:2"));
        ecs.updateService(UpdateServiceRequest.builder("default", "web").taskDefinition("web:2").build());

        Service web = wait.untilSteadyState("default", "web");

        assertThat(web).isSteady().hasTaskDefinition("web:2").hasRunningCount(2)
                .primaryDeployment().hasRolloutState(RolloutState.COMPLETED).hasTaskDefinition("web:2");
        assertThat(clock.instant()).isAfterOrEqualTo(VirtualClock.DEFAULT_START.plusSeconds(30));
    }

    @Test
    void untilSteadyState_whenTasksCannotBePlaced_timesOutWithTheServiceTimeline(LocalEcs ecs, EcsWait wait) {
        ecs.registerTaskDefinition(TestData.taskDefinition("huge", "acme/huge:1").toBuilder()
                .containerDefinitions(io.ecs4j.model.ContainerDefinition.builder().name("app").image("acme/huge:1")
                        .cpu(256).memory(100_000).build()).build());
        ecs.createService(CreateServiceRequest.builder("default", "huge", "huge").desiredCount(1).build());

        assertThatThrownBy(() -> wait.withTimeout(Duration.ofMinutes(5)).untilSteadyState("default", "huge"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Timed out waiting for service huge (cluster default) to reach a steady state:"
                        + " it did not happen within 5m of virtual time (00:00:00.000 to 00:05:00.000).")
                .hasMessageContaining("service huge (cluster default): ACTIVE, desired 1, running 0, pending 0,"
                        + " task definition huge:1")
                .hasMessageContaining("PRIMARY ecs-svc/")
                .hasMessageContaining("events (oldest first):")
                .hasMessageContaining("(service huge) was unable to place a task because no container instance met"
                        + " all of its requirements.")
                .hasMessageContaining("tasks (newest first):\n    (none)");
    }

    @Test
    void untilSteadyState_whenTheDeploymentFailsWithoutRollback_givesUpEarly(LocalEcs ecs, EcsWait wait,
                                                                            InMemoryRuntime runtime,
                                                                            VirtualClock clock) {
        runtime.onImage("acme/web:broken", ContainerBehaviour.failsToStart());
        ecs.registerTaskDefinition(TestData.taskDefinition("web", "acme/web:1"));
        ecs.createService(CreateServiceRequest.builder("default", "web", "web").desiredCount(2)
                .deploymentConfiguration(new DeploymentConfiguration(DeploymentCircuitBreaker.enabled(false), null,
                        null)).build());
        wait.untilSteadyState("default", "web");
        ecs.registerTaskDefinition(TestData.taskDefinition("web", "acme/web:broken"));
        ecs.updateService(UpdateServiceRequest.builder("default", "web").taskDefinition("web:2").build());

        assertThatThrownBy(() -> wait.untilSteadyState("default", "web"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Gave up waiting for service web (cluster default) to reach a steady state after")
                .hasMessageContaining("failed (ECS deployment circuit breaker: tasks failed to start.) and the circuit"
                        + " breaker does not roll back")
                .hasMessageContaining("TaskFailedToStart");
        assertThat(clock.instant()).isBefore(VirtualClock.DEFAULT_START.plus(Duration.ofMinutes(30)));
    }

    @Test
    void untilRolloutState_seesTheCircuitBreakerTrip_andUntilSteadyStateTheRollback(LocalEcs ecs, EcsWait wait,
                                                                                    InMemoryRuntime runtime) {
        runtime.onImage("acme/web:broken", ContainerBehaviour.exitsAfter(Duration.ofSeconds(5), 1));
        TestData.service(ecs, "default", "web", "acme/web:1", 2);
        wait.untilSteadyState("default", "web");
        ecs.registerTaskDefinition(TestData.taskDefinition("web", "acme/web:broken"));
        Deployment bad = ecs.updateService(UpdateServiceRequest.builder("default", "web").taskDefinition("web:2")
                .build()).primaryDeployment();

        Deployment failed = wait.untilRolloutState("default", "web", bad.id(), RolloutState.FAILED);
        Service rolledBack = wait.untilSteadyState("default", "web");

        assertThat(failed).hasRolloutStateReasonContaining("tasks failed to start");
        assertThat(rolledBack).isSteady().hasTaskDefinition("web:1")
                .hasEventContaining("rolling back to deployment");
    }

    @Test
    void untilTasksRunning_whenATaskStops_givesUpEarlyWithItsStopCodeAndExitCode(LocalEcs ecs, EcsWait wait,
                                                                                 InMemoryRuntime runtime) {
        runtime.onImage("acme/job:1", ContainerBehaviour.exitsAfter(Duration.ZERO, 3));
        ecs.registerTaskDefinition(TestData.taskDefinition("job", "acme/job:1"));
        List<Task> tasks = ecs.runTask(RunTaskRequest.builder("default", "job").build()).tasks();

        assertThatThrownBy(() -> wait.untilTasksRunning(tasks))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Gave up waiting for task " + tasks.get(0).taskId() + " (cluster default) to be"
                        + " RUNNING")
                .hasMessageContaining("EssentialContainerExited: Essential container in task exited")
                .hasMessageContaining("app STOPPED exit 3");
    }

    @Test
    void untilTaskStopped_returnsTheStoppedTask(LocalEcs ecs, EcsWait wait, InMemoryRuntime runtime) {
        runtime.onImage("acme/job:1", ContainerBehaviour.exitsAfter(Duration.ofMinutes(2), 0));
        ecs.registerTaskDefinition(TestData.taskDefinition("job", "acme/job:1"));
        Task started = ecs.runTask(RunTaskRequest.builder("default", "job").build()).tasks().get(0);
        assertThat(wait.untilTasksRunning(List.of(started))).singleElement()
                .satisfies(t -> assertThat(t).isRunning());

        Task stopped = wait.untilTaskStopped(started);

        assertThat(stopped).isStopped().stoppedWith(TaskStopCode.ESSENTIAL_CONTAINER_EXITED)
                .hasContainerExitCode("app", 0);
    }

    @Test
    void until_whenNothingIsPending_saysSoAndShowsEveryService(LocalEcs ecs, EcsWait wait, VirtualClock clock) {
        TestData.service(ecs, "default", "web", "acme/web:1", 1);
        wait.untilSteadyState("default", "web");

        assertThatThrownBy(() -> wait.withTimeout(Duration.ofMinutes(1)).until("a second web task", () -> false))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Timed out waiting for a second web task: it did not happen within 1m of"
                        + " virtual time")
                // a steady service's next event is its steady-state reminder, 6 hours after the steady state
                .hasMessageContaining("Nothing is due before 06:00:40.000 (in 5h59m): nothing will change before"
                        + " then unless the test acts.")
                .hasMessageContaining("service web (cluster default): ACTIVE, desired 1, running 1");
    }

    @Test
    void until_withAProbe_returnsTheFirstValueThatSatisfiesTheCondition(LocalEcs ecs, EcsWait wait,
                                                                        VirtualClock clock) {
        TestData.service(ecs, "default", "web", "acme/web:1", 2);

        int running = wait.until("two running web tasks",
                () -> ecs.findService("default", "web").orElseThrow().runningCount(), n -> n == 2);

        assertThat(running).isEqualTo(2);
    }

    @Test
    void withTimeout_rejectsNonPositiveTimeouts(EcsWait wait) {
        assertThatThrownBy(() -> wait.withTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThat(wait.withTimeout(Duration.ofSeconds(5)).timeout()).isEqualTo(Duration.ofSeconds(5));
    }
}
