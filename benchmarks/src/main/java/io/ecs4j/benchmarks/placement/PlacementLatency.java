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

/**
 * S1 per-placement latency (p50/p99) in a steady state: the cluster holds half of the workload's tasks; each operation
 * stops the oldest task ({@code removeTask}), places the next one ({@code place}, count 1) and commits it
 * ({@code addTask}), so the cluster stays half full. After every iteration an independent ledger of the live tasks is
 * checked (capacity, memberOf, distinctInstance) and a violation fails the run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
public class PlacementLatency {

    @Param({"binpack", "spread-binpack", "random"})
    public String chain;

    @Param({"1000"})
    public int instances;

    @Param({"42"})
    public long seed;

    private Workload workload;
    private PlacementEngine engine;
    private int half;
    /** Ring of live tasks: workload task index and instance id per ring slot; ids are reused per slot. */
    private int[] ringTask;
    private String[] ringInstance;
    private String[] ringIds;
    private int head;
    private int cursor;

    @Setup(Level.Trial)
    public void fillHalf() {
        workload = Workload.s1(instances, seed, Chain.parse(chain));
        engine = workload.newEngine(seed);
        half = workload.tasks() / 2;
        ringTask = new int[half];
        ringInstance = new String[half];
        ringIds = new String[half];
        for (int k = 0; k < half; k++) {
            ringIds[k] = "live-" + k;
            PlacementRequest r = workload.requests[k];
            String id = engine.place(r).instanceIds().get(0);
            engine.addTask(ringIds[k], id, r.group(), r.footprint());
            ringTask[k] = k;
            ringInstance[k] = id;
        }
    }

    @Benchmark
    public String releasePlaceCommit() {
        int slot = head;
        head = head + 1 == half ? 0 : head + 1;
        engine.removeTask(ringIds[slot]);
        int t = half + cursor;
        cursor = cursor + 1 == workload.tasks() - half ? 0 : cursor + 1;
        PlacementRequest r = workload.requests[t];
        PlacementOutcome outcome = engine.place(r);
        if (outcome.instanceIds().isEmpty()) {
            throw new IllegalStateException("task " + t + " could not be placed in a half-full cluster: "
                    + outcome.failures());
        }
        String id = outcome.instanceIds().get(0);
        engine.addTask(ringIds[slot], id, r.group(), r.footprint());
        ringTask[slot] = t;
        ringInstance[slot] = id;
        return id;
    }

    @TearDown(Level.Iteration)
    public void check() {
        int[] placedOn = new int[half];
        int[] tasks = ringTask.clone();
        for (int k = 0; k < half; k++) {
            placedOn[k] = Workload.indexOf(ringInstance[k]);
        }
        PlacementChecker.verifyLive(workload, tasks, placedOn);
    }
}
