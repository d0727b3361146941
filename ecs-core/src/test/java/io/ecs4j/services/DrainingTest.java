package io.ecs4j.services;

import static io.ecs4j.services.ServiceTestSupport.ecsError;
import static io.ecs4j.services.ServiceTestSupport.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.model.ContainerInstance;
import io.ecs4j.model.ContainerInstanceStatus;
import io.ecs4j.model.DeploymentConfiguration;
import io.ecs4j.model.Task;
import io.ecs4j.model.TaskStatus;
import io.ecs4j.model.TaskStopCode;
import io.ecs4j.request.RunTaskRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Container instance draining and deregistration (ecs-semantics §5.5), as services see them. */
class DrainingTest {
    private final ServiceTestSupport env = new ServiceTestSupport();
    private ContainerInstance first;

    @AfterEach
    void tearDown() {
        env.close();
    }

    /** A steady service of {@code desired} tasks, all on one instance, then a second, empty instance. */
    private ContainerInstance serviceOnFirstInstance(int desired, int min, int max) {
        first = env.instance("us-east-1a");
        env.taskDefinition("web");
        env.create(service("web", "web", desired).deploymentConfiguration(DeploymentConfiguration.of(min, max)));
        env.awaitSteady("web");
        return env.instance("us-east-1b");
    }

    private void drain(ContainerInstance instance) {
        env.ecs.updateContainerInstancesState("default", List.of(instance.id()), ContainerInstanceStatus.DRAINING);
    }

    private long onInstance(ContainerInstance instance) {
        return env.tasks("web").stream().filter(t -> t.containerInstanceArn().equals(instance.containerInstanceArn()))
                .count();
    }

    @Test
    void draining_replacesRunningTasksStartFirst_atDefaultPercentages() {
        ContainerInstance second = serviceOnFirstInstance(2, 100, 200);

        drain(first);

        assertThat(onInstance(first)).isEqualTo(2);
        assertThat(onInstance(second)).isEqualTo(2);
        env.clock.advance(Duration.ofSeconds(40));
        assertThat(onInstance(first)).isZero();
        assertThat(onInstance(second)).isEqualTo(2);
        Task moved = env.ecs.findTask("default", env.ecs.listTasks(io.ecs4j.request.ListTasksRequest.builder()
                .desiredStatus(io.ecs4j.model.DesiredStatus.STOPPED).build()).items().get(0)).orElseThrow();
        assertThat(moved.stopCode()).isEqualTo(TaskStopCode.SERVICE_SCHEDULER_INITIATED);
        assertThat(moved.stoppedReason()).startsWith("Scaling activity initiated by (deployment ecs-svc/");
        assertThat(env.service("web").isStable()).isTrue();
        assertThat(env.ecs.findContainerInstance("default", first.id()).orElseThrow().status())
                .isEqualTo(ContainerInstanceStatus.DRAINING);
    }

    @Test
    void draining_atMinimum50_stopsHalfFirst() {
        ContainerInstance second = serviceOnFirstInstance(2, 50, 100);

        drain(first);

        assertThat(onInstance(first)).isEqualTo(1);
        assertThat(onInstance(second)).isEqualTo(1);
        env.clock.advance(Duration.ofSeconds(40));
        assertThat(onInstance(first)).isZero();
        assertThat(onInstance(second)).isEqualTo(2);
    }

    @Test
    void draining_withMinimumAndMaximumAt100_blocksCompletely() {
        serviceOnFirstInstance(2, 100, 100);

        drain(first);
        env.clock.advance(Duration.ofMinutes(10));

        assertThat(onInstance(first)).isEqualTo(2);
        assertThat(env.messages("web").get(0)).contains("was unable to stop or start tasks during a deployment"
                + " because of the service deployment configuration.");
    }

    @Test
    void draining_stopsPendingServiceTasksAtOnce() {
        first = env.instance("us-east-1a");
        env.taskDefinition("web");
        env.runtime.startDelay = spec -> Duration.ofMinutes(1);
        env.create(service("web", "web", 2));
        ContainerInstance second = env.instance("us-east-1b");
        assertThat(env.tasks("web")).allMatch(t -> t.lastStatus() == TaskStatus.PENDING);

        drain(first);

        assertThat(onInstance(first)).isZero();
        assertThat(onInstance(second)).isEqualTo(2);
    }

    @Test
    void draining_leavesStandaloneTasksAlone() {
        serviceOnFirstInstance(1, 100, 200);
        env.ecs.updateContainerInstancesState("default", List.of(env.ecs.listContainerInstances(
                io.ecs4j.request.ListContainerInstancesRequest.builder().build()).items().get(1)),
                ContainerInstanceStatus.DRAINING);
        Task standalone = env.ecs.runTask(RunTaskRequest.builder("default", "web").build()).tasks().get(0);

        drain(first);
        env.clock.advance(Duration.ofMinutes(5));

        assertThat(env.ecs.findTask("default", standalone.taskId()).orElseThrow().lastStatus())
                .isEqualTo(TaskStatus.RUNNING);
    }

    @Test
    void deregisterWithForce_stopsTasks_andTheServiceReplacesThemElsewhere() {
        ContainerInstance second = serviceOnFirstInstance(2, 100, 200);

        EcsErrorCheck.refused(() -> env.ecs.deregisterContainerInstance("default", first.id(), false));
        env.ecs.deregisterContainerInstance("default", first.id(), true);

        assertThat(env.tasks("web")).hasSize(2)
                .allMatch(t -> t.containerInstanceArn().equals(second.containerInstanceArn()));
        assertThat(env.ecs.findContainerInstance("default", first.id()).orElseThrow().status())
                .isEqualTo(ContainerInstanceStatus.INACTIVE);
        env.clock.advance(Duration.ofSeconds(40));
        assertThat(env.service("web").isStable()).isTrue();
    }

    /** Deregistering an instance with running tasks needs force. */
    private static final class EcsErrorCheck {
        static void refused(Runnable call) {
            assertThat(ecsError(call).getMessage()).contains("force");
        }
    }
}
