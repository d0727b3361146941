package io.ecs4j.benchmarks.services;

import io.ecs4j.request.RunTaskRequest;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
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
 * S4(b): from a steady 1,000-task service on 100 instances (built untimed per shot), 100 tasks are stopped at once;
 * the time until all 100 replacements are RUNNING. Same-run baseline: StopTask of 100 tasks and RunTask of 100 new
 * ones by hand, until they are RUNNING.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 20)
@Measurement(iterations = 30)
public class MassReplacement {
    @Param({"1000"})
    public int tasks;

    @Param({"100"})
    public int stopped;

    @Param({"42"})
    public long seed;

    /** {@code instant}: the control plane's own cost; {@code in-memory}: with the in-memory runtime's bookkeeping. */
    @Param({"instant", "in-memory"})
    public String runtime;

    private ServiceCluster cluster;
    private String[] victims;
    private long invocation;

    /** A steady service, or for the baseline the same number of standalone tasks (no scheduler to interfere). */
    @Setup(Level.Invocation)
    public void steadyTasks(BenchmarkParams params) {
        cluster = new ServiceCluster(runtime, 100, seed + invocation);
        boolean baseline = params.getBenchmark().endsWith("scriptedBaseline");
        LiveTasks live = new LiveTasks((baseline ? "family:" : "service:") + ServiceCluster.SERVICE);
        cluster.ecs.subscribe(live);
        if (baseline) {
            for (int i = 0; i < tasks; i += 10) {
                cluster.ecs.runTask(RunTaskRequest.builder(null, ServiceCluster.SERVICE).count(10).build());
            }
            cluster.clock.runUntilIdle();
        } else {
            cluster.createService(tasks, 100, 200);
            cluster.awaitSteady();
        }
        SplittableRandom random = new SplittableRandom(seed + invocation++);
        Set<String> chosen = new HashSet<>();
        while (chosen.size() < stopped) {
            chosen.add(live.pick(random));
        }
        victims = chosen.toArray(String[]::new);
    }

    @Benchmark
    public int replaceHundred() {
        for (String id : victims) {
            cluster.ecs.stopTask(null, id, null);
        }
        cluster.clock.runUntilIdle();
        return cluster.ecs.findService(null, ServiceCluster.SERVICE).orElseThrow().runningCount();
    }

    @Benchmark
    public int scriptedBaseline() {
        for (String id : victims) {
            cluster.ecs.stopTask(null, id, null);
        }
        for (int i = 0; i < stopped; i += 10) {
            cluster.ecs.runTask(RunTaskRequest.builder(null, ServiceCluster.SERVICE).count(10).build());
        }
        cluster.clock.runUntilIdle();
        return cluster.ecs.findCluster(null).orElseThrow().runningTasksCount();
    }

    @TearDown(Level.Invocation)
    public void check(BenchmarkParams params) {
        try {
            cluster.checker.verify();
            int running = cluster.ecs.findCluster(null).orElseThrow().runningTasksCount();
            if (running != tasks) {
                throw new IllegalStateException("checker: " + running + " tasks RUNNING, expected " + tasks);
            }
            if (params.getBenchmark().endsWith("replaceHundred")
                    && cluster.ecs.findService(null, ServiceCluster.SERVICE).orElseThrow().runningCount() != tasks) {
                throw new IllegalStateException("checker: the service is not back to " + tasks + " tasks");
            }
        } finally {
            cluster.close();
        }
    }
}
