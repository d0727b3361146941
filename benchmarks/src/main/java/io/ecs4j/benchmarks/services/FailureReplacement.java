package io.ecs4j.benchmarks.services;

import io.ecs4j.model.Service;
import io.ecs4j.request.RunTaskRequest;
import java.time.Duration;
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

/**
 * S4(a): from a steady 1,000-task service on 100 instances, a task is stopped and the time until its replacement is
 * RUNNING is sampled (the replacement is launched in the same loop turn as the stop; no polling). Latency distribution
 * (SampleTime), wall time.
 *
 * <p>Same-run baseline {@code standaloneBaseline}: the same work done by hand on a standalone task in the same cluster:
 * StopTask, then RunTask of a new task until it is RUNNING.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
public class FailureReplacement {
    @Param({"1000"})
    public int tasks;

    @Param({"42"})
    public long seed;

    /** {@code instant}: the control plane's own cost; {@code in-memory}: with the in-memory runtime's bookkeeping. */
    @Param({"instant", "in-memory"})
    public String runtime;

    private ServiceCluster cluster;
    private LiveTasks service;
    private LiveTasks standalone;
    private SplittableRandom random;

    @Setup(Level.Trial)
    public void steadyService() {
        random = new SplittableRandom(seed);
        cluster = new ServiceCluster(runtime, 100, seed);
        service = new LiveTasks("service:" + ServiceCluster.SERVICE);
        standalone = new LiveTasks("family:" + ServiceCluster.SERVICE);
        cluster.ecs.subscribe(service);
        cluster.ecs.subscribe(standalone);
        cluster.createService(tasks, 100, 200);
        cluster.awaitSteady();
        cluster.ecs.runTask(RunTaskRequest.builder(null, ServiceCluster.SERVICE).count(10).build());
        cluster.clock.runUntilIdle();
    }

    /** Stopped tasks stay describable for an hour of virtual time: let them go between iterations (untimed). */
    @Setup(Level.Iteration)
    public void forgetStoppedTasks() {
        cluster.clock.advance(Duration.ofHours(2));
    }

    @Benchmark
    public int replaceOne() {
        cluster.ecs.stopTask(null, service.pick(random), null);
        cluster.clock.runUntilIdle();
        Service s = cluster.ecs.findService(null, ServiceCluster.SERVICE).orElseThrow();
        if (s.runningCount() != tasks || service.size() != tasks) {
            throw new IllegalStateException("checker: " + s.runningCount() + " tasks RUNNING after the replacement");
        }
        return s.runningCount();
    }

    @Benchmark
    public int standaloneBaseline() {
        cluster.ecs.stopTask(null, standalone.pick(random), null);
        cluster.ecs.runTask(RunTaskRequest.builder(null, ServiceCluster.SERVICE).build());
        cluster.clock.runUntilIdle();
        if (standalone.size() != 10) {
            throw new IllegalStateException("checker: " + standalone.size() + " standalone tasks RUNNING");
        }
        return standalone.size();
    }

    @TearDown(Level.Trial)
    public void check() {
        try {
            cluster.checker.verify();
        } finally {
            cluster.close();
        }
    }
}
