package io.ecs4j.benchmarks.services;

import io.ecs4j.model.PlacementStrategy;
import io.ecs4j.model.Task;
import io.ecs4j.request.ListTasksRequest;
import io.ecs4j.request.RunTaskRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * S5: a rolling deployment of a steady 100-task service to a new revision, from UpdateService to steady state, at
 * (minimumHealthyPercent, maximumPercent) = (100, 200) [ECS's default], (50, 100) and (100, 125). In-memory runtime,
 * virtual clock (the 40-second health wait between waves is virtual). The checker fails the run on a bound violation
 * or when the number of launch waves is not ⌈100 / surge⌉ (1 at 200 %, 4 at 125 %; 2 at (50, 100), stop-first).
 *
 * <p>Same-run baseline {@code scriptedBaseline}: the same task churn done by hand without the scheduler: RunTask of
 * 100 tasks of the new revision, StopTask of the 100 old ones, until the new ones are RUNNING and the old ones STOPPED.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 50)
@Measurement(iterations = 30)
public class RollingDeployment {
    @Param({"100,200", "50,100", "100,125"})
    public String percents;

    @Param({"100"})
    public int tasks;

    @Param({"42"})
    public long seed;

    /** {@code instant}: the control plane's own cost; {@code in-memory}: with the in-memory runtime's bookkeeping. */
    @Param({"instant", "in-memory"})
    public String runtime;

    private ServiceCluster cluster;
    private String revision;
    private List<String> oldTasks;
    private long invocation;

    /** A steady service, or for the baseline the same number of standalone tasks (no scheduler to interfere). */
    @Setup(Level.Invocation)
    public void steadyTasks(BenchmarkParams params) {
        String[] p = percents.split(",");
        cluster = new ServiceCluster(runtime, 10, seed + invocation++);
        if (params.getBenchmark().endsWith("scriptedBaseline")) {
            for (int i = 0; i < tasks; i += 10) {
                cluster.ecs.runTask(RunTaskRequest.builder(null, ServiceCluster.SERVICE).count(Math.min(10, tasks - i))
                        .build());
            }
            cluster.clock.advance(Duration.ofSeconds(40));
            oldTasks = cluster.ecs.listTasks(ListTasksRequest.builder().family(ServiceCluster.SERVICE).build())
                    .items();
        } else {
            cluster.createService(tasks, Integer.parseInt(p[0]), Integer.parseInt(p[1]));
            cluster.awaitSteady();
            oldTasks = cluster.ecs.listTasks(ListTasksRequest.builder().serviceName(ServiceCluster.SERVICE).build())
                    .items();
        }
        revision = cluster.registerRevision();
        cluster.checker.resetWaves();
    }

    @Benchmark
    public boolean deploy() {
        cluster.deploy(revision);
        cluster.awaitSteady();
        return cluster.steady();
    }

    @Benchmark
    public int scriptedBaseline() {
        List<Task> started = new ArrayList<>();
        for (int i = 0; i < tasks; i += 10) {
            started.addAll(cluster.ecs.runTask(RunTaskRequest.builder(null, revision).count(Math.min(10, tasks - i))
                    .placementStrategy(PlacementStrategy.spread("attribute:ecs.availability-zone"),
                            PlacementStrategy.spread("instanceId")).build()).tasks());
        }
        for (String arn : oldTasks) {
            cluster.ecs.stopTask(null, arn, null);
        }
        if (!cluster.clock.advanceUntil(() -> cluster.ecs.findCluster(null).orElseThrow().runningTasksCount() == tasks
                && cluster.ecs.findCluster(null).orElseThrow().pendingTasksCount() == 0, Duration.ofHours(1))) {
            throw new IllegalStateException("the scripted deployment did not finish");
        }
        return started.size();
    }

    @TearDown(Level.Invocation)
    public void check(BenchmarkParams params) {
        try {
            if (params.getBenchmark().endsWith("deploy")) {
                cluster.checker.verify();
                String[] p = percents.split(",");
                int surge = tasks * Integer.parseInt(p[1]) / 100 - tasks;
                int expected = surge > 0 ? (tasks + surge - 1) / surge
                        : (tasks + tasks - (tasks * Integer.parseInt(p[0]) + 99) / 100 - 1)
                        / (tasks - (tasks * Integer.parseInt(p[0]) + 99) / 100);
                if (cluster.checker.launchWaves() != expected) {
                    throw new IllegalStateException("checker: " + cluster.checker.launchWaves() + " launch waves,"
                            + " expected " + expected);
                }
                if (cluster.checker.liveTasks() != tasks) {
                    throw new IllegalStateException("checker: " + cluster.checker.liveTasks() + " tasks left");
                }
            }
        } finally {
            cluster.close();
        }
    }
}
