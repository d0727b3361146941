package io.ecs4j.benchmarks.placement;

import io.ecs4j.internal.placement.PlacementEngine;
import io.ecs4j.internal.placement.PlacementOutcome;
import io.ecs4j.internal.placement.PlacementRequest;
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
 * S1/S2: place every task of a {@link Workload} one RunTask-style call at a time ({@code place} with count 1, then
 * {@code addTask}), on a fresh cluster per invocation (built untimed). {@code engine} is the indexed
 * {@link PlacementEngine}; {@code naive} the full-scan {@link NaivePlacer}, the same-run baseline. Subclasses fix the
 * cluster size, so that {@code @OperationsPerInvocation} makes the score placements per second. After every
 * invocation the {@link PlacementChecker} verifies the result and fails the run on a violation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
public abstract class PlacementThroughput {

    @Param({"binpack", "spread-binpack", "random"})
    public String chain;

    @Param({"42"})
    public long seed;

    private Workload workload;
    private PlacementEngine engine;
    private NaivePlacer naive;
    private int[] placedOn;
    private long invocation;
    private PlacementChecker.Quality quality;

    /** The number of container instances; the workload has ten times as many tasks. */
    protected abstract int instances();

    @Setup(Level.Trial)
    public void buildWorkload() {
        workload = Workload.s1(instances(), seed, Chain.parse(chain));
        placedOn = new int[workload.tasks()];
    }

    @Setup(Level.Invocation)
    public void freshCluster(BenchmarkParams params) {
        long runSeed = seed * 1_000_003L + invocation++;
        if (params.getBenchmark().endsWith("naive")) {
            naive = workload.newNaive(runSeed);
        } else {
            engine = workload.newEngine(runSeed);
        }
        java.util.Arrays.fill(placedOn, -2);
    }

    @Benchmark
    public int engine() {
        PlacementRequest[] requests = workload.requests;
        String[] ids = workload.taskIds;
        int placed = 0;
        for (int t = 0; t < requests.length; t++) {
            PlacementRequest r = requests[t];
            PlacementOutcome outcome = engine.place(r);
            if (outcome.instanceIds().isEmpty()) {
                placedOn[t] = -1;
                continue;
            }
            String instanceId = outcome.instanceIds().get(0);
            engine.addTask(ids[t], instanceId, r.group(), r.footprint());
            placedOn[t] = Workload.indexOf(instanceId);
            placed++;
        }
        return placed;
    }

    @Benchmark
    public int naive() {
        PlacementRequest[] requests = workload.requests;
        int placed = 0;
        for (int t = 0; t < requests.length; t++) {
            PlacementRequest r = requests[t];
            int i = naive.place(r);
            placedOn[t] = i;
            if (i >= 0) {
                naive.commit(i, r.group(), r.footprint());
                placed++;
            }
        }
        return placed;
    }

    @TearDown(Level.Invocation)
    public void check() {
        quality = PlacementChecker.verify(workload, placedOn);
    }

    @TearDown(Level.Trial)
    public void report(BenchmarkParams params) {
        System.out.println("\n[checker] " + params.getBenchmark() + " " + chain + " " + instances() + " instances: "
                + "0 violations; " + quality);
    }
}
