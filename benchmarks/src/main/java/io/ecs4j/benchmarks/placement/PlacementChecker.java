package io.ecs4j.benchmarks.placement;

import io.ecs4j.internal.placement.TaskFootprint;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The independent checker every measured run goes through (benchmarking.md rule 4). It knows only the workload and
 * where each task went, and fails the run ({@link IllegalStateException}) on an unplaced task, an over-committed
 * instance, a task outside {@code m5.*}, two tasks of a distinctInstance service on one instance, and on the quality
 * targets: binpack uses at most 1.10 times the lower bound of instances, spread keeps every service's AZ skew at most
 * 1.
 */
public final class PlacementChecker {
    public static final double MAX_BINPACK_RATIO = 1.10;
    public static final int MAX_AZ_SKEW = 1;
    private static final Pattern ELIGIBLE = Pattern.compile("m5.*");

    private PlacementChecker() {
    }

    private static boolean seenBefore(BitSet seen, int bit) {
        boolean before = seen.get(bit);
        seen.set(bit);
        return before;
    }

    /** What a run achieved. */
    public record Quality(int instancesUsed, int lowerBound, double binpackRatio, int maxAzSkew) {
        @Override
        public String toString() {
            return String.format("instances used %d, lower bound %d, ratio %.3f, max per-service AZ skew %d",
                    instancesUsed, lowerBound, binpackRatio, maxAzSkew);
        }
    }

    /**
     * Checks a set of live tasks (steady-state benchmarks): no over-commit, memberOf and distinctInstance hold.
     *
     * @param tasks    workload task indexes
     * @param placedOn the instance index of each
     * @throws IllegalStateException describing the first violation
     */
    public static void verifyLive(Workload w, int[] tasks, int[] placedOn) {
        int n = w.instances.length;
        long[] cpu = new long[n];
        long[] mem = new long[n];
        Set<Long> distinctSeen = new HashSet<>();
        for (int k = 0; k < tasks.length; k++) {
            int i = placedOn[k];
            int service = w.taskService[tasks[k]];
            TaskFootprint fp = w.footprints[service];
            cpu[i] += fp.cpu();
            mem[i] += fp.memory();
            if (!ELIGIBLE.matcher(w.instances[i].attributes().get("ecs.instance-type")).matches()) {
                throw new IllegalStateException("live task " + tasks[k] + " violates memberOf m5.*");
            }
            if (w.distinct[service] && !distinctSeen.add((long) service * n + i)) {
                throw new IllegalStateException("service " + service + " has two live tasks on instance " + i);
            }
        }
        for (int i = 0; i < n; i++) {
            if (cpu[i] > w.instances[i].cpu() || mem[i] > w.instances[i].memory()) {
                throw new IllegalStateException("instance " + i + " over-committed: " + cpu[i] + " CPU, " + mem[i]
                        + " MiB");
            }
        }
    }

    /**
     * @param placedOn per task (arrival order), the instance index it went to, or -1
     * @throws IllegalStateException describing the first violation
     */
    public static Quality verify(Workload w, int[] placedOn) {
        int n = w.instances.length;
        BitSet distinctSeen = new BitSet(Workload.SERVICES * n);
        // per instance once, so that the check itself allocates little (JMH's gc profiler counts it)
        boolean[] eligible = new boolean[n];
        int[] azOf = new int[n];
        for (int i = 0; i < n; i++) {
            eligible[i] = ELIGIBLE.matcher(w.instances[i].attributes().get("ecs.instance-type")).matches();
            azOf[i] = Arrays.asList(Workload.AZS).indexOf(w.instances[i].attributes().get("ecs.availability-zone"));
        }
        long[] cpu = new long[n];
        long[] mem = new long[n];
        int[][] perServiceAz = new int[Workload.SERVICES][Workload.AZS.length];
        long totalCpu = 0;
        long totalMem = 0;
        for (int t = 0; t < placedOn.length; t++) {
            int i = placedOn[t];
            int service = w.taskService[t];
            if (i < 0) {
                throw new IllegalStateException("task " + w.taskIds[t] + " was not placed, but every task fits");
            }
            TaskFootprint fp = w.footprints[service];
            cpu[i] += fp.cpu();
            mem[i] += fp.memory();
            totalCpu += fp.cpu();
            totalMem += fp.memory();
            if (!eligible[i]) {
                throw new IllegalStateException("task " + w.taskIds[t] + " on "
                        + w.instances[i].attributes().get("ecs.instance-type") + " violates memberOf m5.*");
            }
            if (w.distinct[service] && seenBefore(distinctSeen, service * n + i)) {
                throw new IllegalStateException("service " + service + " has two tasks on instance " + i
                        + " despite distinctInstance");
            }
            perServiceAz[service][azOf[i]]++;
        }
        int used = 0;
        for (int i = 0; i < n; i++) {
            if (cpu[i] > w.instances[i].cpu() || mem[i] > w.instances[i].memory()) {
                throw new IllegalStateException("instance " + i + " over-committed: " + cpu[i] + " CPU, " + mem[i]
                        + " MiB");
            }
            if (mem[i] > 0) {
                used++;
            }
        }
        int lowerBound = (int) Math.max((totalMem + Workload.MEMORY - 1) / Workload.MEMORY,
                (totalCpu + Workload.CPU - 1) / Workload.CPU);
        int skew = 0;
        for (int[] az : perServiceAz) {
            skew = Math.max(skew, Arrays.stream(az).max().orElse(0) - Arrays.stream(az).min().orElse(0));
        }
        Quality q = new Quality(used, lowerBound, (double) used / lowerBound, skew);
        if (w.chain == Chain.BINPACK && q.binpackRatio() > MAX_BINPACK_RATIO) {
            throw new IllegalStateException("binpack quality: " + q);
        }
        if (w.chain == Chain.SPREAD_BINPACK && q.maxAzSkew() > MAX_AZ_SKEW) {
            throw new IllegalStateException("spread quality: " + q);
        }
        return q;
    }
}
