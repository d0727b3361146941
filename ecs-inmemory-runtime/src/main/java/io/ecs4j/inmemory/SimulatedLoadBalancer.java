package io.ecs4j.inmemory;

import io.ecs4j.model.TaskArn;
import io.ecs4j.spi.loadbalancer.HealthCheckSettings;
import io.ecs4j.spi.loadbalancer.LoadBalancing;
import io.ecs4j.spi.loadbalancer.LoadBalancingContext;
import io.ecs4j.spi.loadbalancer.Target;
import io.ecs4j.spi.loadbalancer.TargetDescription;
import io.ecs4j.spi.loadbalancer.TargetEvent;
import io.ecs4j.spi.loadbalancer.TargetGroup;
import io.ecs4j.spi.loadbalancer.TargetHealthState;
import io.ecs4j.time.Cancellable;
import io.ecs4j.time.ControlLoop;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A simulated Elastic Load Balancing for the virtual clock: target groups whose targets pass (or, when scripted, fail)
 * health checks on the clock, drain for the deregistration delay on the clock, and a routing simulation that tells
 * which target - and so which task - would serve a request.
 *
 * <h2>Behaviour</h2>
 * <ul>
 *   <li>A registered target is {@code initial}. It is probed at once and then every health check interval; it becomes
 *       {@code healthy} after {@code healthyThreshold} consecutive passes and {@code unhealthy} after
 *       {@code unhealthyThreshold} consecutive failures (and healthy again after {@code healthyThreshold} passes).
 *       Probes pass unless {@link #healthCheck(Predicate)} says otherwise; the reason of an unhealthy target is
 *       {@code Health checks failed}.</li>
 *   <li>A deregistered target is {@code draining}: it gets no new request, and it leaves the group
 *       ({@link TargetEvent.Deregistered}) when the target group's deregistration delay has passed - the whole delay,
 *       as Application Load Balancers are observed to do (their documentation says an idle target may leave earlier;
 *       simulated requests take no time, so that reading would leave nothing to observe).</li>
 *   <li>{@link #route(String)} picks the next target round robin over the healthy, non-draining targets of the group.
 *       With none healthy it fails open as ELB does: if every registered target is unhealthy, they all take requests;
 *       otherwise (targets still {@code initial}, or none) the request fails (a 503).</li>
 *   <li>Every event comes from a timer, never from inside a call, so it is reported on the clock's next
 *       {@code runUntilIdle()} or {@code advance(...)}.</li>
 * </ul>
 *
 * <p>Thread-safe. As the {@link InMemoryRuntime}, it has no threads of its own: its state lives on one
 * {@link ControlLoop} made from the time source it is started with.
 *
 * {@snippet :
 * SimulatedLoadBalancer lb = SimulatedLoadBalancer.create();
 * TargetGroup web = lb.createTargetGroup("web", HealthCheckSettings.DEFAULTS.withInterval(
 *         Duration.ofSeconds(5), Duration.ofSeconds(2)).withThresholds(2, 2), Duration.ofSeconds(30));
 * try (LocalEcs ecs = LocalEcs.builder().timeSource(clock).loadBalancer(lb).start()) {
 *     // create a service with loadBalancers = [(web.arn(), "app", 8080)], advance the clock, then:
 *     Optional<Target> served = lb.route(web.arn());
 * }
 * }
 */
public final class SimulatedLoadBalancer implements LoadBalancing {
    private static final String REGION = "us-east-1";
    private static final String ACCOUNT = "000000000000";

    private final String region;
    private final String accountId;
    private final Map<String, TargetGroup> groups = new ConcurrentHashMap<>();
    private final AtomicReference<LoadBalancingContext> context = new AtomicReference<>();
    private volatile Predicate<Target> passes = t -> true;
    private volatile ControlLoop loop;
    private volatile boolean closed;

    // loop-confined
    private final Map<String, GroupState> states = new LinkedHashMap<>();
    private final ArrayDeque<TargetEvent> outbox = new ArrayDeque<>();
    private boolean flushing;
    private long nextId;

    /** One registered target. */
    private static final class TargetState {
        final Target target;
        TargetHealthState state = TargetHealthState.INITIAL;
        String reason = "Elb.RegistrationInProgress";
        int passes;
        int failures;
        Cancellable probe;
        Cancellable drain;

        TargetState(Target target) {
            this.target = target;
        }
    }

    /** A target group's targets (in registration order) and its routing counters. */
    private static final class GroupState {
        final TargetGroup group;
        final Map<String, TargetState> targets = new LinkedHashMap<>();
        final Map<TaskArn, Long> served = new LinkedHashMap<>();
        long routed;
        long failed;
        long next;

        GroupState(TargetGroup group) {
            this.group = group;
        }
    }

    private SimulatedLoadBalancer(String region, String accountId) {
        this.region = region;
        this.accountId = accountId;
    }

    /** A load balancer in {@code us-east-1}, account {@code 000000000000} (LocalEcs's defaults). */
    public static SimulatedLoadBalancer create() {
        return new SimulatedLoadBalancer(REGION, ACCOUNT);
    }

    /** A load balancer whose target group ARNs name this region and account. */
    public static SimulatedLoadBalancer create(String region, String accountId) {
        return new SimulatedLoadBalancer(Objects.requireNonNull(region, "region"),
                Objects.requireNonNull(accountId, "accountId"));
    }

    // ================================================================ target groups and scripting

    /** Creates a target group with ELB's defaults (health check {@code /} every 30 s, 5/2, delay 300 s). */
    public TargetGroup createTargetGroup(String name) {
        return createTargetGroup(name, HealthCheckSettings.DEFAULTS, TargetGroup.DEFAULT_DEREGISTRATION_DELAY);
    }

    /**
     * Creates a target group (before or after {@link #start}).
     *
     * @throws IllegalArgumentException for a bad name or delay, or a name already used
     */
    public synchronized TargetGroup createTargetGroup(String name, HealthCheckSettings healthCheck,
                                                      Duration deregistrationDelay) {
        for (TargetGroup g : groups.values()) {
            if (g.name().equals(name)) {
                throw new IllegalArgumentException("a target group named " + name + " exists already: " + g.arn());
            }
        }
        String id = HexFormat.of().toHexDigits(0x5eed0000_00000000L + groups.size() * 0x1000_0001L + name.hashCode());
        TargetGroup group = new TargetGroup(TargetGroup.arn(region, accountId, name, id), name, healthCheck,
                deregistrationDelay);
        groups.put(group.arn(), group);
        return group;
    }

    /**
     * Scripts the health checks: a probe of a target passes when {@code passes} says so (evaluated at every probe, so
     * it may change its answer over time). Default: every probe passes.
     */
    public SimulatedLoadBalancer healthCheck(Predicate<Target> passes) {
        this.passes = Objects.requireNonNull(passes, "passes");
        return this;
    }

    // ================================================================ SPI

    @Override
    public String name() {
        return "simulated";
    }

    @Override
    public void start(LoadBalancingContext context) {
        Objects.requireNonNull(context, "context");
        if (!this.context.compareAndSet(null, context)) {
            throw new IllegalStateException("the simulated load balancer was already started");
        }
        loop = context.timeSource().newLoop("simulated-load-balancer");
    }

    @Override
    public Optional<TargetGroup> findTargetGroup(String targetGroupArn) {
        return Optional.ofNullable(targetGroupArn == null ? null : groups.get(targetGroupArn));
    }

    @Override
    public void registerTargets(String targetGroupArn, List<Target> targets) {
        List<Target> copy = List.copyOf(targets);
        onLoop(() -> {
            GroupState g = state(targetGroupArn);
            if (g == null) {
                return;
            }
            for (Target t : copy) {
                if (g.targets.containsKey(t.key())) {
                    continue;
                }
                TargetState ts = new TargetState(t);
                g.targets.put(t.key(), ts);
                ts.probe = after(Duration.ZERO, () -> probe(g, ts));
            }
        });
    }

    @Override
    public void deregisterTargets(String targetGroupArn, List<Target> targets) {
        List<Target> copy = List.copyOf(targets);
        onLoop(() -> {
            GroupState g = state(targetGroupArn);
            if (g == null) {
                return;
            }
            for (Target t : copy) {
                TargetState ts = g.targets.get(t.key());
                if (ts == null || ts.state == TargetHealthState.DRAINING) {
                    continue;
                }
                ts.state = TargetHealthState.DRAINING;
                ts.reason = "Target.DeregistrationInProgress";
                if (ts.probe != null) {
                    ts.probe.cancel();
                }
                ts.drain = after(g.group.deregistrationDelay(), () -> {
                    g.targets.remove(ts.target.key());
                    outbox.add(new TargetEvent.Deregistered(g.group.arn(), ts.target));
                });
            }
        });
    }

    @Override
    public void close() {
        closed = true;
        ControlLoop l = loop;
        if (l != null) {
            l.close();
        }
    }

    // ================================================================ routing simulation

    /**
     * Routes one simulated request: the target that would serve it, round robin over the group's healthy targets that
     * are not draining (failing open over unhealthy ones when every target is unhealthy), or empty when no target
     * can take it (ELB answers 503). Counted in {@link #requestsServed(String)} and {@link #failedRequests(String)}.
     *
     * @throws IllegalArgumentException for an unknown target group
     */
    public Optional<Target> route(String targetGroupArn) {
        requireGroup(targetGroupArn);
        return call(() -> {
            GroupState g = state(targetGroupArn);
            List<TargetState> healthy = new ArrayList<>();
            List<TargetState> unhealthy = new ArrayList<>();
            boolean anyOther = false;
            for (TargetState ts : g.targets.values()) {
                switch (ts.state) {
                    case HEALTHY -> healthy.add(ts);
                    case UNHEALTHY -> unhealthy.add(ts);
                    case INITIAL -> anyOther = true;
                    default -> { }
                }
            }
            List<TargetState> pool = !healthy.isEmpty() ? healthy : !anyOther ? unhealthy : List.of();
            if (pool.isEmpty()) {
                g.failed++;
                return Optional.<Target>empty();
            }
            Target chosen = pool.get((int) (g.next++ % pool.size())).target;
            g.routed++;
            g.served.merge(chosen.taskArn(), 1L, Long::sum);
            return Optional.of(chosen);
        });
    }

    /** How many routed requests each task served, in the order tasks first served one. */
    public Map<TaskArn, Long> requestsServed(String targetGroupArn) {
        requireGroup(targetGroupArn);
        return call(() -> Map.copyOf(new LinkedHashMap<>(state(targetGroupArn).served)));
    }

    /** How many routed requests found no target (503). */
    public long failedRequests(String targetGroupArn) {
        requireGroup(targetGroupArn);
        return call(() -> state(targetGroupArn).failed);
    }

    /** The registered targets (draining ones included) and their health, in registration order. */
    public List<TargetDescription> describeTargetHealth(String targetGroupArn) {
        requireGroup(targetGroupArn);
        return call(() -> {
            List<TargetDescription> out = new ArrayList<>();
            for (TargetState ts : state(targetGroupArn).targets.values()) {
                out.add(new TargetDescription(ts.target, ts.state,
                        ts.state == TargetHealthState.HEALTHY ? null : ts.reason));
            }
            return out;
        });
    }

    // ================================================================ health checks (loop)

    private void probe(GroupState g, TargetState ts) {
        if (ts.state == TargetHealthState.DRAINING || g.targets.get(ts.target.key()) != ts) {
            return;
        }
        HealthCheckSettings hc = g.group.healthCheck();
        boolean passed = passes.test(ts.target);
        TargetHealthState next = ts.state;
        if (passed) {
            ts.failures = 0;
            ts.passes++;
            if (ts.state != TargetHealthState.HEALTHY && ts.passes >= hc.healthyThreshold()) {
                next = TargetHealthState.HEALTHY;
            }
        } else {
            ts.passes = 0;
            ts.failures++;
            if (ts.state != TargetHealthState.UNHEALTHY && ts.failures >= hc.unhealthyThreshold()) {
                next = TargetHealthState.UNHEALTHY;
            }
        }
        if (next != ts.state) {
            ts.state = next;
            ts.reason = next == TargetHealthState.UNHEALTHY ? "Target.FailedHealthChecks" : null;
            outbox.add(new TargetEvent.HealthChanged(g.group.arn(), ts.target, next,
                    next == TargetHealthState.UNHEALTHY ? "Health checks failed" : null));
        }
        ts.probe = after(hc.interval(), () -> probe(g, ts));
    }

    // ================================================================ the loop

    private GroupState state(String arn) {
        GroupState g = states.get(arn);
        if (g == null) {
            TargetGroup group = groups.get(arn);
            if (group == null) {
                return null;
            }
            g = new GroupState(group);
            states.put(arn, g);
        }
        return g;
    }

    private void requireGroup(String arn) {
        if (arn == null || !groups.containsKey(arn)) {
            throw new IllegalArgumentException("no target group " + arn + " in this load balancer; create it with"
                    + " createTargetGroup(...)");
        }
    }

    private ControlLoop loop() {
        ControlLoop l = loop;
        if (l == null) {
            throw new IllegalStateException("start the simulated load balancer first (LocalEcs.start() does)");
        }
        return l;
    }

    private void onLoop(Runnable command) {
        call(() -> {
            command.run();
            return null;
        });
    }

    private <T> T call(java.util.function.Supplier<T> command) {
        ControlLoop l = loop();
        try {
            return l.call(() -> {
                try {
                    return command.get();
                } finally {
                    flush();
                }
            });
        } catch (RejectedExecutionException closedMeanwhile) {
            return null;
        }
    }

    private Cancellable after(Duration delay, Runnable step) {
        return SimulatorLoop.after(context.get().timeSource(), loop, () -> closed, this::flush, delay, step);
    }

    private void flush() {
        if (flushing) {
            return;
        }
        flushing = true;
        try {
            Consumer<TargetEvent> sink = context.get().events();
            TargetEvent event;
            while ((event = outbox.poll()) != null) {
                if (closed) {
                    outbox.clear();
                    break;
                }
                sink.accept(event);
            }
        } finally {
            flushing = false;
        }
    }

    @Override
    public String toString() {
        return "SimulatedLoadBalancer[targetGroups=" + groups.size() + (closed ? ", closed" : "") + "]";
    }
}
