package io.ecs4j.samples.testing;

import static io.ecs4j.junit.EcsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.LocalEcs;
import io.ecs4j.inmemory.ContainerBehaviour;
import io.ecs4j.inmemory.InMemoryRuntime;
import io.ecs4j.junit.EcsWait;
import io.ecs4j.junit.LocalEcsTest;
import io.ecs4j.model.Deployment;
import io.ecs4j.model.RolloutState;
import io.ecs4j.model.Service;
import io.ecs4j.model.TaskDefinition;
import io.ecs4j.request.UpdateServiceRequest;
import io.ecs4j.time.VirtualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The same rollouts as {@link DeployerTest}, driven through the embedded Java API instead of the SDK: no HTTP, and
 * {@link EcsWait} moves virtual time until the service settles. These tests pin down the ECS behaviour the deployer
 * relies on - a deployment COMPLETED, a circuit breaker tripping and rolling back - so that when a deployer test
 * fails, this one tells whether ECS or the deployer changed.
 */
@LocalEcsTest(cluster = WebService.CLUSTER, instances = 3)
class RolloutJavaApiTest {

    static Deployment updateImage(LocalEcs ecs, String image) {
        TaskDefinition current = ecs.describeTaskDefinition("web");
        TaskDefinition next = current.toBuilder()
                .containerDefinitions(current.container("app").toBuilder().image(image).build())
                .build();
        String revision = ecs.registerTaskDefinition(next).taskDefinitionArn().familyRevision();
        return ecs.updateService(UpdateServiceRequest.builder("prod", "web").taskDefinition(revision).build())
                .primaryDeployment();
    }

    @Test
    void updateService_toAHealthyImage_completesTheRollingUpdate(LocalEcs ecs, EcsWait wait, VirtualClock clock) {
        WebService.create(ecs, wait, true);

        Deployment deployment = updateImage(ecs, "acme/web:2");
        assertThat(deployment).isPrimary().hasRolloutState(RolloutState.IN_PROGRESS).hasTaskDefinition("web:2");
        Service web = wait.untilSteadyState("prod", "web");

        assertThat(web).isSteady().hasTaskDefinition("web:2").hasRunningCount(3).hasDeploymentCount(1)
                .hasEventContaining("(deployment " + deployment.id() + ") deployment completed.");
        assertThat(web.primaryDeployment().id()).isEqualTo(deployment.id());
    }

    @Test
    void updateService_toACrashingImage_tripsTheCircuitBreakerAndRollsBack(LocalEcs ecs, EcsWait wait,
                                                                           InMemoryRuntime runtime) {
        String good = WebService.create(ecs, wait, true).primaryDeployment().id();
        runtime.onImage("acme/web:broken", ContainerBehaviour.exitsAfter(Duration.ofSeconds(20), 1));

        Deployment bad = updateImage(ecs, "acme/web:broken");
        Deployment failed = wait.untilRolloutState("prod", "web", bad.id(), RolloutState.FAILED);
        Service rolledBack = wait.untilSteadyState("prod", "web");

        assertThat(failed).hasRolloutStateReasonContaining("ECS deployment circuit breaker: tasks failed to start.")
                .hasTaskDefinition("web:2");
        assertThat(rolledBack).isSteady().hasTaskDefinition("web:1").hasRunningCount(3)
                .hasEventContaining("(service web) rolling back to deployment " + good + ".");
        assertThat(rolledBack.primaryDeployment()).hasRolloutStateReasonContaining("completed");
        assertThat(DeployerTest.crashed(ecs, 2)).hasSize(3)
                .allSatisfy(t -> assertThat(t).isStopped().hasStoppedReasonContaining("Essential container in task"
                        + " exited").hasContainerExitCode("app", 1));
    }
}
