package io.ecs4j.junit;

import io.ecs4j.model.ContainerInstance;
import io.ecs4j.model.Deployment;
import io.ecs4j.model.Service;
import io.ecs4j.model.Task;
import io.ecs4j.model.TaskDefinitionArn;

/**
 * AssertJ entry points for ecs4j's model: services, deployments, tasks and container instances. Failure messages say
 * what was expected and show the object's state (a service's deployments and event timeline, a task's stop code,
 * reason and containers, an instance's resources).
 *
 * {@snippet :
 * import static io.ecs4j.junit.EcsAssertions.assertThat;
 *
 * assertThat(ecs.findService("prod", "web").orElseThrow()).hasRunningCount(3).isSteady();
 * assertThat(task).stoppedWith(TaskStopCode.ESSENTIAL_CONTAINER_EXITED).hasContainerExitCode("app", 1);
 * assertThat(service.primaryDeployment()).hasRolloutState(RolloutState.COMPLETED).hasTaskDefinition("web:2");
 * assertThat(instance).isDraining().hasRemainingMemory(7680);
 * }
 *
 * <p>Use it next to AssertJ's own {@code Assertions.assertThat}: the overloads do not clash.
 */
public final class EcsAssertions {
    private EcsAssertions() {
    }

    /** Assertions on a service (a snapshot: fetch it again to see later changes). */
    public static ServiceAssert assertThat(Service actual) {
        return new ServiceAssert(actual);
    }

    /** Assertions on a deployment of a service. */
    public static DeploymentAssert assertThat(Deployment actual) {
        return new DeploymentAssert(actual);
    }

    /** Assertions on a task. */
    public static TaskAssert assertThat(Task actual) {
        return new TaskAssert(actual);
    }

    /** Assertions on a container instance. */
    public static ContainerInstanceAssert assertThat(ContainerInstance actual) {
        return new ContainerInstanceAssert(actual);
    }

    /** Whether {@code arn} is what {@code reference} names: a full ARN, {@code family:revision}, or a family. */
    static boolean matches(TaskDefinitionArn arn, String reference) {
        if (arn == null) {
            return false;
        }
        if (reference.startsWith("arn:")) {
            return arn.toString().equals(reference);
        }
        if (reference.indexOf(':') >= 0) {
            return arn.familyRevision().equals(reference);
        }
        return arn.family().equals(reference);
    }
}
