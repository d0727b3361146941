package io.ecs4j.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecs4j.model.TaskArn;
import io.ecs4j.spi.loadbalancer.HealthCheckSettings;
import io.ecs4j.spi.loadbalancer.LoadBalancingContext;
import io.ecs4j.spi.loadbalancer.Target;
import io.ecs4j.spi.loadbalancer.TargetDescription;
import io.ecs4j.spi.loadbalancer.TargetEvent;
import io.ecs4j.spi.loadbalancer.TargetGroup;
import io.ecs4j.spi.loadbalancer.TargetHealthState;
import io.ecs4j.time.VirtualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulated load balancer on its own: health thresholds, routing, fail-open and draining on virtual time. */
class SimulatedLoadBalancerTest {
    private final VirtualClock clock = VirtualClock.create();
    private final SimulatedLoadBalancer lb = SimulatedLoadBalancer.create();
    private final TargetGroup tg = lb.createTargetGroup("web", HealthCheckSettings.DEFAULTS
            .withInterval(Duration.ofSeconds(10), Duration.ofSeconds(5)).withThresholds(3, 2), Duration.ofSeconds(60));
    private final List<TargetEvent> events = new CopyOnWriteArrayList<>();
    private final Set<Target> failing = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void setUp() {
        lb.start(new LoadBalancingContext(clock, events::add));
        lb.healthCheck(t -> !failing.contains(t));
    }

    @AfterEach
    void tearDown() {
        lb.close();
    }

    private static Target target(int n) {
        return new Target("i-" + n, "127.0.0.1", 32768 + n,
                TaskArn.parse("arn:aws:ecs:us-east-1:000000000000:task/default/" + "%032x".formatted(n)), "app");
    }

    private TargetHealthState state(Target t) {
        return lb.describeTargetHealth(tg.arn()).stream().filter(d -> d.target().sameTarget(t)).findFirst()
                .orElseThrow().state();
    }

    @Test
    void register_becomesHealthyAfterTheHealthyThreshold_onVirtualTime() {
        Target a = target(1);
        lb.registerTargets(tg.arn(), List.of(a));
        assertThat(events).as("nothing happens inside the call").isEmpty();

        clock.advance(Duration.ofSeconds(19));
        assertThat(state(a)).isEqualTo(TargetHealthState.INITIAL);
        clock.advance(Duration.ofSeconds(1));
        assertThat(state(a)).isEqualTo(TargetHealthState.HEALTHY);
        assertThat(events).containsExactly(new TargetEvent.HealthChanged(tg.arn(), a, TargetHealthState.HEALTHY,
                null));
    }

    @Test
    void failingProbes_makeTheTargetUnhealthy_andPassingOnesHealthyAgain() {
        Target a = target(1);
        lb.registerTargets(tg.arn(), List.of(a));
        clock.advance(Duration.ofSeconds(20));
        failing.add(a);

        clock.advance(Duration.ofSeconds(20));
        assertThat(state(a)).isEqualTo(TargetHealthState.UNHEALTHY);
        assertThat(lb.describeTargetHealth(tg.arn()).get(0).reason()).isEqualTo("Target.FailedHealthChecks");
        failing.clear();
        clock.advance(Duration.ofSeconds(30));
        assertThat(state(a)).isEqualTo(TargetHealthState.HEALTHY);
        assertThat(events).extracting(e -> ((TargetEvent.HealthChanged) e).state()).containsExactly(
                TargetHealthState.HEALTHY, TargetHealthState.UNHEALTHY, TargetHealthState.HEALTHY);
    }

    @Test
    void route_isRoundRobinOverHealthyTargetsOnly() {
        Target a = target(1);
        Target b = target(2);
        Target c = target(3);
        failing.add(c);
        lb.registerTargets(tg.arn(), List.of(a, b, c));
        clock.advance(Duration.ofSeconds(30));

        List<Target> served = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            served.add(lb.route(tg.arn()).orElseThrow());
        }
        assertThat(served).containsExactly(a, b, a, b, a, b);
        assertThat(lb.requestsServed(tg.arn())).containsEntry(a.taskArn(), 3L).containsEntry(b.taskArn(), 3L)
                .doesNotContainKey(c.taskArn());
    }

    @Test
    void route_withOnlyInitialTargets_fails_andWithOnlyUnhealthyOnes_failsOpen() {
        Target a = target(1);
        assertThat(lb.route(tg.arn())).isEmpty();
        lb.registerTargets(tg.arn(), List.of(a));
        clock.runUntilIdle();
        assertThat(lb.route(tg.arn())).isEmpty();
        assertThat(lb.failedRequests(tg.arn())).isEqualTo(2);

        failing.add(a);
        clock.advance(Duration.ofSeconds(20));
        assertThat(state(a)).isEqualTo(TargetHealthState.UNHEALTHY);
        assertThat(lb.route(tg.arn())).contains(a);
    }

    @Test
    void deregister_drainsForTheWholeDelay_withoutTraffic_thenReportsDeregistered() {
        Target a = target(1);
        Target b = target(2);
        lb.registerTargets(tg.arn(), List.of(a, b));
        clock.advance(Duration.ofSeconds(30));
        events.clear();

        lb.deregisterTargets(tg.arn(), List.of(a));
        assertThat(state(a)).isEqualTo(TargetHealthState.DRAINING);
        for (int i = 0; i < 4; i++) {
            assertThat(lb.route(tg.arn())).contains(b);
        }
        clock.advance(Duration.ofSeconds(59));
        assertThat(events).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(events).containsExactly(new TargetEvent.Deregistered(tg.arn(), a));
        assertThat(lb.describeTargetHealth(tg.arn())).extracting(TargetDescription::target).containsExactly(b);

        lb.deregisterTargets(tg.arn(), List.of(a));
        clock.advance(Duration.ofMinutes(2));
        assertThat(events).hasSize(1);
    }

    @Test
    void targetsAreIdentifiedByIdAndPort() {
        Target a = target(1);
        Target sameInstanceOtherPort = new Target("i-1", "127.0.0.1", 40000, a.taskArn(), "app");
        lb.registerTargets(tg.arn(), List.of(a, a, sameInstanceOtherPort));
        assertThat(lb.describeTargetHealth(tg.arn())).hasSize(2);
    }

    @Test
    void createTargetGroup_validatesLikeElb() {
        assertThatThrownBy(() -> lb.createTargetGroup("web")).hasMessageContaining("exists already");
        assertThatThrownBy(() -> lb.createTargetGroup("-bad")).hasMessageContaining("target group name");
        assertThatThrownBy(() -> HealthCheckSettings.DEFAULTS.withInterval(Duration.ofSeconds(4),
                Duration.ofSeconds(2))).hasMessageContaining("interval must be between 5 and 300");
        assertThatThrownBy(() -> HealthCheckSettings.DEFAULTS.withInterval(Duration.ofSeconds(5),
                Duration.ofSeconds(5))).hasMessageContaining("must be smaller than the interval");
        assertThatThrownBy(() -> lb.createTargetGroup("slow", HealthCheckSettings.DEFAULTS, Duration.ofHours(2)))
                .hasMessageContaining("between 0 and 3600");
        assertThat(tg.arn()).matches("arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/web/[0-9a-f]{16}");
        assertThat(lb.findTargetGroup(tg.arn())).contains(tg);
        assertThat(lb.findTargetGroup("arn:nope")).isEqualTo(Optional.empty());
    }
}
