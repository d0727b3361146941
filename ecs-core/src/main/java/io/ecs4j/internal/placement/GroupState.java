package io.ecs4j.internal.placement;

import java.util.HashMap;
import java.util.Map;

/**
 * The counted tasks of one group: per instance slot, and per value of each attribute a spread strategy asked about
 * (built on first use, then maintained). Loop-confined.
 */
final class GroupState {
    final String name;
    int total;
    final IntIntMap slots = new IntIntMap();
    /** Bit per slot hosting at least one task: the distinctInstance and spread(instanceId) test on the hot path. */
    private long[] hosts = new long[1];
    /** attribute name -> bucket value ({@link ClusterState#MISSING} when absent) -> count. */
    private Map<String, Map<String, int[]>> buckets;

    GroupState(String name) {
        this.name = name;
    }

    /** Counts per value of {@code attribute}, built from the slot counts on first use. */
    Map<String, int[]> bucketCounts(String attribute, ClusterState state) {
        if (buckets == null) {
            buckets = new HashMap<>(4);
        }
        Map<String, int[]> counts = buckets.get(attribute);
        if (counts == null) {
            Map<String, int[]> built = new HashMap<>();
            slots.forEach((slot, n) -> built.computeIfAbsent(state.bucketValue(slot, attribute), v -> new int[1])[0] += n);
            buckets.put(attribute, built);
            counts = built;
        }
        return counts;
    }

    /** The count in the bucket of {@code attribute} that {@code slot} belongs to. */
    int bucketCount(String attribute, int slot, ClusterState state) {
        int[] c = bucketCounts(attribute, state).get(state.bucketValue(slot, attribute));
        return c == null ? 0 : c[0];
    }

    /** Whether {@code slot} hosts at least one counted task of the group. */
    boolean hosts(int slot) {
        int w = slot >>> 6;
        return w < hosts.length && (hosts[w] & (1L << slot)) != 0;
    }

    /** Records {@code delta} tasks on {@code slot}. */
    void add(int slot, int delta, ClusterState state) {
        total += delta;
        int now = slots.add(slot, delta);
        int w = slot >>> 6;
        if (w >= hosts.length) {
            hosts = java.util.Arrays.copyOf(hosts, Math.max(w + 1, hosts.length * 2));
        }
        if (now > 0) {
            hosts[w] |= 1L << slot;
        } else {
            hosts[w] &= ~(1L << slot);
        }
        if (buckets != null) {
            for (Map.Entry<String, Map<String, int[]>> e : buckets.entrySet()) {
                adjust(e.getValue(), state.bucketValue(slot, e.getKey()), delta);
            }
        }
    }

    /** {@code slot}, which holds {@code n} tasks of this group, moves between values of its attributes. */
    void moveBuckets(int n, Map<String, String> oldAttributes, Map<String, String> newAttributes) {
        if (buckets == null) {
            return;
        }
        for (Map.Entry<String, Map<String, int[]>> e : buckets.entrySet()) {
            String before = ClusterState.bucketValue(oldAttributes, e.getKey());
            String after = ClusterState.bucketValue(newAttributes, e.getKey());
            if (!before.equals(after)) {
                adjust(e.getValue(), before, -n);
                adjust(e.getValue(), after, n);
            }
        }
    }

    private static void adjust(Map<String, int[]> counts, String value, int delta) {
        int[] c = counts.computeIfAbsent(value, v -> new int[1]);
        c[0] += delta;
        if (c[0] == 0) {
            counts.remove(value);
        }
    }
}
