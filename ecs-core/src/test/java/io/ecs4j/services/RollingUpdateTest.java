package io.ecs4j.services;

import static io.ecs4j.services.ServiceTestSupport.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.model.DeploymentConfiguration;
import io.ecs4j.model.DesiredStatus;
import io.ecs4j.model.RolloutState;
import io.ecs4j.model.Service;
import io.ecs4j.model.Task;
import io.ecs4j.request.UpdateServiceRequest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The rolling update of ecs-semantics §5.3 through the public API, with the worked examples of the ECS documentation:
 * the waves of old and new tasks at each step, the bounds at every transition, and the steady state at the end.
 * Tasks start at once and have no health check, so a new task counts as healthy 40 seconds after it starts.
 */
class RollingUpdateTest {
    private static final Duration HEALTHY_AFTER = Duration.ofSeconds(40);
    private final ServiceTestSupport env = new ServiceTestSupport();
    private InvariantMonitor monitor;

    @AfterEach
    void tearDown() {
        if (monitor != null) {
            assertThat(monitor.violations()).isEmpty();
        }
        env.close();
    }

    /** Old and new tasks asked to run, and tasks being stopped. */
    record Wave(int old, int fresh, int stopping) {
    }

    private Wave wave() {
        int old = 0;
        int fresh = 0;
        int stopping = 0;
        String primaryTd = env.service("web").taskDefinition().toString();
        for (Task t : env.liveOrStopping("web")) {
            if (t.desiredStatus() == DesiredStatus.STOPPED) {
                stopping++;
            } else if (t.taskDefinitionArn().toString().equals(primaryTd)) {
                fresh++;
            } else {
                old++;
            }
        }
        return new Wave(old, fresh, stopping);
    }

    /** A steady service of {@code desired} tasks of web:1, then web:2 registered and deployed. */
    private void deploy(int desired, int min, int max) {
        env.taskDefinition("web");
        env.create(service("web", "web:1", desired).deploymentConfiguration(DeploymentConfiguration.of(min, max)));
        env.awaitSteady("web");
        monitor = new InvariantMonitor("web", env.clock, false, desired, min, max);
        env.ecs.subscribe(monitor);
        env.taskDefinition("web");
        env.ecs.updateService(UpdateServiceRequest.builder("default", "web").taskDefinition("web:2").build());
    }

    private void afterHealthWait() {
        env.clock.advance(HEALTHY_AFTER);
    }

    private void assertSteadyOnNewRevision(int desired) {
        Service s = env.service("web");
        assertThat(s.isStable()).isTrue();
        assertThat(s.runningCount()).isEqualTo(desired);
        assertThat(s.deployments()).singleElement().satisfies(d -> {
            assertThat(d.rolloutState()).isEqualTo(RolloutState.COMPLETED);
            assertThat(d.rolloutStateReason()).isEqualTo("ECS deployment " + d.id() + " completed.");
            assertThat(d.taskDefinition().toString()).endsWith("web:2");
        });
        assertThat(env.messages("web").subList(0, 2)).containsExactly("(service web) has reached a steady state.",
                "(service web) (deployment " + s.deployments().get(0).id() + ") deployment completed.");
    }

    @Test
    void rollingUpdate_desired4AtMaximum200_startsFourNewBeforeStoppingFourOld() {
        env.instance("us-east-1a");
        deploy(4, 100, 200);

        assertThat(wave()).isEqualTo(new Wave(4, 4, 0));
        env.clock.advance(HEALTHY_AFTER.minusSeconds(1));
        assertThat(wave()).isEqualTo(new Wave(4, 4, 0));
        env.clock.advance(Duration.ofSeconds(1));
        assertThat(wave()).isEqualTo(new Wave(0, 4, 0));
        assertSteadyOnNewRevision(4);
        assertThat(monitor.maxActiveSeen).isEqualTo(8);
    }

    @Test
    void rollingUpdate_desired4AtMinimum50_stopsTwoOldFirst() {
        env.instance("us-east-1a");
        deploy(4, 50, 100);

        assertThat(wave()).isEqualTo(new Wave(2, 2, 0));
        afterHealthWait();
        assertThat(wave()).isEqualTo(new Wave(0, 4, 0));
        assertThat(env.service("web").deployments()).hasSize(1);
        assertThat(env.service("web").deployments().get(0).rolloutState()).isEqualTo(RolloutState.IN_PROGRESS);
        afterHealthWait();
        assertSteadyOnNewRevision(4);
        assertThat(monitor.maxActiveSeen).isEqualTo(4);
    }

    @Test
    void rollingUpdate_desired2AtMinimum75Maximum125_cannotStopOrStart() {
        env.instance("us-east-1a");
        deploy(2, 75, 125);

        assertThat(wave()).isEqualTo(new Wave(2, 0, 0));
        env.clock.advance(Duration.ofMinutes(10));
        assertThat(wave()).isEqualTo(new Wave(2, 0, 0));
        assertThat(env.messages("web").get(0)).isEqualTo("(service web) was unable to stop or start tasks during a"
                + " deployment because of the service deployment configuration. Update the minimumHealthyPercent or"
                + " maximumPercent value and try again.");
        assertThat(env.messages("web")).filteredOn(m -> m.contains("unable to stop or start")).hasSize(1);
        assertThat(env.service("web").deployments()).hasSize(2);
    }

    @Test
    void rollingUpdate_desired3AtMaximum125_cannotStartExtra_untilMinimumAllowsStopFirst() {
        env.instance("us-east-1a");
        deploy(3, 100, 125);
        assertThat(wave()).isEqualTo(new Wave(3, 0, 0));
        assertThat(env.messages("web").get(0)).contains("was unable to stop or start tasks during a deployment");

        env.ecs.updateService(UpdateServiceRequest.builder("default", "web")
                .deploymentConfiguration(DeploymentConfiguration.of(50, 125)).build());
        monitor.minimumPercent = 50;

        assertThat(wave()).isEqualTo(new Wave(2, 1, 0));
        afterHealthWait();
        assertThat(wave()).isEqualTo(new Wave(1, 2, 0));
        afterHealthWait();
        assertThat(wave()).isEqualTo(new Wave(0, 3, 0));
        afterHealthWait();
        assertSteadyOnNewRevision(3);
        assertThat(monitor.maxActiveSeen).isEqualTo(3);
    }

    @Test
    void rollingUpdate_desired6WithRoomFor8AtDefaults_startsAndStopsTwoPerRound() {
        env.instance("us-east-1a", 1024, 8192);
        env.instance("us-east-1b", 1024, 8192);
        deploy(6, 100, 200);

        assertThat(wave()).isEqualTo(new Wave(6, 2, 0));
        assertThat(env.messages("web")).anySatisfy(m -> assertThat(m).matches("\\(service web\\) was unable to place a"
                + " task because no container instance met all of its requirements\\. The closest matching"
                + " \\(container-instance [0-9a-f]{32}\\) has insufficient CPU units available\\. For more"
                + " information, see the Troubleshooting section of the Amazon ECS Developer Guide\\."));
        afterHealthWait();
        assertThat(wave()).isEqualTo(new Wave(4, 4, 0));
        afterHealthWait();
        assertThat(wave()).isEqualTo(new Wave(2, 6, 0));
        afterHealthWait();
        assertSteadyOnNewRevision(6);
        assertThat(monitor.maxActiveSeen).isEqualTo(8);
    }

    @Test
    void rollingUpdate_desired6WithRoomFor8AtMinimum50_stops3Starts5Stops3Starts1() {
        env.instance("us-east-1a", 1024, 8192);
        env.instance("us-east-1b", 1024, 8192);
        deploy(6, 50, 200);

        assertThat(wave()).isEqualTo(new Wave(3, 5, 0));
        afterHealthWait();
        assertThat(wave()).isEqualTo(new Wave(0, 6, 0));
        afterHealthWait();
        assertSteadyOnNewRevision(6);
        assertThat(monitor.maxActiveSeen).isEqualTo(8);
    }

    @Test
    void rollingUpdate_withSlowStops_countsStoppingTasksAgainstTheMaximum() {
        env.runtime.stopDelay = h -> Duration.ofSeconds(20);
        env.instance("us-east-1a");
        deploy(4, 50, 100);

        assertThat(wave()).isEqualTo(new Wave(2, 0, 2));
        env.clock.advance(Duration.ofSeconds(20));
        assertThat(wave()).isEqualTo(new Wave(2, 2, 0));
        env.clock.advance(HEALTHY_AFTER);
        assertThat(wave()).isEqualTo(new Wave(0, 2, 2));
        env.clock.advance(Duration.ofSeconds(20));
        assertThat(wave()).isEqualTo(new Wave(0, 4, 0));
        env.clock.advance(HEALTHY_AFTER);
        assertSteadyOnNewRevision(4);
    }

    @Test
    void rollingUpdate_duringDeployment_servicesStableShapeHoldsOnlyAtTheEnd() {
        env.instance("us-east-1a");
        deploy(2, 100, 200);

        Service during = env.service("web");
        assertThat(during.isStable()).isFalse();
        assertThat(during.deployments()).hasSize(2);
        assertThat(during.deployments().get(0).rolloutStateReason())
                .isEqualTo("ECS deployment " + during.deployments().get(0).id() + " in progress.");
        assertThat(during.runningCount()).isEqualTo(4);
        assertThat(during.deployments().get(0).runningCount()).isEqualTo(2);
        assertThat(during.deployments().get(1).runningCount()).isEqualTo(2);
        afterHealthWait();
        assertSteadyOnNewRevision(2);
    }
}
