package io.ecs4j.benchmarks.services;

import io.ecs4j.model.PlacementStrategy;
import io.ecs4j.model.Service;
import io.ecs4j.request.RunTaskRequest;
import java.time.Duration;
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
 * S3: a 1,000-task service on 100 instances, from CreateService to steady state (all tasks RUNNING, the deployment
 * COMPLETED, "has reached a steady state."), with instant starts on the in-memory runtime. Wall time, one shot per
 * fresh cluster (built untimed). Virtual time passes too (the 40-second health wait) but costs nothing.
 *
 * <p>Same-run baseline {@code runTaskBaseline}: the engine alone starting the same 1,000 tasks with RunTask (count 10,
 * the same spread placement), until all are RUNNING: the ratio is what the service scheduler adds.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 20)
@Measurement(iterations = 30)
public class ServiceConvergence {
    @Param({"1000"})
    public int tasks;

    @Param({"100"})
    public int instances;

    @Param({"42"})
    public long seed;

    /** {@code instant}: the control plane's own cost; {@code in-memory}: with the in-memory runtime's bookkeeping. */
    @Param({"instant", "in-memory"})
    public String runtime;

    private ServiceCluster cluster;
    private long invocation;

    @Setup(Level.Invocation)
    public void freshCluster() {
        cluster = new ServiceCluster(runtime, instances, seed + invocation++);
    }

    @Benchmark
    public Service service() {
        cluster.createService(tasks, 100, 200);
        cluster.awaitSteady();
        return cluster.ecs.findService(null, ServiceCluster.SERVICE).orElseThrow();
    }

    @Benchmark
    public int runTaskBaseline() {
        for (int started = 0; started < tasks; started += 10) {
            cluster.ecs.runTask(RunTaskRequest.builder(null, ServiceCluster.SERVICE).count(Math.min(10, tasks - started))
                    .placementStrategy(PlacementStrategy.spread("attribute:ecs.availability-zone"),
                            PlacementStrategy.spread("instanceId")).build());
        }
        if (!cluster.clock.advanceUntil(() -> cluster.ecs.findCluster(null).orElseThrow().runningTasksCount() == tasks,
                Duration.ofHours(1))) {
            throw new IllegalStateException("the tasks did not all start");
        }
        return tasks;
    }

    @TearDown(Level.Invocation)
    public void check(BenchmarkParams params) {
        try {
            cluster.checker.verify();
            int running = cluster.ecs.findCluster(null).orElseThrow().runningTasksCount();
            if (running != tasks) {
                throw new IllegalStateException("checker: " + running + " tasks RUNNING, expected " + tasks);
            }
            if (params.getBenchmark().endsWith("service")) {
                Service s = cluster.ecs.findService(null, ServiceCluster.SERVICE).orElseThrow();
                if (!s.isStable() || !s.events().get(0).message().endsWith("has reached a steady state.")) {
                    throw new IllegalStateException("checker: not in a steady state: " + s.events().get(0));
                }
            }
        } finally {
            cluster.close();
        }
    }
}
