package io.ecs4j.benchmarks.placement;

import io.ecs4j.internal.placement.Expression;
import io.ecs4j.internal.placement.InstanceSnapshot;
import io.ecs4j.internal.placement.PlacementRequest;
import io.ecs4j.internal.placement.QueryContext;
import io.ecs4j.internal.placement.QueryLanguage;
import io.ecs4j.internal.placement.TaskFootprint;
import io.ecs4j.model.ContainerInstanceStatus;
import io.ecs4j.model.PlacementConstraint;
import io.ecs4j.model.PlacementConstraintType;
import io.ecs4j.model.PlacementStrategy;
import io.ecs4j.model.PlacementStrategyType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The naive reference placer of benchmarking.md: the same semantics as the engine (filters, memberOf via the same
 * query language, distinctInstance, lexicographic strategy scores, random ties), computed by scanning and scoring
 * every instance for every task, with no index or cache beyond parsing each expression once. Not thread-safe.
 */
public final class NaivePlacer implements QueryContext {
    private static final String MISSING = "\u0000missing";

    private final InstanceSnapshot[] instances;
    private final RandomGenerator random;
    private final int[] usedCpu;
    private final int[] usedMem;
    private final List<Map<String, Integer>> groups;
    private final List<Set<Integer>> tcp;
    private final List<Set<Integer>> udp;
    private final int[] taskCount;
    private final Map<String, Expression> parsed = new HashMap<>();

    public NaivePlacer(InstanceSnapshot[] instances, RandomGenerator random) {
        this.instances = instances.clone();
        this.random = random;
        int n = instances.length;
        usedCpu = new int[n];
        usedMem = new int[n];
        taskCount = new int[n];
        groups = new ArrayList<>(n);
        tcp = new ArrayList<>(n);
        udp = new ArrayList<>(n);
        for (InstanceSnapshot i : instances) {
            groups.add(new HashMap<>());
            tcp.add(new HashSet<>(i.reservedTcpPorts()));
            udp.add(new HashSet<>(i.reservedUdpPorts()));
        }
    }

    /** The index of the instance for one task of {@code r} (its count is ignored), or -1. Does not commit. */
    public int place(PlacementRequest r) {
        List<Expression> memberOf = new ArrayList<>();
        boolean distinct = false;
        for (PlacementConstraint c : r.constraints()) {
            if (c.type() == PlacementConstraintType.DISTINCT_INSTANCE) {
                distinct = true;
            } else {
                memberOf.add(parsed.computeIfAbsent(c.expression(), QueryLanguage::parse));
            }
        }
        List<PlacementStrategy> chain = normalise(r.strategies());
        List<Map<String, Integer>> bucketCounts = new ArrayList<>();
        for (PlacementStrategy s : chain) {
            bucketCounts.add(s.type() == PlacementStrategyType.SPREAD && s.field().startsWith("attribute:")
                    ? bucketCounts(s.field().substring("attribute:".length()), r.group()) : null);
        }
        TaskFootprint fp = r.footprint();
        int best = -1;
        int ties = 0;
        long[] bestScore = new long[chain.size()];
        long[] score = new long[chain.size()];
        for (int i = 0; i < instances.length; i++) {
            if (!fits(i, r, fp, memberOf, distinct)) {
                continue;
            }
            for (int j = 0; j < chain.size(); j++) {
                score[j] = score(chain.get(j), bucketCounts.get(j), i, r.group());
            }
            int cmp = best < 0 ? -1 : Arrays.compare(score, bestScore);
            if (cmp < 0) {
                System.arraycopy(score, 0, bestScore, 0, score.length);
                best = i;
                ties = 1;
            } else if (cmp == 0 && random.nextInt(++ties) == 0) {
                best = i;
            }
        }
        return best;
    }

    /** Reserves one task of {@code group} with {@code fp} on instance {@code i}. */
    public void commit(int i, String group, TaskFootprint fp) {
        usedCpu[i] += fp.cpu();
        usedMem[i] += fp.memory();
        tcp.get(i).addAll(fp.tcpPorts());
        udp.get(i).addAll(fp.udpPorts());
        groups.get(i).merge(group, 1, Integer::sum);
        taskCount[i]++;
    }

    private boolean fits(int i, PlacementRequest r, TaskFootprint fp, List<Expression> memberOf, boolean distinct) {
        InstanceSnapshot s = instances[i];
        if (s.status() != ContainerInstanceStatus.ACTIVE || !s.agentConnected()) {
            return false;
        }
        for (String a : r.requiredAttributes()) {
            if (!s.attributes().containsKey(a)) {
                return false;
            }
        }
        if (s.cpu() - usedCpu[i] < fp.cpu() || s.memory() - usedMem[i] < fp.memory()) {
            return false;
        }
        for (int p : fp.tcpPorts()) {
            if (tcp.get(i).contains(p)) {
                return false;
            }
        }
        for (int p : fp.udpPorts()) {
            if (udp.get(i).contains(p)) {
                return false;
            }
        }
        for (Expression e : memberOf) {
            if (!e.test(this, i)) {
                return false;
            }
        }
        return !distinct || !groups.get(i).containsKey(r.group());
    }

    private long score(PlacementStrategy s, Map<String, Integer> buckets, int i, String group) {
        if (s.type() == PlacementStrategyType.BINPACK) {
            return s.field().equalsIgnoreCase("cpu") ? instances[i].cpu() - usedCpu[i] : instances[i].memory() - usedMem[i];
        }
        if (buckets != null) {
            String v = instances[i].attributes().get(s.field().substring("attribute:".length()));
            return buckets.getOrDefault(v == null ? MISSING : v, 0);
        }
        return groups.get(i).getOrDefault(group, 0);
    }

    private Map<String, Integer> bucketCounts(String attribute, String group) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < instances.length; i++) {
            String v = instances[i].attributes().get(attribute);
            counts.merge(v == null ? MISSING : v, groups.get(i).getOrDefault(group, 0), Integer::sum);
        }
        return counts;
    }

    private static List<PlacementStrategy> normalise(List<PlacementStrategy> strategies) {
        List<PlacementStrategy> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (PlacementStrategy s : strategies) {
            if (s.type() == PlacementStrategyType.RANDOM) {
                break;
            }
            String f = s.field().toLowerCase(Locale.ROOT).equals("host") ? "instanceid" : s.field();
            if (seen.add(s.type() + ":" + (s.type() == PlacementStrategyType.BINPACK ? f.toLowerCase(Locale.ROOT) : f))) {
                out.add(s);
            }
        }
        return out;
    }

    @Override
    public boolean hasAttribute(int slot, String name) {
        return instances[slot].attributes().containsKey(name);
    }

    @Override
    public String attribute(int slot, String name) {
        return instances[slot].attributes().get(name);
    }

    @Override
    public String ec2InstanceId(int slot) {
        return instances[slot].ec2InstanceId();
    }

    @Override
    public boolean agentConnected(int slot) {
        return instances[slot].agentConnected();
    }

    @Override
    public String agentVersion(int slot) {
        return instances[slot].agentVersion();
    }

    @Override
    public Instant registeredAt(int slot) {
        return instances[slot].registeredAt();
    }

    @Override
    public int runningTasksCount(int slot) {
        return taskCount[slot];
    }

    @Override
    public boolean runsGroup(int slot, String group) {
        return groups.get(slot).containsKey(group);
    }

    @Override
    public Iterable<String> groups(int slot) {
        return groups.get(slot).keySet();
    }
}
