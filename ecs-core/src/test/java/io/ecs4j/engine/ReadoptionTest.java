package io.ecs4j.engine;

import static io.ecs4j.testing.Fixtures.container;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.LocalEcs;
import io.ecs4j.model.Service;
import io.ecs4j.model.Task;
import io.ecs4j.model.TaskDefinition;
import io.ecs4j.model.TaskStatus;
import io.ecs4j.request.CreateServiceRequest;
import io.ecs4j.request.ListTasksRequest;
import io.ecs4j.request.RegisterContainerInstanceRequest;
import io.ecs4j.request.RunTaskRequest;
import io.ecs4j.testing.RecordingRuntime;
import io.ecs4j.time.VirtualClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A new process re-adopts what the previous one left running; services count re-adopted tasks. */
class ReadoptionTest {
    private final VirtualClock clock = VirtualClock.create();

    private LocalEcs first(RecordingRuntime runtime) {
        LocalEcs ecs = LocalEcs.builder().timeSource(clock).runtime(runtime).start();
        ecs.registerContainerInstance(RegisterContainerInstanceRequest.builder().ec2InstanceId("i-0a1b2c3d4e5f60718")
                .availabilityZone("us-east-1b").build());
        ecs.registerTaskDefinition(TaskDefinition.builder("web").containerDefinitions(
                container("app").build()).build());
        return ecs;
    }

    @Test
    void launch_onARuntimeThatCannotDiscover_carriesNoReadoptionMetadata() {
        RecordingRuntime discovering = new RecordingRuntime().autoStart();
        RecordingRuntime forgetful = new RecordingRuntime().autoStart().withoutDiscovery();
        try (LocalEcs a = first(discovering); LocalEcs b = first(forgetful)) {
            a.runTask(RunTaskRequest.builder(null, "web").build());
            b.runTask(RunTaskRequest.builder(null, "web").build());
            clock.runUntilIdle();

            assertThat(discovering.calls("launch").get(0).spec().labels())
                    .containsKeys("io.ecs4j.task", "io.ecs4j.task-definition");
            assertThat(forgetful.calls("launch").get(0).spec().labels()).doesNotContainKeys("io.ecs4j.task",
                    "io.ecs4j.task-definition");
            assertThat(forgetful.calls("launch").get(0).spec().taskDefinitionArn())
                    .isEqualTo("arn:aws:ecs:us-east-1:000000000000:task-definition/web:1");
        }
    }

    @Test
    void start_readoptsTasksWithTheirArnsInstanceAndRevision() {
        RecordingRuntime before = new RecordingRuntime().autoStart();
        LocalEcs old = first(before);
        Task task = old.runTask(RunTaskRequest.builder(null, "web").startedBy("nightly").build()).tasks().get(0);
        clock.runUntilIdle();
        old.close();

        RecordingRuntime after = new RecordingRuntime().discoverable(before.asDiscovered());
        try (LocalEcs ecs = LocalEcs.builder().timeSource(clock).runtime(after).start()) {
            assertThat(ecs.adoption().adoptedTaskArns()).containsExactly(task.taskArn().toString());
            Task adopted = ecs.findTask(null, task.taskId()).orElseThrow();
            assertThat(adopted.lastStatus()).isEqualTo(TaskStatus.RUNNING);
            assertThat(adopted.startedBy()).isEqualTo("nightly");
            assertThat(adopted.containerInstanceArn()).isEqualTo(task.containerInstanceArn());
            assertThat(ecs.findContainerInstance(null, task.containerInstanceArn().id()).orElseThrow()
                    .availabilityZone()).isEqualTo("us-east-1b");
            assertThat(ecs.describeTaskDefinition("web:1").taskDefinitionArn()).isEqualTo(task.taskDefinitionArn());
            assertThat(after.calls("launch")).isEmpty();
            // re-registering the same EC2 instance returns the re-adopted registration
            assertThat(ecs.registerContainerInstance(RegisterContainerInstanceRequest.builder()
                    .ec2InstanceId("i-0a1b2c3d4e5f60718").build()).containerInstanceArn())
                    .isEqualTo(task.containerInstanceArn());
        }
    }

    @Test
    void createService_countsReadoptedTasksOfItsGroup_andLaunchesNothingMore() {
        RecordingRuntime before = new RecordingRuntime().autoStart();
        LocalEcs old = first(before);
        old.createService(CreateServiceRequest.builder().serviceName("web").taskDefinition("web").desiredCount(2)
                .build());
        clock.advance(Duration.ofMinutes(1));
        List<String> tasksBefore = old.listTasks(ListTasksRequest.builder().serviceName("web").build()).items();
        assertThat(tasksBefore).hasSize(2);
        old.close();

        RecordingRuntime after = new RecordingRuntime().autoStart().discoverable(before.asDiscovered());
        try (LocalEcs ecs = LocalEcs.builder().timeSource(clock).runtime(after).start()) {
            Service service = ecs.createService(CreateServiceRequest.builder().serviceName("web")
                    .taskDefinition("web:1").desiredCount(2).build());
            clock.advance(Duration.ofMinutes(1));
            Service steady = ecs.describeServices(null, List.of("web")).items().get(0);
            assertThat(steady.runningCount()).isEqualTo(2);
            assertThat(steady.deployments()).hasSize(1);
            assertThat(after.calls("launch")).as("no duplicates").isEmpty();
            assertThat(ecs.listTasks(ListTasksRequest.builder().serviceName("web").build()).items())
                    .containsExactlyInAnyOrderElementsOf(tasksBefore);
            assertThat(service.serviceName()).isEqualTo("web");
        }
    }

    @Test
    void createService_withANewRevision_rollsTheReadoptedTasks() {
        RecordingRuntime before = new RecordingRuntime().autoStart();
        LocalEcs old = first(before);
        old.createService(CreateServiceRequest.builder().serviceName("web").taskDefinition("web").desiredCount(2)
                .build());
        clock.advance(Duration.ofMinutes(1));
        old.close();

        RecordingRuntime after = new RecordingRuntime().autoStart().discoverable(before.asDiscovered());
        try (LocalEcs ecs = LocalEcs.builder().timeSource(clock).runtime(after).start()) {
            TaskDefinition v2 = ecs.registerTaskDefinition(TaskDefinition.builder("web").containerDefinitions(
                    container("app", "busybox:2").build()).build());
            ecs.createService(CreateServiceRequest.builder().serviceName("web").taskDefinition("web")
                    .desiredCount(2).build());
            Service rolling = ecs.describeServices(null, List.of("web")).items().get(0);
            assertThat(rolling.deployments()).hasSize(2);
            clock.advance(Duration.ofMinutes(2));
            after.exitAllStopped(143);
            clock.advance(Duration.ofMinutes(2));
            Service steady = ecs.describeServices(null, List.of("web")).items().get(0);
            assertThat(steady.deployments()).singleElement()
                    .satisfies(d -> assertThat(d.taskDefinition()).isEqualTo(v2.taskDefinitionArn()));
            assertThat(after.calls("launch")).hasSize(2);
            assertThat(after.calls("stop")).hasSize(2);
        }
    }
}
