package io.ecs4j.internal.placement;

import io.ecs4j.internal.placement.AttributeBuckets.Bucket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Chooses the instance for one task: among the instances that pass every filter, the lexicographic minimum of the
 * strategy scores (spread: tasks of the group in the candidate's bucket; binpack: remaining CPU/memory), remaining
 * ties broken at random.
 *
 * <p>It reads indexes instead of scanning: a leading {@code spread(attribute:X)} walks X's buckets from the least
 * loaded; {@code binpack} walks each bucket's instances sorted by remaining amount from the smallest that fits (ties
 * in that order are broken by a random key redrawn on every change of the instance); {@code spread(instanceId)} and
 * {@code random} sample uniformly from the bucket members and accept the first that passes (a zero-task instance for
 * spread), with an exact scan as the fallback after {@value #SAMPLES} misses. Any other shape is an exact scan of the
 * candidates left. Loop-confined.
 */
final class Selector {
    static final int SAMPLES = 16;

    private final ClusterState s;
    private final IntList scratch = new IntList(256);
    private final IntList feasibleScratch = new IntList(256);
    private final List<Bucket> tieBuckets = new ArrayList<>();
    private final List<Bucket> allBuckets = new ArrayList<>(1);
    private final long[] best = new long[PlacementValidator.MAX_STRATEGIES];
    private final long[] current = new long[PlacementValidator.MAX_STRATEGIES];
    /** Scratch: (count << 32 | bucket index) per bucket of a spread attribute. */
    private long[] order = new long[8];

    Selector(ClusterState s) {
        this.s = s;
    }

    /** The slot for the next task, or -1 when no instance passes the filters. */
    int choose(PlacementContext ctx) {
        Strategy[] chain = ctx.c.chain;
        if (chain.length > 0 && chain[0].kind() == Strategy.Kind.SPREAD_ATTRIBUTE) {
            return spreadAttribute(ctx, chain);
        }
        // the one bucket of all instances; add() rather than addAll(), which copies through toArray()
        allBuckets.clear();
        for (int i = 0; i < s.all.buckets.size(); i++) {
            allBuckets.add(s.all.buckets.get(i));
        }
        return within(ctx, allBuckets, chain, 0);
    }

    private int spreadAttribute(PlacementContext ctx, Strategy[] chain) {
        String attribute = chain[0].attribute();
        AttributeBuckets ab = s.spreadBuckets(attribute);
        Map<String, int[]> counts = ctx.gs == null ? null : ctx.gs.bucketCounts(attribute, s);
        // order the non-empty buckets by the group's count in them; ties keep bucket creation order
        int n = 0;
        if (order.length < ab.buckets.size()) {
            order = new long[ab.buckets.size() * 2];
        }
        for (int b = 0; b < ab.buckets.size(); b++) {
            Bucket bucket = ab.buckets.get(b);
            if (bucket.members.size() > 0) {
                int[] c = counts == null ? null : counts.get(bucket.value);
                order[n++] = ((long) (c == null ? 0 : c[0]) << 32) | b;
            }
        }
        Arrays.sort(order, 0, n);
        for (int i = 0; i < n; ) {
            int j = i;
            tieBuckets.clear();
            while (j < n && (order[j] >>> 32) == (order[i] >>> 32)) {
                tieBuckets.add(ab.buckets.get((int) order[j++]));
            }
            int slot = within(ctx, tieBuckets, chain, 1);
            if (slot >= 0) {
                return slot;
            }
            i = j;
        }
        return -1;
    }

    private int within(PlacementContext ctx, List<Bucket> buckets, Strategy[] chain, int i) {
        if (i == chain.length) {
            return randomFeasible(ctx, buckets);
        }
        switch (chain[i].kind()) {
            case BINPACK_CPU:
            case BINPACK_MEMORY:
                return binpack(ctx, buckets, chain, i);
            case SPREAD_INSTANCE:
                if (i == chain.length - 1) {
                    return spreadInstance(ctx, buckets, chain, i);
                }
                return scanMembers(ctx, buckets, chain, i);
            default:
                return scanMembers(ctx, buckets, chain, i);
        }
    }

    private int binpack(PlacementContext ctx, List<Bucket> buckets, Strategy[] chain, int i) {
        boolean cpu = chain[i].kind() == Strategy.Kind.BINPACK_CPU;
        long from = (long) (cpu ? ctx.cpu : ctx.memory) << 32;
        long bestKey = LongSortedSet.NONE;
        for (Bucket b : buckets) {
            LongSortedSet sorted = b.sorted(cpu, s);
            for (long k = sorted.seek(from); k != LongSortedSet.NONE; k = sorted.next()) {
                if (bestKey != LongSortedSet.NONE && k > bestKey) {
                    break;
                }
                if (ctx.feasible(ClusterState.slotOf(k))) {
                    bestKey = k;
                    break;
                }
            }
        }
        if (bestKey == LongSortedSet.NONE) {
            return -1;
        }
        if (i == chain.length - 1) {
            return ClusterState.slotOf(bestKey);
        }
        // later strategies break ties among the feasible instances with exactly this remaining amount
        int remaining = ClusterState.remainingOf(bestKey);
        long tieFrom = (long) remaining << 32;
        scratch.clear();
        for (Bucket b : buckets) {
            LongSortedSet sorted = b.sorted(cpu, s);
            for (long k = sorted.seek(tieFrom); k != LongSortedSet.NONE && ClusterState.remainingOf(k) == remaining;
                 k = sorted.next()) {
                scratch.add(ClusterState.slotOf(k));
            }
        }
        return scan(ctx, scratch, chain, i + 1);
    }

    private int spreadInstance(PlacementContext ctx, List<Bucket> buckets, Strategy[] chain, int i) {
        GroupState gs = ctx.gs;
        if (gs == null) {
            return randomFeasible(ctx, buckets);
        }
        int total = totalMembers(buckets);
        if (total == 0) {
            return -1;
        }
        if (gs.slots.size() < total) {
            for (int t = 0; t < SAMPLES; t++) {
                int slot = sample(buckets, total);
                if (!gs.hosts(slot) && ctx.feasible(slot)) {
                    return slot;
                }
            }
        }
        return scanMembers(ctx, buckets, chain, i);
    }

    private int randomFeasible(PlacementContext ctx, List<Bucket> buckets) {
        int total = totalMembers(buckets);
        if (total == 0) {
            return -1;
        }
        for (int t = 0; t < SAMPLES; t++) {
            int slot = sample(buckets, total);
            if (ctx.feasible(slot)) {
                return slot;
            }
        }
        feasibleScratch.clear();
        for (Bucket b : buckets) {
            for (int k = 0; k < b.members.size(); k++) {
                int slot = b.members.get(k);
                if (ctx.feasible(slot)) {
                    feasibleScratch.add(slot);
                }
            }
        }
        int n = feasibleScratch.size();
        return n == 0 ? -1 : feasibleScratch.get(s.random.nextInt(n));
    }

    private int scanMembers(PlacementContext ctx, List<Bucket> buckets, Strategy[] chain, int i) {
        scratch.clear();
        for (Bucket b : buckets) {
            for (int k = 0; k < b.members.size(); k++) {
                scratch.add(b.members.get(k));
            }
        }
        return scan(ctx, scratch, chain, i);
    }

    /** Exact: the feasible slot of {@code slots} with the smallest scores for {@code chain[i..]}, ties at random. */
    int scan(PlacementContext ctx, IntList slots, Strategy[] chain, int i) {
        int bestSlot = -1;
        int ties = 0;
        int width = chain.length - i;
        for (int k = 0; k < slots.size(); k++) {
            int slot = slots.get(k);
            if (!ctx.feasible(slot)) {
                continue;
            }
            for (int j = 0; j < width; j++) {
                current[j] = score(ctx, chain[i + j], slot);
            }
            int cmp = bestSlot < 0 ? -1 : Arrays.compare(current, 0, width, best, 0, width);
            if (cmp < 0) {
                System.arraycopy(current, 0, best, 0, width);
                bestSlot = slot;
                ties = 1;
            } else if (cmp == 0 && s.random.nextInt(++ties) == 0) {
                bestSlot = slot;
            }
        }
        return bestSlot;
    }

    /** The score of {@code slot} under one strategy: smaller is better. */
    static long score(PlacementContext ctx, Strategy strategy, int slot) {
        ClusterState st = ctx.s;
        switch (strategy.kind()) {
            case SPREAD_INSTANCE:
                return ctx.groupCount(slot);
            case SPREAD_ATTRIBUTE:
                return ctx.gs == null ? 0 : ctx.gs.bucketCount(strategy.attribute(), slot, st);
            case BINPACK_CPU:
                return st.regCpu[slot] - st.usedCpu[slot];
            case BINPACK_MEMORY:
                return st.regMem[slot] - st.usedMem[slot];
            default:
                return 0;
        }
    }

    private int sample(List<Bucket> buckets, int total) {
        int r = s.random.nextInt(total);
        for (Bucket b : buckets) {
            int n = b.members.size();
            if (r < n) {
                return b.members.get(r);
            }
            r -= n;
        }
        throw new IllegalStateException("bug: sample out of range");
    }

    private static int totalMembers(List<Bucket> buckets) {
        int total = 0;
        for (Bucket b : buckets) {
            total += b.members.size();
        }
        return total;
    }
}
