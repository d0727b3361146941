package io.ecs4j.internal.placement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which tasks to stop first when a service scales in (ecs-semantics §4.3), by simulating the stops one at a time: each
 * step stops the task whose instance scores highest, lexicographically over the strategies, ties at random.
 * {@code spread} scores the tasks of the group in the instance's bucket (keep the balance: take from the fullest
 * bucket); {@code binpack} scores what the instance would have left after the stop (empty the instance that will have
 * the most remaining). Without strategies, ECS's default applies: the Availability Zone with the most tasks of the
 * group, then the instance with the most. Loop-confined.
 */
final class ScaleIn {
    private ScaleIn() {
    }

    static List<String> order(ClusterState s, Map<String, TaskRecord> tasks, String group, List<String> candidateTaskIds,
                              Strategy[] chain) {
        List<String> out = new ArrayList<>(candidateTaskIds.size());
        List<TaskRecord> known = new ArrayList<>(candidateTaskIds.size());
        for (String id : candidateTaskIds) {
            TaskRecord t = tasks.get(id);
            if (t == null) {
                out.add(id); // on no known instance: stopping it frees nothing and cannot unbalance anything
            } else {
                known.add(t);
            }
        }
        GroupState gs = s.groups.get(group);
        IntIntMap perSlot = new IntIntMap();
        Map<String, Map<String, int[]>> perBucket = new HashMap<>();
        if (gs != null) {
            gs.slots.forEach(perSlot::add);
            for (Strategy st : chain) {
                if (st.kind() == Strategy.Kind.SPREAD_ATTRIBUTE) {
                    Map<String, int[]> copy = new HashMap<>();
                    gs.bucketCounts(st.attribute(), s).forEach((v, c) -> copy.put(v, new int[] {c[0]}));
                    perBucket.put(st.attribute(), copy);
                }
            }
        }
        int[] freeCpu = new int[s.highWater];
        int[] freeMem = new int[s.highWater];
        for (int slot = 0; slot < s.highWater; slot++) {
            freeCpu[slot] = s.regCpu[slot] - s.usedCpu[slot];
            freeMem[slot] = s.regMem[slot] - s.usedMem[slot];
        }
        long[] best = new long[chain.length];
        long[] current = new long[chain.length];
        while (!known.isEmpty()) {
            int bestIndex = -1;
            int ties = 0;
            for (int k = 0; k < known.size(); k++) {
                TaskRecord t = known.get(k);
                for (int j = 0; j < chain.length; j++) {
                    current[j] = score(chain[j], t, s, perSlot, perBucket, freeCpu, freeMem);
                }
                int cmp = bestIndex < 0 ? 1 : java.util.Arrays.compare(current, best);
                if (cmp > 0) {
                    System.arraycopy(current, 0, best, 0, chain.length);
                    bestIndex = k;
                    ties = 1;
                } else if (cmp == 0 && s.random.nextInt(++ties) == 0) {
                    bestIndex = k;
                }
            }
            TaskRecord victim = known.get(bestIndex);
            known.set(bestIndex, known.get(known.size() - 1));
            known.remove(known.size() - 1);
            out.add(victim.id);
            if (victim.group.equals(group) && !victim.stopping) {
                perSlot.add(victim.slot, -1);
                for (Map.Entry<String, Map<String, int[]>> e : perBucket.entrySet()) {
                    int[] c = e.getValue().get(s.bucketValue(victim.slot, e.getKey()));
                    if (c != null) {
                        c[0]--;
                    }
                }
            }
            freeCpu[victim.slot] += victim.footprint.cpu();
            freeMem[victim.slot] += victim.footprint.memory();
        }
        return out;
    }

    /** Higher means "stop this one first". */
    private static long score(Strategy st, TaskRecord t, ClusterState s, IntIntMap perSlot,
                              Map<String, Map<String, int[]>> perBucket, int[] freeCpu, int[] freeMem) {
        switch (st.kind()) {
            case SPREAD_INSTANCE:
                return perSlot.get(t.slot);
            case SPREAD_ATTRIBUTE: {
                Map<String, int[]> counts = perBucket.get(st.attribute());
                int[] c = counts == null ? null : counts.get(s.bucketValue(t.slot, st.attribute()));
                return c == null ? 0 : c[0];
            }
            case BINPACK_CPU:
                return (long) freeCpu[t.slot] + t.footprint.cpu();
            case BINPACK_MEMORY:
                return (long) freeMem[t.slot] + t.footprint.memory();
            default:
                return 0;
        }
    }
}
