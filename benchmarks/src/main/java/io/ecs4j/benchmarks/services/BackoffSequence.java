package io.ecs4j.benchmarks.services;

import io.ecs4j.model.EcsEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * S4(c): a service whose image cannot be pulled backs off to the 27-minute cap (5, 10, 20, ... 1280, 1620 s between
 * launches: about three hours of virtual time), then a new revision clears the backoff and the service becomes steady.
 * Wall time of the whole sequence on the virtual clock; the checker verifies the gaps and the reset.
 *
 * <p>Same-run baseline {@code healthyBaseline}: the same span of virtual time for a healthy one-task service (what
 * moving the clock costs without the backoff).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 50)
@Measurement(iterations = 30)
public class BackoffSequence {
    private static final long[] GAPS = {5, 10, 20, 40, 80, 160, 320, 640, 1280, 1620, 1620};
    private static final Duration SPAN = Duration.ofSeconds(5800);

    @Param({"42"})
    public long seed;

    /** {@code instant}: the control plane's own cost; {@code in-memory}: with the in-memory runtime's bookkeeping. */
    @Param({"instant", "in-memory"})
    public String runtime;

    private ServiceCluster cluster;
    private final List<Instant> launches = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private Instant resetAt;
    private long invocation;

    @Setup(Level.Invocation)
    public void cluster() {
        cluster = new ServiceCluster(runtime, 1, seed + invocation++);
        launches.clear();
        seen.clear();
        cluster.ecs.subscribe(e -> {
            if (e instanceof EcsEvent.TaskStateChange c && c.task().group().equals("service:web")
                    && seen.add(c.task().taskId())) {
                launches.add(c.task().createdAt());
            }
        });
    }

    @Benchmark
    public boolean backOffThenRecover() {
        cluster.failImage("example/web:1");
        cluster.createService(1, 100, 200);
        cluster.clock.advance(SPAN);
        String fixed = cluster.registerRevision();
        resetAt = cluster.clock.instant();
        cluster.deploy(fixed);
        cluster.awaitSteady();
        return cluster.steady();
    }

    @Benchmark
    public boolean healthyBaseline() {
        cluster.createService(1, 100, 200);
        cluster.clock.advance(SPAN);
        String next = cluster.registerRevision();
        cluster.deploy(next);
        cluster.awaitSteady();
        return cluster.steady();
    }

    @TearDown(Level.Invocation)
    public void check(BenchmarkParams params) {
        try {
            cluster.checker.verify();
            if (params.getBenchmark().endsWith("backOffThenRecover")) {
                for (int i = 0; i < GAPS.length; i++) {
                    long gap = Duration.between(launches.get(i), launches.get(i + 1)).toSeconds();
                    if (gap != GAPS[i]) {
                        throw new IllegalStateException("checker: gap " + i + " was " + gap + " s, expected "
                                + GAPS[i] + "; launches " + launches);
                    }
                }
                if (!launches.contains(resetAt)) {
                    throw new IllegalStateException("checker: the new revision did not launch at once at " + resetAt);
                }
            }
        } finally {
            cluster.close();
        }
    }
}
