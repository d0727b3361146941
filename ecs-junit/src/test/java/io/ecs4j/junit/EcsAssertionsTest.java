package io.ecs4j.junit;

import static io.ecs4j.junit.EcsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecs4j.LocalEcs;
import io.ecs4j.inmemory.ContainerBehaviour;
import io.ecs4j.inmemory.InMemoryRuntime;
import io.ecs4j.model.ContainerInstance;
import io.ecs4j.model.ContainerInstanceStatus;
import io.ecs4j.model.DeploymentStatus;
import io.ecs4j.model.HealthStatus;
import io.ecs4j.model.RolloutState;
import io.ecs4j.model.Service;
import io.ecs4j.model.ServiceStatus;
import io.ecs4j.model.Task;
import io.ecs4j.model.TaskStatus;
import io.ecs4j.model.TaskStopCode;
import io.ecs4j.request.ListContainerInstancesRequest;
import io.ecs4j.request.RunTaskRequest;
import io.ecs4j.request.UpdateServiceRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The AssertJ assertions: what passes, and what a failure says. */
@LocalEcsTest(instances = 1)
class EcsAssertionsTest {

    static Service steadyWeb(LocalEcs ecs, EcsWait wait) {
        TestData.service(ecs, "default", "web", "acme/web:1", 2);
        return wait.untilSteadyState("default", "web");
    }

    @Test
    void serviceAssertions_passOnASteadyService(LocalEcs ecs, EcsWait wait) {
        Service web = steadyWeb(ecs, wait);

        assertThat(web).isActive().hasStatus(ServiceStatus.ACTIVE).isSteady().hasRunningCount(2).hasDesiredCount(2)
                .hasPendingCount(0).hasTaskDefinition("web:1").hasTaskDefinition("web")
                .hasTaskDefinition("arn:aws:ecs:us-east-1:000000000000:task-definition/web:1")
                .hasDeploymentCount(1).hasRolloutState(RolloutState.COMPLETED)
                .hasEventContaining("has reached a steady state.").hasNoEventContaining("unable to place");
        assertThat(web).primaryDeployment().isPrimary().hasStatus(DeploymentStatus.PRIMARY)
                .hasRolloutState(RolloutState.COMPLETED).hasRolloutStateReasonContaining("completed")
                .hasTaskDefinition("web:1").hasRunningCount(2).hasDesiredCount(2).hasPendingCount(0)
                .hasFailedTasks(0);
    }

    @Test
    void isSteady_duringARollingUpdate_failsWithTheDeploymentsAndTheTimeline(LocalEcs ecs, EcsWait wait) {
        steadyWeb(ecs, wait);
        ecs.registerTaskDefinition(TestData.taskDefinition("web", "acme/web:2"));
        Service updating = ecs.updateService(UpdateServiceRequest.builder("default", "web").taskDefinition("web:2")
                .build());

        assertThat(updating).isNotSteady();
        assertThatThrownBy(() -> assertThat(updating).isSteady())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting service web (cluster default) to be in a steady state but it has 2"
                        + " deployments.")
                .hasMessageContaining("PRIMARY ecs-svc/")
                .hasMessageContaining("web:2  IN_PROGRESS")
                .hasMessageContaining("ACTIVE  ecs-svc/")
                .hasMessageContaining("events (oldest first):")
                .hasMessageContaining("00:00:40.000  (service web) has reached a steady state.");
        assertThatThrownBy(() -> assertThat(updating).hasRunningCount(3))
                .hasMessageContaining("Expecting service web (cluster default) to have runningCount 3 but it is 2.");
        assertThatThrownBy(() -> assertThat(updating).hasTaskDefinition("web:1"))
                .hasMessageContaining("to have task definition web:1 but it has web:2.");
        assertThatThrownBy(() -> assertThat(updating).hasRolloutState(RolloutState.COMPLETED))
                .hasMessageContaining("to have its PRIMARY deployment COMPLETED but it is IN_PROGRESS");
        assertThatThrownBy(() -> assertThat(updating).hasEventContaining("no such text"))
                .hasMessageContaining("to have an event containing \"no such text\" but none does.");
        assertThatThrownBy(() -> assertThat(updating.deployments().get(1)).isPrimary())
                .hasMessageContaining("to be PRIMARY but it is ACTIVE.");
    }

    @Test
    void taskAssertions_onATaskWhoseEssentialContainerExited(LocalEcs ecs, EcsWait wait, InMemoryRuntime runtime) {
        runtime.onImage("acme/job:1", ContainerBehaviour.exitsAfter(Duration.ofSeconds(30), 2));
        ecs.registerTaskDefinition(TestData.taskDefinition("job", "acme/job:1"));
        Task started = ecs.runTask(RunTaskRequest.builder("default", "job").build()).tasks().get(0);
        Task running = wait.untilTasksRunning(List.of(started)).get(0);
        Task stopped = wait.untilTaskStopped(started);

        assertThat(running).isRunning().hasLastStatus(TaskStatus.RUNNING).hasTaskDefinition("job:1")
                .isInAvailabilityZone("us-east-1a").hasHealthStatus(HealthStatus.UNKNOWN).hasStartedBy(null);
        assertThat(stopped).isStopped().stoppedWith(TaskStopCode.ESSENTIAL_CONTAINER_EXITED)
                .hasStoppedReasonContaining("Essential container in task exited").hasContainerExitCode("app", 2);
        assertThatThrownBy(() -> assertThat(stopped).stoppedWith(TaskStopCode.USER_INITIATED))
                .hasMessageContaining("Expecting task " + stopped.taskId() + " to have been stopped with"
                        + " UserInitiated but it was stopped with EssentialContainerExited: Essential container in"
                        + " task exited.")
                .hasMessageContaining("[app STOPPED exit 2]");
        assertThatThrownBy(() -> assertThat(running).stoppedWith(TaskStopCode.ESSENTIAL_CONTAINER_EXITED))
                .hasMessageContaining("but it was not stopped.");
        assertThatThrownBy(() -> assertThat(stopped).hasContainerExitCode("app", 0))
                .hasMessageContaining("to have container app exit with 0 but its exit code is 2.");
        assertThatThrownBy(() -> assertThat(stopped).hasContainerExitCode("sidecar", 0))
                .hasMessageContaining("to have a container sidecar but it has none by that name.");
        assertThatThrownBy(() -> assertThat(running).isStopped())
                .hasMessageContaining("to be STOPPED but it is RUNNING.");
    }

    @Test
    void containerInstanceAssertions_followResourcesAndDraining(LocalEcs ecs, EcsWait wait) {
        steadyWeb(ecs, wait);
        String id = ecs.listContainerInstances(ListContainerInstancesRequest.builder().build()).items().get(0);
        ContainerInstance busy = ecs.findContainerInstance("default", id).orElseThrow();
        ecs.updateContainerInstancesState("default", List.of(id), ContainerInstanceStatus.DRAINING);
        ContainerInstance draining = ecs.findContainerInstance("default", id).orElseThrow();

        assertThat(busy).isActive().isAgentConnected().isInAvailabilityZone("us-east-1a")
                .hasRegisteredCpu(2048).hasRegisteredMemory(7680).hasRemainingCpu(2048 - 512)
                .hasRemainingMemory(7680 - 1024).hasRunningTasksCount(2).hasPendingTasksCount(0)
                .hasAttribute("ecs.availability-zone", "us-east-1a");
        assertThat(draining).isDraining().hasStatus(ContainerInstanceStatus.DRAINING);
        assertThatThrownBy(() -> assertThat(busy).hasRemainingMemory(7680))
                .hasMessageContaining("to have remaining memory 7680 but it has 6656.")
                .hasMessageContaining("registered CPU 2048 / memory 7680, remaining CPU 1536 / memory 6656,"
                        + " running tasks 2");
        assertThatThrownBy(() -> assertThat(busy).isDraining())
                .hasMessageContaining("to be DRAINING but it is ACTIVE.");
        assertThatThrownBy(() -> assertThat(busy).hasAttribute("ecs.instance-type", "c5.large"))
                .hasMessageContaining("to have attribute ecs.instance-type=c5.large but its value is m5.large.");
    }

    @Test
    void assertions_onNull_failAsAssertJDoes() {
        assertThatThrownBy(() -> assertThat((Service) null).isSteady()).hasMessageContaining("Expecting actual not to be null");
        assertThatThrownBy(() -> assertThat((Task) null).isRunning()).hasMessageContaining("Expecting actual not to be null");
    }
}
