package io.ecs4j.samples.testing;

import static io.ecs4j.junit.EcsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecs4j.LocalEcs;
import io.ecs4j.inmemory.ContainerBehaviour;
import io.ecs4j.inmemory.InMemoryRuntime;
import io.ecs4j.junit.EcsWait;
import io.ecs4j.junit.LocalEcsTest;
import io.ecs4j.model.DesiredStatus;
import io.ecs4j.model.RolloutState;
import io.ecs4j.model.Task;
import io.ecs4j.model.TaskStopCode;
import io.ecs4j.request.ListTasksRequest;
import io.ecs4j.samples.testing.Deployer.Outcome;
import io.ecs4j.samples.testing.Deployer.Result;
import io.ecs4j.time.VirtualClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * The deployer through the unmodified AWS SDK, against the embedded ECS endpoint of a fresh ecs4j per test. The
 * extension injects an {@link EcsClient} already pointed at it; its polls skip virtual time, so the deployer runs
 * unchanged with a zero poll interval and minutes of ECS time pass in milliseconds.
 *
 * <p>Arrange with the Java API ({@link LocalEcs}, scripts on the {@link InMemoryRuntime}), act through the SDK,
 * assert on what ECS did with {@code EcsAssertions}.
 */
@LocalEcsTest(cluster = WebService.CLUSTER, instances = 3)
class DeployerTest {

    static Deployer deployer(EcsClient client) {
        return new Deployer(client, Duration.ZERO, 200);
    }

    @Test
    void deploy_aHealthyImage_rollsItOutToEveryTask(EcsClient client, LocalEcs ecs, EcsWait wait) {
        WebService.create(ecs, wait, true);

        Result result = deployer(client).deploy("prod", "web", "app", "acme/web:2");

        assertThat(result.outcome()).isEqualTo(Outcome.DEPLOYED);
        assertThat(result.taskDefinitionArn()).endsWith(":task-definition/web:2");
        assertThat(ecs.findService("prod", "web").orElseThrow()).isSteady().hasTaskDefinition("web:2")
                .hasRunningCount(3).primaryDeployment().hasRolloutState(RolloutState.COMPLETED);
        assertThat(running(ecs)).hasSize(3).allSatisfy(t -> assertThat(t).isRunning().hasTaskDefinition("web:2"));
        assertThat(ecs.describeTaskDefinition("web:2").container("app").image()).isEqualTo("acme/web:2");
    }

    @Test
    void deploy_anImageThatCrashes_isRolledBackByTheCircuitBreaker(EcsClient client, LocalEcs ecs, EcsWait wait,
                                                                   InMemoryRuntime runtime, VirtualClock clock) {
        WebService.create(ecs, wait, true);
        runtime.onImage("acme/web:broken", ContainerBehaviour.exitsAfter(Duration.ofSeconds(20), 1));

        Result result = deployer(client).deploy("prod", "web", "app", "acme/web:broken");

        assertThat(result.outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(result.reason()).isEqualTo("(service web) (deployment " + result.deploymentId()
                + ") deployment failed: tasks failed to start.");
        assertThat(ecs.findService("prod", "web").orElseThrow()).isSteady().hasTaskDefinition("web:1")
                .hasRunningCount(3).hasEventContaining("rolling back to deployment");
        // the circuit breaker's threshold for 3 tasks is 3 failures: 3 tasks of web:2 crashed before the rollback
        assertThat(crashed(ecs, 2)).hasSize(3).allSatisfy(t -> assertThat(t).hasContainerExitCode("app", 1));
        assertThat(Duration.between(VirtualClock.DEFAULT_START, clock.instant())).isGreaterThan(Duration.ofMinutes(1));
    }

    @Test
    void deploy_anImageThatCrashes_withoutRollback_reportsTheFailedDeployment(EcsClient client, LocalEcs ecs,
                                                                              EcsWait wait, InMemoryRuntime runtime) {
        WebService.create(ecs, wait, false);
        runtime.onImage("acme/web:broken", ContainerBehaviour.failsToStart());

        Result result = deployer(client).deploy("prod", "web", "app", "acme/web:broken");

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.reason()).isEqualTo("ECS deployment circuit breaker: tasks failed to start.");
        assertThat(ecs.findService("prod", "web").orElseThrow()).isNotSteady().hasTaskDefinition("web:2")
                .hasRolloutState(RolloutState.FAILED).hasRunningCount(3);
    }

    @Test
    void deploy_withTooFewPolls_timesOut(EcsClient client, LocalEcs ecs, EcsWait wait) {
        WebService.create(ecs, wait, true);

        Result result = new Deployer(client, Duration.ZERO, 1).deploy("prod", "web", "app", "acme/web:2");

        assertThat(result.outcome()).isEqualTo(Outcome.TIMED_OUT);
        assertThat(result.polls()).isEqualTo(1);
    }

    @Test
    void deploy_aContainerTheServiceDoesNotRun_isRejectedBeforeAnythingChanges(EcsClient client, LocalEcs ecs,
                                                                               EcsWait wait) {
        WebService.create(ecs, wait, true);

        assertThatThrownBy(() -> deployer(client).deploy("prod", "web", "sidecar", "acme/envoy:2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("has no container sidecar");
        assertThat(ecs.findService("prod", "web").orElseThrow()).isSteady().hasTaskDefinition("web:1");
    }

    /** The stopped tasks of revision {@code revision} whose essential container exited. */
    static List<Task> crashed(LocalEcs ecs, int revision) {
        return stopped(ecs).stream().filter(t -> t.taskDefinitionArn().revision() == revision)
                .filter(t -> t.stopCode() == TaskStopCode.ESSENTIAL_CONTAINER_EXITED).toList();
    }

    static List<Task> running(LocalEcs ecs) {
        return tasks(ecs, DesiredStatus.RUNNING);
    }

    static List<Task> stopped(LocalEcs ecs) {
        return tasks(ecs, DesiredStatus.STOPPED);
    }

    static List<Task> tasks(LocalEcs ecs, DesiredStatus status) {
        List<String> ids = ecs.listTasks(ListTasksRequest.builder().cluster("prod").serviceName("web")
                .desiredStatus(status).build()).items();
        return ids.isEmpty() ? List.of() : ecs.describeTasks("prod", ids).items();
    }
}
