package io.ecs4j.services;

import static io.ecs4j.services.ServiceTestSupport.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.internal.reconcile.CircuitBreakers;
import io.ecs4j.model.Deployment;
import io.ecs4j.model.DeploymentCircuitBreaker;
import io.ecs4j.model.DeploymentConfiguration;
import io.ecs4j.model.DeploymentStatus;
import io.ecs4j.model.EcsEvent;
import io.ecs4j.model.HealthStatus;
import io.ecs4j.model.RolloutState;
import io.ecs4j.model.Service;
import io.ecs4j.model.ServiceActionType;
import io.ecs4j.model.Task;
import io.ecs4j.model.ThresholdConfiguration;
import io.ecs4j.model.ThresholdType;
import io.ecs4j.request.UpdateServiceRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The deployment circuit breaker (ecs-semantics §5.4): threshold, failure counting, FAILED, rollback. */
class CircuitBreakerTest {
    private final ServiceTestSupport env = new ServiceTestSupport();
    private final List<EcsEvent.ServiceAction> actions = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() {
        env.close();
    }

    @ParameterizedTest(name = "D={0} -> {1}")
    @CsvSource({"0, 3", "1, 3", "4, 3", "6, 3", "7, 4", "25, 13", "399, 200", "400, 200", "800, 200"})
    void threshold_isHalfTheDesiredCountRoundedUp_clampedTo3And200(int desired, int threshold) {
        assertThat(CircuitBreakers.threshold(DeploymentCircuitBreaker.enabled(false), desired)).isEqualTo(threshold);
    }

    @Test
    void threshold_followsThresholdConfiguration() {
        assertThat(CircuitBreakers.threshold(new DeploymentCircuitBreaker(true, false, null,
                new ThresholdConfiguration(ThresholdType.UNBOUNDED_PERCENT, 50)), 1)).isEqualTo(1);
        assertThat(CircuitBreakers.threshold(new DeploymentCircuitBreaker(true, false, null,
                new ThresholdConfiguration(ThresholdType.COUNT, 5)), 1000)).isEqualTo(5);
        assertThat(CircuitBreakers.threshold(new DeploymentCircuitBreaker(true, false, null,
                new ThresholdConfiguration(ThresholdType.BOUNDED_PERCENT, 10)), 100)).isEqualTo(10);
    }

    /** A steady service of {@code desired} web:1 tasks with the given breaker. */
    private String steadyService(int desired, DeploymentCircuitBreaker breaker) {
        env.instance("us-east-1a");
        env.checkedTaskDefinition("web", "good:1");
        env.ecs.subscribe(e -> {
            if (e instanceof EcsEvent.ServiceAction a) {
                actions.add(a);
            }
        });
        env.create(service("web", "web:1", desired)
                .deploymentConfiguration(new DeploymentConfiguration(breaker, null, null)));
        env.awaitSteady("web");
        return env.service("web").deployments().get(0).id();
    }

    private Deployment deployImage(String image, ScriptedRuntime.Behaviour behaviour) {
        env.runtime.behave(image, behaviour);
        env.checkedTaskDefinition("web", image);
        return env.ecs.updateService(UpdateServiceRequest.builder("default", "web").taskDefinition("web").build())
                .deployments().get(0);
    }

    @Test
    void tasksFailingToStart_failTheDeployment_andItStopsLaunching() {
        String good = steadyService(2, DeploymentCircuitBreaker.enabled(false));
        Deployment bad = deployImage("broken:1", ScriptedRuntime.Behaviour.FAIL);

        env.clock.advance(Duration.ofMinutes(1));

        Service s = env.service("web");
        Deployment failed = s.deployments().get(0);
        assertThat(failed.id()).isEqualTo(bad.id());
        assertThat(failed.status()).isEqualTo(DeploymentStatus.PRIMARY);
        assertThat(failed.rolloutState()).isEqualTo(RolloutState.FAILED);
        assertThat(failed.rolloutStateReason()).isEqualTo("ECS deployment circuit breaker: tasks failed to start.");
        assertThat(failed.failedTasks()).isGreaterThanOrEqualTo(3);
        assertThat(s.deployments().get(1).id()).isEqualTo(good);
        assertThat(s.runningCount()).isEqualTo(2);
        assertThat(env.messages("web")).contains("(service web) (deployment " + bad.id()
                + ") deployment failed: tasks failed to start.");
        assertThat(actions).extracting(EcsEvent.ServiceAction::type).contains(ServiceActionType.SERVICE_DEPLOYMENT_FAILED);

        int launches = env.runtime.launchTimes().size();
        env.clock.advance(Duration.ofHours(1));
        assertThat(env.runtime.launchTimes()).hasSize(launches);
        assertThat(env.service("web").isStable()).isFalse();
    }

    @Test
    void failedDeployment_withRollback_rollsBackToTheLastCompletedDeployment() {
        String good = steadyService(2, DeploymentCircuitBreaker.enabled(true));
        Deployment bad = deployImage("broken:1", ScriptedRuntime.Behaviour.SILENT);
        env.runtime.behave("broken:1", ScriptedRuntime.Behaviour.FAIL);
        List<Service> seen = new CopyOnWriteArrayList<>();
        env.ecs.subscribe(e -> {
            if (e instanceof EcsEvent.ServiceAction a && a.type() == ServiceActionType.SERVICE_DEPLOYMENT_IN_PROGRESS) {
                seen.add(a.service());
            }
        });
        for (Task t : env.tasks("web")) {
            if (t.startedBy().equals(bad.id())) {
                env.runtime.crash(t.taskArn(), 1);
            }
        }
        env.clock.advance(Duration.ofSeconds(10));

        assertThat(seen).hasSize(1);
        Service rolling = seen.get(0);
        Deployment rollback = rolling.deployments().get(0);
        assertThat(rollback.id()).isNotIn(good, bad.id());
        assertThat(rollback.taskDefinition().toString()).endsWith("web:1");
        assertThat(rollback.rolloutState()).isEqualTo(RolloutState.IN_PROGRESS);
        assertThat(rollback.rolloutStateReason())
                .isEqualTo("ECS deployment circuit breaker: rolling back to deploymentId " + good + ".");
        assertThat(rolling.taskDefinition().toString()).endsWith("web:1");
        assertThat(rolling.deployments()).extracting(Deployment::id).contains(bad.id());
        assertThat(rolling.deployments()).filteredOn(d -> d.id().equals(bad.id())).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo(DeploymentStatus.ACTIVE);
            assertThat(d.rolloutState()).isEqualTo(RolloutState.FAILED);
        });
        assertThat(env.messages("web")).contains("(service web) rolling back to deployment " + good + ".");
        assertThat(actions).extracting(EcsEvent.ServiceAction::type).containsSubsequence(
                ServiceActionType.SERVICE_DEPLOYMENT_FAILED, ServiceActionType.SERVICE_DEPLOYMENT_IN_PROGRESS,
                ServiceActionType.SERVICE_DEPLOYMENT_COMPLETED);

        env.awaitSteady("web");
        Service done = env.service("web");
        assertThat(done.deployments()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(rollback.id());
            assertThat(d.rolloutState()).isEqualTo(RolloutState.COMPLETED);
        });
        assertThat(env.tasks("web")).hasSize(2).allMatch(t -> t.taskDefinitionArn().toString().endsWith("web:1"));
    }

    @Test
    void tasksStoppedForFailingHealthChecks_countAsFailures() {
        String good = steadyService(1, DeploymentCircuitBreaker.enabled(true));
        Deployment bad = deployImage("sick:1", ScriptedRuntime.Behaviour.UNHEALTHY);

        env.clock.runUntilIdle();

        List<String> messages = env.messages("web");
        assertThat(messages).filteredOn(m -> m.endsWith("failed container health checks.")).hasSize(3);
        assertThat(messages).contains("(service web) (deployment " + bad.id()
                + ") deployment failed: tasks failed to start.", "(service web) rolling back to deployment " + good + ".");
        env.awaitSteady("web");
        assertThat(env.tasks("web")).singleElement()
                .satisfies(t -> assertThat(t.taskDefinitionArn().toString()).endsWith("web:1"));
    }

    @Test
    void healthyTask_resetsTheFailureCount_unlessResetOnHealthyTaskIsFalse() {
        assertThat(runAlternatingFailures(null)).isEqualTo(RolloutState.IN_PROGRESS);
    }

    @Test
    void withoutResetOnHealthyTask_failuresAccumulate() {
        assertThat(runAlternatingFailures(false)).isEqualTo(RolloutState.FAILED);
    }

    /** Four tasks of a new deployment: two crash before they are healthy, one becomes healthy, two more crash. */
    private RolloutState runAlternatingFailures(Boolean resetOnHealthyTask) {
        steadyService(4, new DeploymentCircuitBreaker(true, false, resetOnHealthyTask, null));
        deployImage("slow:1", ScriptedRuntime.Behaviour.SILENT);
        String primary = env.service("web").deployments().get(0).id();
        crashNewTask(primary);
        crashNewTask(primary);
        Task healthy = newTasks(primary).get(0);
        env.runtime.health(healthy.taskArn(), HealthStatus.HEALTHY);
        env.clock.runUntilIdle();
        crashNewTask(primary);
        crashNewTask(primary);
        return env.service("web").deployments().get(0).rolloutState();
    }

    private List<Task> newTasks(String deployment) {
        return env.tasks("web").stream().filter(t -> t.startedBy().equals(deployment)
                && t.healthStatus() != HealthStatus.HEALTHY).toList();
    }

    private void crashNewTask(String deployment) {
        env.runtime.crash(newTasks(deployment).get(0).taskArn(), 1);
        env.clock.runUntilIdle();
    }
}
