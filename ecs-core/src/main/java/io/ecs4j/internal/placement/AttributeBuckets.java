package io.ecs4j.internal.placement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The instances that accept tasks, partitioned by the value of one attribute (or all in one bucket when the attribute
 * is null). Each bucket keeps a dense member list for uniform sampling and, once binpack asks, instances sorted by
 * remaining CPU or memory. Loop-confined; {@link ClusterState} keeps it current.
 */
final class AttributeBuckets {
    final String attribute;
    final List<Bucket> buckets = new ArrayList<>();
    private final Map<String, Bucket> byValue = new HashMap<>();
    private Bucket[] slotBucket;
    private int[] slotPos;

    AttributeBuckets(String attribute, int capacity) {
        this.attribute = attribute;
        slotBucket = new Bucket[capacity];
        slotPos = new int[capacity];
    }

    void grow(int capacity) {
        if (capacity > slotBucket.length) {
            slotBucket = Arrays.copyOf(slotBucket, capacity);
            slotPos = Arrays.copyOf(slotPos, capacity);
        }
    }

    Bucket bucketOf(int slot) {
        return slotBucket[slot];
    }

    void add(int slot, ClusterState s) {
        String value = attribute == null ? "" : s.bucketValue(slot, attribute);
        Bucket b = byValue.get(value);
        if (b == null) {
            b = new Bucket(value);
            byValue.put(value, b);
            buckets.add(b);
        }
        slotBucket[slot] = b;
        slotPos[slot] = b.members.size();
        b.members.add(slot);
        if (b.byCpu != null) {
            b.byCpu.add(s.cpuKey(slot));
        }
        if (b.byMemory != null) {
            b.byMemory.add(s.memoryKey(slot));
        }
    }

    /** Removes {@code slot}; its keys must still be those it was indexed under. */
    void remove(int slot, ClusterState s) {
        Bucket b = slotBucket[slot];
        int pos = slotPos[slot];
        int last = b.members.removeLast();
        if (last != slot) {
            b.members.set(pos, last);
            slotPos[last] = pos;
        }
        slotBucket[slot] = null;
        if (b.byCpu != null) {
            b.byCpu.remove(s.cpuKey(slot));
        }
        if (b.byMemory != null) {
            b.byMemory.remove(s.memoryKey(slot));
        }
    }

    /** {@code slot}'s remaining resources (or tie key) changed from the given keys to its current ones. */
    void rekey(int slot, long oldCpuKey, long oldMemoryKey, ClusterState s) {
        Bucket b = slotBucket[slot];
        if (b.byCpu != null) {
            b.byCpu.remove(oldCpuKey);
            b.byCpu.add(s.cpuKey(slot));
        }
        if (b.byMemory != null) {
            b.byMemory.remove(oldMemoryKey);
            b.byMemory.add(s.memoryKey(slot));
        }
    }

    /** One attribute value's instances. */
    static final class Bucket {
        final String value;
        final IntList members = new IntList(16);
        LongSortedSet byCpu;
        LongSortedSet byMemory;

        Bucket(String value) {
            this.value = value;
        }

        /** Members sorted by remaining CPU ({@code cpu}) or memory, built on first use. */
        LongSortedSet sorted(boolean cpu, ClusterState s) {
            LongSortedSet set = cpu ? byCpu : byMemory;
            if (set == null) {
                set = new LongSortedSet();
                for (int i = 0; i < members.size(); i++) {
                    int slot = members.get(i);
                    set.add(cpu ? s.cpuKey(slot) : s.memoryKey(slot));
                }
                if (cpu) {
                    byCpu = set;
                } else {
                    byMemory = set;
                }
            }
            return set;
        }
    }
}
