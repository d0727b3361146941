package io.ecs4j.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Container;
import io.ecs4j.json.EcsJson;
import io.ecs4j.model.AwsVpcConfiguration;
import io.ecs4j.model.DeploymentConfiguration;
import io.ecs4j.model.DesiredStatus;
import io.ecs4j.model.EcsEvent;
import io.ecs4j.model.HealthStatus;
import io.ecs4j.model.NetworkConfiguration;
import io.ecs4j.model.RolloutState;
import io.ecs4j.model.Service;
import io.ecs4j.model.ServiceEvent;
import io.ecs4j.model.Task;
import io.ecs4j.model.TaskDefinition;
import io.ecs4j.model.TaskStatus;
import io.ecs4j.model.TaskStopCode;
import io.ecs4j.request.CreateServiceRequest;
import io.ecs4j.request.ListTasksRequest;
import io.ecs4j.request.RunTaskRequest;
import io.ecs4j.request.UpdateServiceRequest;
import io.ecs4j.spi.runtime.LogEntry;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Services through the control plane (LocalEcs) on real Docker containers, in real time: steady state, replacement of
 * a container killed behind ecs4j's back, a rolling update, service discovery by DNS alias, and a JVM restart.
 *
 * <p>Health checks run every 5 s (ECS's minimum interval), so a task is HEALTHY about 5 s after it starts; the
 * deployment bounds below keep each scenario to a few such waits.
 */
@RequiresDocker
class DockerServiceIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(45);
    private static final String STEADY = "has reached a steady state.";
    /** How long the runtime keeps a stopped container before removing it (ECS_ENGINE_TASK_CLEANUP_WAIT_DURATION). */
    private static final Duration RETENTION = Duration.ofSeconds(2);

    /** busybox httpd serving "{@code body} <hostname>" on 8080, with a health check and a 2 s stop timeout. */
    private static TaskDefinition web(String family, String networkMode, String body) {
        String ports = networkMode.equals("bridge") ? "[{\"containerPort\": 8080, \"hostPort\": 0}]"
                : "[{\"containerPort\": 8080}]";
        return EcsJson.readTaskDefinition("""
                {"family": "%s", "networkMode": "%s", "containerDefinitions": [
                  {"name": "app", "image": "local/busybox:1", "memory": 32,
                   "command": ["sh", "-c", "mkdir -p /w && echo %s $(hostname) > /w/index.html && exec httpd -f -p 8080 -h /w"],
                   "portMappings": %s,
                   "healthCheck": {"command": ["CMD-SHELL", "timeout 2 wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1"],
                                   "interval": 5, "timeout": 2, "retries": 2, "startPeriod": 0},
                   "linuxParameters": {"initProcessEnabled": true}, "stopTimeout": 2}
                ]}""".formatted(family, networkMode, body, ports));
    }

    private static CreateServiceRequest.Builder service(String name, String taskDefinition, int count) {
        return CreateServiceRequest.builder(null, name, taskDefinition).desiredCount(count)
                .deploymentConfiguration(DeploymentConfiguration.of(50, 150));
    }

    @Test
    void service_reachesSteadyState_andEveryTaskAnswersOnItsHostPort() throws Exception {
        try (DockerLocalEcs d = new DockerLocalEcs()) {
            d.ecs.registerTaskDefinition(web("web", "bridge", "web-v1"));
            d.ecs.createService(service("web", "web", 3).build());

            Service steady = awaitSteady(d, "web", 3, 1);

            assertThat(steady.deployments()).singleElement().satisfies(dep -> {
                assertThat(dep.runningCount()).isEqualTo(3);
                assertThat(dep.rolloutState()).isEqualTo(RolloutState.COMPLETED);
            });
            List<Task> tasks = serviceTasks(d, "web");
            assertThat(tasks).hasSize(3).allSatisfy(t -> {
                assertThat(t.lastStatus()).isEqualTo(TaskStatus.RUNNING);
                assertThat(t.healthStatus()).isEqualTo(HealthStatus.HEALTHY);
                assertThat(t.group()).isEqualTo("service:web");
            });
            Set<String> bodies = new HashSet<>();
            for (Task t : tasks) {
                var binding = t.container("app").networkBindings().get(0);
                assertThat(binding.bindIp()).isEqualTo("127.0.0.1");
                String body = DockerFixture.httpGet(binding.hostPort());
                assertThat(body).startsWith("web-v1 ");
                bodies.add(body);
            }
            assertThat(bodies).as("three different containers answer").hasSize(3);
        }
    }

    @Test
    void containerKilledOutsideEcs4j_stopsItsTask_andTheServiceReplacesIt() throws Exception {
        try (DockerLocalEcs d = new DockerLocalEcs()) {
            d.ecs.registerTaskDefinition(web("web", "bridge", "web-v1"));
            d.ecs.createService(service("web", "web", 3).build());
            awaitSteady(d, "web", 3, 1);
            Task victim = serviceTasks(d, "web").get(0);

            d.docker.killContainerCmd(victim.container("app").runtimeId()).exec();   // SIGKILL, as `docker kill`

            DockerLocalEcs.await("killed task STOPPED", () -> d.task(victim).lastStatus() == TaskStatus.STOPPED,
                    TIMEOUT);
            Task stopped = d.task(victim);
            assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
            assertThat(stopped.container("app").exitCode()).isEqualTo(137);
            assertThat(stopped.stoppedReason()).contains("Essential container in task exited");
            Service again = awaitSteady(d, "web", 3, 2);
            List<Task> tasks = serviceTasks(d, "web");
            assertThat(tasks).hasSize(3).extracting(Task::taskArn).doesNotContain(victim.taskArn());
            assertThat(again.events().get(0).message()).endsWith(STEADY);
            for (Task t : tasks) {
                assertThat(DockerFixture.httpGet(t.container("app").networkBindings().get(0).hostPort()))
                        .startsWith("web-v1 ");
            }
        }
    }

    @Test
    void updateService_toANewRevision_rollsWithinMaximumPercent_andRemovesTheOldContainers() throws Exception {
        try (DockerLocalEcs d = new DockerLocalEcs(DockerFixture.newRunId(), b -> b,
                r -> r.stoppedContainerRetention(RETENTION), true)) {
            d.ecs.registerTaskDefinition(web("web", "bridge", "web-v1"));
            d.ecs.createService(service("web", "web", 3).build());
            awaitSteady(d, "web", 3, 1);
            List<String> oldContainers = serviceTasks(d, "web").stream()
                    .map(t -> t.container("app").runtimeId()).toList();
            TaskCounter counter = new TaskCounter("service:web");
            AutoCloseable subscription = d.ecs.subscribe(counter);
            serviceTasks(d, "web").forEach(counter::seed);
            TaskDefinition v2 = d.ecs.registerTaskDefinition(web("web", "bridge", "web-v2"));
            int maxTasks = 3 * 150 / 100;   // ⌊D × maximumPercent / 100⌋ = 4
            int minHealthy = 2;             // ⌈D × minimumHealthyPercent / 100⌉ = ⌈1.5⌉

            d.ecs.updateService(UpdateServiceRequest.builder(null, "web").taskDefinition("web:2").build());

            int[] dockerMax = {0};
            DockerLocalEcs.await("rollout COMPLETED", () -> {
                dockerMax[0] = Math.max(dockerMax[0], runningContainers(d, "web").size());
                Service s = describe(d, "web");
                return s.deployments().size() == 1 && s.deployments().get(0).rolloutState() == RolloutState.COMPLETED
                        && s.deployments().get(0).taskDefinition().equals(v2.taskDefinitionArn())
                        && s.runningCount() == 3;
            }, TIMEOUT);
            subscription.close();

            assertThat(counter.maxNotStopped.get()).as("tasks not STOPPED, at every task change (the surge is used)")
                    .isEqualTo(maxTasks);
            assertThat(counter.minHealthy.get()).as("healthy tasks asked to run, at every task change")
                    .isGreaterThanOrEqualTo(minHealthy);
            assertThat(dockerMax[0]).as("running containers of the service, sampled").isLessThanOrEqualTo(maxTasks);
            Service done = describe(d, "web");
            assertThat(done.taskDefinition()).isEqualTo(v2.taskDefinitionArn());
            assertThat(done.deployments().get(0).rolloutStateReason()).startsWith("ECS deployment ecs-svc/")
                    .endsWith(" completed.");
            List<Task> tasks = serviceTasks(d, "web");
            assertThat(tasks).hasSize(3).allSatisfy(t ->
                    assertThat(t.taskDefinitionArn()).isEqualTo(v2.taskDefinitionArn()));
            for (Task t : tasks) {
                assertThat(DockerFixture.httpGet(t.container("app").networkBindings().get(0).hostPort()))
                        .startsWith("web-v2 ");
            }
            // the old containers were stopped by the rollout and removed once the retention passed
            DockerLocalEcs.await("old containers removed", () -> d.docker.listContainersCmd().withShowAll(true)
                    .withIdFilter(oldContainers).exec().isEmpty(), RETENTION.plus(Duration.ofSeconds(10)));
        }
    }

    @Test
    void awsvpcService_isReachedByItsNameFromAnotherTaskOfTheCluster() {
        try (DockerLocalEcs d = new DockerLocalEcs()) {
            d.ecs.registerTaskDefinition(web("backend", "awsvpc", "from-backend"));
            d.ecs.registerTaskDefinition(EcsJson.readTaskDefinition("""
                    {"family": "client", "networkMode": "awsvpc", "containerDefinitions": [
                      {"name": "curl", "image": "local/busybox:1", "memory": 32,
                       "command": ["sh", "-c", "for i in $(seq 1 20); do timeout 2 wget -q -O- http://backend:8080/ && exit 0; sleep 0.5; done; exit 1"]}
                    ]}"""));
            NetworkConfiguration vpc = new NetworkConfiguration(new AwsVpcConfiguration(List.of("subnet-local"),
                    List.of(), null));
            d.ecs.createService(service("backend", "backend", 1).networkConfiguration(vpc).build());
            awaitSteady(d, "backend", 1, 1);

            Task client = d.ecs.runTask(RunTaskRequest.builder(null, "client").networkConfiguration(vpc).build())
                    .tasks().get(0);

            DockerLocalEcs.await("client STOPPED", () -> d.task(client).lastStatus() == TaskStatus.STOPPED, TIMEOUT);
            assertThat(d.task(client).container("curl").exitCode()).as("the client reached backend:8080").isZero();
            Task server = serviceTasks(d, "backend").get(0);
            assertThat(d.ecs.logs(null, client.taskId(), "curl")).extracting(LogEntry::message)
                    .contains("from-backend " + hostname(d, server));
        }
    }

    @Test
    void newLocalEcs_readoptsTheServiceTasks_andCreateServiceCountsThemWithoutStartingContainers() {
        DockerLocalEcs first = new DockerLocalEcs();
        String runId = first.runId;
        List<String> taskArns;
        try {
            first.ecs.registerTaskDefinition(web("web", "bridge", "web-v1"));
            first.ecs.createService(service("web", "web", 2).build());
            awaitSteady(first, "web", 2, 1);
            taskArns = serviceTasks(first, "web").stream().map(t -> t.taskArn().toString()).sorted().toList();
        } finally {
            first.closeKeepingContainers();
        }
        List<String> before = containerIds(first, runId);
        assertThat(before).hasSize(2);

        try (DockerLocalEcs second = new DockerLocalEcs(runId, b -> b, false)) {
            assertThat(second.ecs.adoption().adoptedTaskArns()).containsExactlyInAnyOrderElementsOf(taskArns);

            second.ecs.createService(service("web", "web", 2).build());

            Service steady = awaitSteady(second, "web", 2, 1);
            assertThat(steady.deployments()).singleElement()
                    .satisfies(dep -> assertThat(dep.runningCount()).isEqualTo(2));
            assertThat(serviceTasks(second, "web")).extracting(t -> t.taskArn().toString())
                    .containsExactlyInAnyOrderElementsOf(taskArns);
            assertThat(containerIds(second, runId)).as("no container started or removed")
                    .containsExactlyInAnyOrderElementsOf(before);
        }
    }

    // ------------------------------------------------------------------ helpers

    private static Service describe(DockerLocalEcs d, String service) {
        return d.ecs.describeServices(null, List.of(service)).items().get(0);
    }

    /** Waits until {@code service} is steady with {@code count} tasks and has recorded its steady state at least {@code times}. */
    private static Service awaitSteady(DockerLocalEcs d, String service, int count, int times) {
        DockerLocalEcs.await(service + " steady with " + count + " tasks", () -> {
            Service s = describe(d, service);
            return s.deployments().size() == 1 && s.runningCount() == count && s.pendingCount() == 0
                    && s.events().stream().map(ServiceEvent::message).filter(m -> m.endsWith(STEADY)).count() >= times;
        }, TIMEOUT);
        return describe(d, service);
    }

    /** The service's tasks asked to run. */
    private static List<Task> serviceTasks(DockerLocalEcs d, String service) {
        List<String> arns = d.ecs.listTasks(ListTasksRequest.builder().serviceName(service)
                .desiredStatus(DesiredStatus.RUNNING).build()).items();
        return arns.isEmpty() ? List.of() : d.ecs.describeTasks(null, arns).items();
    }

    private static List<Container> runningContainers(DockerLocalEcs d, String family) {
        return d.docker.listContainersCmd().withLabelFilter(Map.of(DockerFixture.RUN_LABEL, d.runId,
                "com.amazonaws.ecs.task-definition-family", family)).exec();
    }

    private static List<String> containerIds(DockerLocalEcs d, String runId) {
        return d.docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(DockerFixture.RUN_LABEL, runId,
                "io.ecs4j.role", "container")).exec().stream().map(Container::getId).toList();
    }

    private static String hostname(DockerLocalEcs d, Task task) {
        return d.docker.inspectContainerCmd(task.container("app").runtimeId()).exec().getConfig().getHostName();
    }

    /**
     * Follows one task group through its task state changes (on the control loop, in order) and records the most
     * tasks not yet STOPPED and the fewest healthy tasks still asked to run at any moment.
     */
    private static final class TaskCounter implements java.util.function.Consumer<EcsEvent> {
        private final String group;
        private final Map<String, Task> tasks = new ConcurrentHashMap<>();
        final AtomicInteger maxNotStopped = new AtomicInteger();
        final AtomicInteger minHealthy = new AtomicInteger(Integer.MAX_VALUE);

        TaskCounter(String group) {
            this.group = group;
        }

        /** A task as it was before the subscription (a change already seen wins). */
        void seed(Task t) {
            tasks.putIfAbsent(t.taskId(), t);
        }

        @Override
        public void accept(EcsEvent event) {
            if (!(event instanceof EcsEvent.TaskStateChange change) || !group.equals(change.task().group())) {
                return;
            }
            Task t = change.task();
            tasks.put(t.taskId(), t);
            int notStopped = 0;
            int healthy = 0;
            for (Task each : tasks.values()) {
                if (each.lastStatus() != TaskStatus.STOPPED) {
                    notStopped++;
                }
                if (each.lastStatus() == TaskStatus.RUNNING && each.desiredStatus() == DesiredStatus.RUNNING
                        && each.healthStatus() == HealthStatus.HEALTHY) {
                    healthy++;
                }
            }
            maxNotStopped.accumulateAndGet(notStopped, Math::max);
            minHealthy.accumulateAndGet(healthy, Math::min);
        }
    }
}
