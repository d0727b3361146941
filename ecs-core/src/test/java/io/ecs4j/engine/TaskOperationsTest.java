package io.ecs4j.engine;

import static io.ecs4j.testing.Fixtures.container;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecs4j.EcsErrorCode;
import io.ecs4j.EcsException;
import io.ecs4j.LocalEcs;
import io.ecs4j.model.Cluster;
import io.ecs4j.model.ContainerInstance;
import io.ecs4j.model.ContainerOverride;
import io.ecs4j.model.DesiredStatus;
import io.ecs4j.model.Failure;
import io.ecs4j.model.KeyValuePair;
import io.ecs4j.model.LaunchType;
import io.ecs4j.model.PortMapping;
import io.ecs4j.model.Tag;
import io.ecs4j.model.Task;
import io.ecs4j.model.TaskDefinition;
import io.ecs4j.model.TaskOverride;
import io.ecs4j.request.ListTasksRequest;
import io.ecs4j.request.Page;
import io.ecs4j.request.RunTaskRequest;
import io.ecs4j.request.RunTaskResult;
import io.ecs4j.request.StartTaskRequest;
import io.ecs4j.testing.Fixtures;
import io.ecs4j.testing.RecordingRuntime;
import io.ecs4j.time.VirtualClock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RunTask / StartTask / StopTask / DescribeTasks / ListTasks: validation, placement by resources, reads. */
class TaskOperationsTest {
    private final VirtualClock clock = VirtualClock.create();
    private final RecordingRuntime runtime = new RecordingRuntime().autoStart();
    private LocalEcs ecs;

    @BeforeEach
    void setUp() {
        ecs = Fixtures.localEcs(clock, runtime);
        ecs.registerTaskDefinition(Fixtures.taskDefinition("web").build());
    }

    @AfterEach
    void tearDown() {
        ecs.close();
    }

    private ContainerInstance instance(int cpu, int memory) {
        return ecs.registerContainerInstance(Fixtures.instance("default", "us-east-1a").cpu(cpu).memory(memory).build());
    }

    private static EcsException ecsError(Runnable call) {
        try {
            call.run();
        } catch (EcsException e) {
            return e;
        }
        throw new AssertionError("expected an EcsException");
    }

    @Test
    void runTask_whenClusterHasNoInstances_throwsEcsError() {
        EcsException e = ecsError(() -> ecs.runTask(RunTaskRequest.builder(null, "web").build()));
        assertThat(e.code()).isEqualTo(EcsErrorCode.INVALID_PARAMETER);
        assertThat(e.getMessage()).isEqualTo("No Container Instances were found in your cluster.");
    }

    @Test
    void runTask_whenClusterMissing_throwsClusterNotFound() {
        EcsException e = ecsError(() -> ecs.runTask(RunTaskRequest.builder("nope", "web").build()));
        assertThat(e.code()).isEqualTo(EcsErrorCode.CLUSTER_NOT_FOUND);
        assertThat(e.getMessage()).isEqualTo("Cluster not found.");
    }

    @Test
    void runTask_whenCountOutOfRange_rejectsAndChangesNothing() {
        instance(2048, 4096);
        EcsException e = ecsError(() -> ecs.runTask(RunTaskRequest.builder(null, "web").count(11).build()));
        assertThat(e.field()).isEqualTo("count");
        assertThat(ecs.listTasks(ListTasksRequest.builder().build()).items()).isEmpty();
    }

    @Test
    void runTask_whenTaskDefinitionUnknown_throwsClientException() {
        instance(2048, 4096);
        EcsException e = ecsError(() -> ecs.runTask(RunTaskRequest.builder(null, "missing").build()));
        assertThat(e.code()).isEqualTo(EcsErrorCode.CLIENT);
        assertThat(e.getMessage()).isEqualTo("TaskDefinition not found.");
    }

    @Test
    void runTask_placesWhatFitsAndReportsResourceFailures() {
        ContainerInstance small = instance(1024, 300);
        ecs.registerTaskDefinition(TaskDefinition.builder("big").containerDefinitions(
                container("app").memory(128).cpu(512).build()).build());
        RunTaskResult result = ecs.runTask(RunTaskRequest.builder(null, "big").count(3).build());
        assertThat(result.tasks()).hasSize(2);
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.arn()).isEqualTo(small.containerInstanceArn().toString());
            assertThat(f.reason()).isIn("RESOURCE:CPU", "RESOURCE:MEMORY");
        });
        ContainerInstance after = ecs.findContainerInstance(null, small.id()).orElseThrow();
        assertThat(after.remaining("CPU")).isZero();
        assertThat(after.remaining("MEMORY")).isEqualTo(300 - 256);
        assertThat(after.runningTasksCount()).isEqualTo(2);
    }

    @Test
    void runTask_staticHostPortsAreExclusivePerInstance() {
        instance(4096, 8192);
        ecs.registerTaskDefinition(TaskDefinition.builder("port").containerDefinitions(
                container("app").portMappings(PortMapping.tcp(80, 8080)).build()).build());
        RunTaskResult result = ecs.runTask(RunTaskRequest.builder(null, "port").count(2).build());
        assertThat(result.tasks()).hasSize(1);
        assertThat(result.failures()).extracting(Failure::reason).containsExactly("RESOURCE:PORTS");
        ContainerInstance ci = ecs.findContainerInstance(null,
                result.tasks().get(0).containerInstanceArn().id()).orElseThrow();
        assertThat(ci.remainingResources()).filteredOn(r -> r.name().equals("PORTS")).singleElement()
                .satisfies(r -> assertThat(r.stringSetValue()).contains("8080", "22"));
    }

    @Test
    void runTask_resourcesReleasedWhenTaskStops() {
        ContainerInstance ci = instance(1024, 1024);
        Task task = ecs.runTask(RunTaskRequest.builder(null, "web").build()).tasks().get(0);
        clock.runUntilIdle();
        assertThat(ecs.findContainerInstance(null, ci.id()).orElseThrow().remaining("MEMORY")).isEqualTo(1024 - 128);
        ecs.stopTask(null, task.taskArn().toString(), null);
        runtime.exitAllStopped(143);
        clock.runUntilIdle();
        assertThat(ecs.findContainerInstance(null, ci.id()).orElseThrow().remaining("MEMORY")).isEqualTo(1024);
    }

    @Test
    void runTask_fillsGroupOverridesAndTags() {
        instance(2048, 4096);
        TaskOverride overrides = TaskOverride.builder().containerOverrides(ContainerOverride.builder().name("app")
                .command(List.of("echo", "hi")).environment(List.of(KeyValuePair.of("MODE", "batch"))).build())
                .build();
        Task task = ecs.runTask(RunTaskRequest.builder(null, "web").overrides(overrides).startedBy("ci-job")
                .tags(List.of(Tag.of("team", "a"))).build()).tasks().get(0);
        assertThat(task.group()).isEqualTo("family:web");
        assertThat(task.startedBy()).isEqualTo("ci-job");
        assertThat(task.tags()).containsExactly(Tag.of("team", "a"));
        assertThat(task.desiredStatus()).isEqualTo(DesiredStatus.RUNNING);
        clock.runUntilIdle();
        assertThat(runtime.spec("app").command()).containsExactly("echo", "hi");
        assertThat(runtime.spec("app").environment()).containsEntry("MODE", "batch");
    }

    @Test
    void runTask_whenOverrideNamesUnknownContainer_rejects() {
        instance(2048, 4096);
        TaskOverride overrides = TaskOverride.builder()
                .containerOverrides(ContainerOverride.builder().name("ghost").build()).build();
        EcsException e = ecsError(() -> ecs.runTask(RunTaskRequest.builder(null, "web").overrides(overrides).build()));
        assertThat(e.code()).isEqualTo(EcsErrorCode.INVALID_PARAMETER);
        assertThat(e.field()).isEqualTo("overrides.containerOverrides[0].name");
    }

    @Test
    void runTask_whenFargateRequestedForEc2OnlyDefinition_rejects() {
        EcsException e = ecsError(() -> ecs.runTask(RunTaskRequest.builder(null, "web")
                .launchType(LaunchType.FARGATE).build()));
        assertThat(e.getMessage()).isEqualTo("Task definition does not support launch_type FARGATE.");
    }

    @Test
    void runTask_whenAwsvpcWithoutNetworkConfiguration_rejects() {
        instance(2048, 4096);
        ecs.registerTaskDefinition(TaskDefinition.builder("vpc").networkMode(io.ecs4j.model.NetworkMode.AWSVPC)
                .containerDefinitions(container("app").build()).build());
        EcsException e = ecsError(() -> ecs.runTask(RunTaskRequest.builder(null, "vpc").build()));
        assertThat(e.getMessage()).isEqualTo("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
    }

    @Test
    void runTask_withClientToken_isIdempotentAndConflictsOnDifferentParameters() {
        instance(2048, 4096);
        RunTaskResult first = ecs.runTask(RunTaskRequest.builder(null, "web").clientToken("tok-1").build());
        RunTaskResult again = ecs.runTask(RunTaskRequest.builder(null, "web").clientToken("tok-1").build());
        assertThat(again.tasks()).extracting(Task::taskArn).isEqualTo(first.tasks().stream().map(Task::taskArn).toList());
        EcsException e = ecsError(() -> ecs.runTask(RunTaskRequest.builder(null, "web").clientToken("tok-1")
                .count(2).build()));
        assertThat(e.code()).isEqualTo(EcsErrorCode.CONFLICT);
    }

    @Test
    void startTask_placesOnNamedInstancesAndReportsMissingOnes() {
        ContainerInstance ci = instance(2048, 4096);
        RunTaskResult result = ecs.startTask(StartTaskRequest.builder().taskDefinition("web")
                .containerInstances(List.of(ci.id(), "0123456789abcdef0123456789abcdef")).build());
        assertThat(result.tasks()).singleElement()
                .satisfies(t -> assertThat(t.containerInstanceArn()).isEqualTo(ci.containerInstanceArn()));
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.reason()).isEqualTo("MISSING");
            assertThat(f.arn()).endsWith("container-instance/default/0123456789abcdef0123456789abcdef");
        });
    }

    @Test
    void stopTask_whenUnknown_throwsEcsWording() {
        EcsException e = ecsError(() -> ecs.stopTask(null, "0123456789abcdef0123456789abcdef", null));
        assertThat(e.getMessage()).isEqualTo("The referenced task was not found.");
    }

    @Test
    void describeTasks_reportsMissingAndRejectsEmpty() {
        instance(2048, 4096);
        Task task = ecs.runTask(RunTaskRequest.builder(null, "web").build()).tasks().get(0);
        var result = ecs.describeTasks(null, List.of(task.taskId(), "ffffffffffffffffffffffffffffffff"));
        assertThat(result.items()).extracting(Task::taskArn).containsExactly(task.taskArn());
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.reason()).isEqualTo("MISSING");
            assertThat(f.arn()).isEqualTo("arn:aws:ecs:us-east-1:000000000000:task/default/ffffffffffffffffffffffffffffffff");
        });
        assertThat(ecsError(() -> ecs.describeTasks(null, List.of())).getMessage()).isEqualTo("Tasks cannot be empty.");
    }

    @Test
    void describeTasks_inAnotherCluster_isMissing() {
        instance(2048, 4096);
        ecs.createCluster("other");
        Task task = ecs.runTask(RunTaskRequest.builder(null, "web").build()).tasks().get(0);
        var result = ecs.describeTasks("other", List.of(task.taskArn().toString()));
        assertThat(result.items()).isEmpty();
        assertThat(result.failures()).extracting(Failure::reason).containsExactly("MISSING");
    }

    @Test
    void listTasks_filtersByStatusFamilyStartedByAndPaginates() {
        instance(4096, 8192);
        ecs.registerTaskDefinition(Fixtures.taskDefinition("batch").build());
        List<Task> web = ecs.runTask(RunTaskRequest.builder(null, "web").count(3).build()).tasks();
        ecs.runTask(RunTaskRequest.builder(null, "batch").startedBy("cron").build());
        ecs.stopTask(null, web.get(0).taskId(), null);
        clock.runUntilIdle();

        assertThat(ecs.listTasks(ListTasksRequest.builder().build()).items()).hasSize(3);
        assertThat(ecs.listTasks(ListTasksRequest.builder().family("web").build()).items()).hasSize(2);
        assertThat(ecs.listTasks(ListTasksRequest.builder().desiredStatus(DesiredStatus.STOPPED).build()).items())
                .containsExactly(web.get(0).taskArn().toString());
        assertThat(ecs.listTasks(ListTasksRequest.builder().desiredStatus(DesiredStatus.PENDING).build()).items())
                .isEmpty();
        assertThat(ecs.listTasks(ListTasksRequest.builder().startedBy("cron").build()).items()).hasSize(1);

        Page<String> first = ecs.listTasks(ListTasksRequest.builder().maxResults(2).build());
        assertThat(first.items()).hasSize(2);
        Page<String> second = ecs.listTasks(ListTasksRequest.builder().maxResults(2).nextToken(first.nextToken()).build());
        assertThat(second.items()).hasSize(1);
        assertThat(second.nextToken()).isNull();

        assertThat(ecsError(() -> ecs.listTasks(ListTasksRequest.builder().family("bad family").build())).getMessage())
                .isEqualTo("family must match ^[a-zA-Z0-9\\-_]+$");
        assertThat(ecsError(() -> ecs.listTasks(ListTasksRequest.builder().startedBy("x").family("web").build()))
                .field()).isEqualTo("startedBy");
    }

    @Test
    void clusterCounters_followTasks() {
        ecs.close();
        RecordingRuntime manual = new RecordingRuntime();
        ecs = Fixtures.localEcs(clock, manual);
        ecs.registerTaskDefinition(Fixtures.taskDefinition("web").build());
        instance(4096, 8192);
        ecs.runTask(RunTaskRequest.builder(null, "web").count(2).build());
        Cluster pending = ecs.findCluster(null).orElseThrow();
        assertThat(pending.pendingTasksCount()).isEqualTo(2);
        assertThat(pending.runningTasksCount()).isZero();
        manual.calls("launch").forEach(c -> manual.started(c.handle()));
        clock.runUntilIdle();
        Cluster running = ecs.findCluster(null).orElseThrow();
        assertThat(running.pendingTasksCount()).isZero();
        assertThat(running.runningTasksCount()).isEqualTo(2);
        assertThat(running.registeredContainerInstancesCount()).isEqualTo(1);
    }

    @Test
    void instanceCounters_underRandomRunsStopsStartsAndExits_matchTheTasksOnEachInstance() {
        ecs.close();
        RecordingRuntime manual = new RecordingRuntime();
        ecs = Fixtures.localEcs(clock, manual);
        ecs.registerTaskDefinition(Fixtures.taskDefinition("web").build());
        List<ContainerInstance> instances = List.of(instance(100_000, 100_000), instance(100_000, 100_000),
                instance(100_000, 100_000));
        java.util.Random random = new java.util.Random(7);
        List<Task> started = new java.util.ArrayList<>();
        for (int step = 0; step < 400; step++) {
            int action = random.nextInt(5);
            List<RecordingRuntime.Call> launches = manual.calls("launch");
            if (action == 0 || started.isEmpty()) {
                started.addAll(ecs.runTask(RunTaskRequest.builder(null, "web").count(1 + random.nextInt(3)).build())
                        .tasks());
            } else if (action == 1) {
                ecs.stopTask(null, started.get(random.nextInt(started.size())).taskId(), "random stop");
            } else if (action == 2 && !launches.isEmpty()) {
                manual.started(launches.get(random.nextInt(launches.size())).handle());
            } else if (action == 3 && !launches.isEmpty()) {
                manual.exited(launches.get(random.nextInt(launches.size())).handle(), random.nextInt(2));
            } else {
                clock.advance(java.time.Duration.ofSeconds(random.nextInt(40)));
            }
            clock.runUntilIdle();

            List<Task> tasks = started.stream().flatMap(t -> ecs.findTask(null, t.taskId()).stream()).toList();
            for (ContainerInstance before : instances) {
                ContainerInstance ci = ecs.describeContainerInstances(null, List.of(before.id())).items().get(0);
                List<Task> active = tasks.stream().filter(t -> ci.containerInstanceArn().equals(t.containerInstanceArn())
                        && t.lastStatus() != io.ecs4j.model.TaskStatus.STOPPED).toList();
                assertThat(ci.runningTasksCount()).as("step %d", step)
                        .isEqualTo(active.stream().filter(t -> t.desiredStatus() == DesiredStatus.RUNNING).count());
                assertThat(ci.pendingTasksCount()).as("step %d", step).isEqualTo(active.stream()
                        .filter(t -> t.lastStatus() == io.ecs4j.model.TaskStatus.PENDING).count());
            }
        }
    }

    @Test
    void deleteCluster_refusedWhileInstancesOrTasksRemain() {
        ecs.createCluster("tmp");
        ContainerInstance ci = ecs.registerContainerInstance(Fixtures.instance("tmp", "us-east-1a").build());
        assertThat(ecsError(() -> ecs.deleteCluster("tmp")).code())
                .isEqualTo(EcsErrorCode.CLUSTER_CONTAINS_CONTAINER_INSTANCES);
        ecs.deregisterContainerInstance("tmp", ci.id(), false);
        Cluster deleted = ecs.deleteCluster("tmp");
        assertThat(deleted.status().value()).isEqualTo("INACTIVE");
        assertThat(ecsError(() -> ecs.registerContainerInstance(Fixtures.instance("tmp", "us-east-1a").build()))
                .getMessage()).isEqualTo("The specified cluster is inactive. Specify an active cluster and try again.");
        assertThat(ecs.createCluster("tmp").status().value()).isEqualTo("ACTIVE");
    }

    @Test
    void describeClusters_reportsMissingClusters() {
        var result = ecs.describeClusters(List.of("default", "ghost"));
        assertThat(result.items()).extracting(Cluster::clusterName).containsExactly("default");
        assertThat(result.failures()).singleElement()
                .satisfies(f -> assertThat(f.arn()).isEqualTo("arn:aws:ecs:us-east-1:000000000000:cluster/ghost"));
    }

    @Test
    void createCluster_whenNameInvalid_rejects() {
        assertThatThrownBy(() -> ecs.createCluster("bad name!")).isInstanceOf(EcsException.class)
                .extracting(e -> ((EcsException) e).field()).isEqualTo("clusterName");
    }
}
