package io.ecs4j.internal.placement;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.model.ContainerInstanceStatus;
import io.ecs4j.model.PlacementConstraint;
import io.ecs4j.model.PlacementStrategy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiPredicate;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random clusters and task mixes against an independent model: no over-commit of CPU, memory or ports, no
 * violated constraint, placed + failed == count, placement exactly when the model finds a feasible instance, and the
 * chosen instance always among the model's best by the strategies (so the indexed paths agree with a full scan).
 */
class PlacementPropertiesTest {
    private static final String[] TYPES = {"m5.large", "m5.xlarge", "c5.large", "t2.small"};
    private static final String[] AZS = {"az-a", "az-b", "az-c"};
    private static final String[] GROUPS = {"service:g0", "service:g1", "service:g2", "family:g3"};

    /** A constraint with the model's own reading of it. */
    private record Rule(PlacementConstraint constraint, BiPredicate<Model, String> holds) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(PlacementConstraint.memberOf("attribute:ecs.instance-type =~ m5.*"),
                    (m, id) -> m.attrs.get(id).get("ecs.instance-type").startsWith("m5")),
            new Rule(PlacementConstraint.memberOf("attribute:ecs.availability-zone in [az-a, az-b]"),
                    (m, id) -> !m.attrs.get(id).get("ecs.availability-zone").equals("az-c")),
            new Rule(PlacementConstraint.memberOf("attribute:stack == prod"),
                    (m, id) -> "prod".equals(m.attrs.get(id).get("stack"))),
            new Rule(PlacementConstraint.memberOf("not(task:group == service:g2)"),
                    (m, id) -> m.groupCount(id, "service:g2") == 0),
            new Rule(PlacementConstraint.memberOf("task:group == service:g0 or runningTasksCount < 3"),
                    (m, id) -> m.groupCount(id, "service:g0") > 0 || m.counted(id) < 3),
            new Rule(PlacementConstraint.memberOf("attribute:stack !exists or attribute:ecs.instance-type != t2.small"),
                    (m, id) -> !m.attrs.get(id).containsKey("stack")
                            || !m.attrs.get(id).get("ecs.instance-type").equals("t2.small")),
            new Rule(PlacementConstraint.distinctInstance(), null));

    private static final List<PlacementStrategy> STRATEGIES = List.of(PlacementStrategy.random(),
            PlacementStrategy.spread("instanceId"), PlacementStrategy.spread("host"),
            PlacementStrategy.spread("attribute:ecs.availability-zone"), PlacementStrategy.spread("attribute:stack"),
            PlacementStrategy.binpack("memory"), PlacementStrategy.binpack("cpu"));

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds300")
    void place_onRandomClusters_neverOvercommitsOrViolatesAndAgreesWithAFullScan(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        PlacementEngine engine = new PlacementEngine(new SplittableRandom(seed ^ 0x5DEECE66DL));
        Model m = new Model();
        int instances = 1 + r.nextInt(30);
        for (int i = 0; i < instances; i++) {
            upsertRandom(engine, m, r, "i" + i);
        }
        int taskSeq = 0;
        for (int step = 0; step < 60; step++) {
            int action = r.nextInt(10);
            if (action == 0 && !m.tasks.isEmpty()) {
                String victim = new ArrayList<>(m.tasks.keySet()).get(r.nextInt(m.tasks.size()));
                engine.removeTask(victim);
                m.tasks.remove(victim);
                continue;
            }
            if (action == 1) {
                upsertRandom(engine, m, r, "i" + r.nextInt(instances + 3));
                continue;
            }
            if (action == 2 && !m.tasks.isEmpty()) {
                String t = new ArrayList<>(m.tasks.keySet()).get(r.nextInt(m.tasks.size()));
                engine.markTaskStopping(t);
                m.tasks.get(t).stopping = true;
                continue;
            }
            String group = GROUPS[r.nextInt(GROUPS.length)];
            TaskFootprint fp = randomFootprint(r);
            List<Rule> rules = new ArrayList<>();
            for (int k = r.nextInt(3); k > 0; k--) {
                Rule rule = RULES.get(r.nextInt(RULES.size()));
                if (!rules.contains(rule)) {
                    rules.add(rule);
                }
            }
            List<PlacementStrategy> strategies = new ArrayList<>();
            for (int k = r.nextInt(4); k > 0; k--) {
                strategies.add(STRATEGIES.get(r.nextInt(STRATEGIES.size())));
            }
            int count = 1 + r.nextInt(r.nextBoolean() ? 1 : 10);
            PlacementRequest request = new PlacementRequest(count, group, fp,
                    rules.stream().map(Rule::constraint).toList(), strategies, Set.of());

            if (count == 1) {
                Set<String> best = m.best(group, fp, rules, CompiledRequest.normalise(
                        PlacementValidator.validateStrategies(strategies)));
                PlacementOutcome single = engine.place(request);
                if (best.isEmpty()) {
                    assertThat(single.instanceIds()).as("model finds nothing feasible").isEmpty();
                } else {
                    assertThat(single.instanceIds()).as("seed %s step %s", seed, step).hasSize(1);
                    assertThat(best).as("chosen among the best by %s", strategies).contains(single.instanceIds().get(0));
                }
            }

            PlacementOutcome outcome = engine.place(request);
            if (m.registered() == 0) {
                assertThat(outcome.noInstances()).isTrue();
                continue;
            }
            assertThat(outcome.instanceIds().size() + outcome.failures().size()).isEqualTo(count);
            for (String id : outcome.instanceIds()) {
                assertThat(m.feasible(id, group, fp, rules)).as("seed %s: %s on %s", seed, request, id).isTrue();
                String taskId = "t" + taskSeq++;
                engine.addTask(taskId, id, group, fp);
                m.tasks.put(taskId, new ModelTask(id, group, fp));
            }
            if (!outcome.failures().isEmpty()) {
                assertThat(m.ids()).noneMatch(id -> m.feasible(id, group, fp, rules));
                assertThat(outcome.failures().get(0).arn()).startsWith(Fixtures.ARN_PREFIX);
            }
            m.assertNoOvercommit(engine);
        }
    }

    private static TaskFootprint randomFootprint(SplittableRandom r) {
        Set<Integer> tcp = r.nextInt(4) == 0 ? Set.of(80 + r.nextInt(3)) : Set.of();
        Set<Integer> udp = r.nextInt(8) == 0 ? Set.of(53) : Set.of();
        return new TaskFootprint(r.nextInt(5) * 256, 128 * (1 + r.nextInt(16)), tcp, udp);
    }

    private static void upsertRandom(PlacementEngine engine, Model m, SplittableRandom r, String id) {
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("ecs.instance-type", TYPES[r.nextInt(TYPES.length)]);
        attrs.put("ecs.availability-zone", AZS[r.nextInt(AZS.length)]);
        if (r.nextInt(3) > 0) {
            attrs.put("stack", r.nextBoolean() ? "prod" : "dev");
        }
        ContainerInstanceStatus status = r.nextInt(8) == 0 ? ContainerInstanceStatus.DRAINING : ContainerInstanceStatus.ACTIVE;
        boolean connected = r.nextInt(10) > 0;
        int cpu = m.cpu.getOrDefault(id, 1024 * (1 + r.nextInt(4)));
        int mem = m.mem.getOrDefault(id, 1024 * (1 + r.nextInt(8)));
        Set<Integer> reserved = m.reservedTcp.getOrDefault(id, r.nextInt(5) == 0 ? Set.of(80) : Set.of());
        engine.upsertInstance(new InstanceSnapshot(id, Fixtures.arn(id), "i-" + id, status, connected, "1.70.0", null,
                attrs, cpu, mem, reserved, Set.of()));
        m.attrs.put(id, attrs);
        m.active.put(id, status == ContainerInstanceStatus.ACTIVE && connected);
        m.cpu.put(id, cpu);
        m.mem.put(id, mem);
        m.reservedTcp.put(id, reserved);
    }

    private static final class ModelTask {
        final String instance;
        final String group;
        final TaskFootprint fp;
        boolean stopping;

        ModelTask(String instance, String group, TaskFootprint fp) {
            this.instance = instance;
            this.group = group;
            this.fp = fp;
        }
    }

    /** An independent, brute-force model of the cluster. */
    private static final class Model {
        final Map<String, Map<String, String>> attrs = new LinkedHashMap<>();
        final Map<String, Boolean> active = new HashMap<>();
        final Map<String, Integer> cpu = new HashMap<>();
        final Map<String, Integer> mem = new HashMap<>();
        final Map<String, Set<Integer>> reservedTcp = new HashMap<>();
        final Map<String, ModelTask> tasks = new LinkedHashMap<>();

        Set<String> ids() {
            return attrs.keySet();
        }

        long registered() {
            return attrs.size();
        }

        int usedCpu(String id) {
            return tasks.values().stream().filter(t -> t.instance.equals(id)).mapToInt(t -> t.fp.cpu()).sum();
        }

        int usedMem(String id) {
            return tasks.values().stream().filter(t -> t.instance.equals(id)).mapToInt(t -> t.fp.memory()).sum();
        }

        int groupCount(String id, String group) {
            return (int) tasks.values().stream().filter(t -> !t.stopping && t.instance.equals(id) && t.group.equals(group))
                    .count();
        }

        int counted(String id) {
            return (int) tasks.values().stream().filter(t -> !t.stopping && t.instance.equals(id)).count();
        }

        boolean portFree(String id, TaskFootprint fp) {
            Set<Integer> usedTcp = new HashSet<>(reservedTcp.get(id));
            Set<Integer> usedUdp = new HashSet<>();
            tasks.values().stream().filter(t -> t.instance.equals(id)).forEach(t -> {
                usedTcp.addAll(t.fp.tcpPorts());
                usedUdp.addAll(t.fp.udpPorts());
            });
            return fp.tcpPorts().stream().noneMatch(usedTcp::contains) && fp.udpPorts().stream().noneMatch(usedUdp::contains);
        }

        boolean feasible(String id, String group, TaskFootprint fp, List<Rule> rules) {
            if (!active.get(id) || cpu.get(id) - usedCpu(id) < fp.cpu() || mem.get(id) - usedMem(id) < fp.memory()
                    || !portFree(id, fp)) {
                return false;
            }
            for (Rule rule : rules) {
                boolean ok = rule.holds() == null ? groupCount(id, group) == 0 : rule.holds().test(this, id);
                if (!ok) {
                    return false;
                }
            }
            return true;
        }

        long score(Strategy s, String id, String group) {
            switch (s.kind()) {
                case SPREAD_INSTANCE:
                    return groupCount(id, group);
                case SPREAD_ATTRIBUTE: {
                    String v = attrs.get(id).get(s.attribute());
                    return ids().stream().filter(o -> java.util.Objects.equals(attrs.get(o).get(s.attribute()), v))
                            .mapToLong(o -> groupCount(o, group)).sum();
                }
                case BINPACK_CPU:
                    return cpu.get(id) - usedCpu(id);
                case BINPACK_MEMORY:
                    return mem.get(id) - usedMem(id);
                default:
                    throw new IllegalStateException();
            }
        }

        /** The feasible instances with the lexicographically smallest scores. */
        Set<String> best(String group, TaskFootprint fp, List<Rule> rules, Strategy[] chain) {
            Set<String> best = new HashSet<>();
            long[] bestScore = null;
            for (String id : ids()) {
                if (!feasible(id, group, fp, rules)) {
                    continue;
                }
                long[] sc = new long[chain.length];
                for (int j = 0; j < chain.length; j++) {
                    sc[j] = score(chain[j], id, group);
                }
                int cmp = bestScore == null ? -1 : java.util.Arrays.compare(sc, bestScore);
                if (cmp < 0) {
                    best.clear();
                    bestScore = sc;
                }
                if (cmp <= 0) {
                    best.add(id);
                }
            }
            return best;
        }

        void assertNoOvercommit(PlacementEngine engine) {
            for (String id : ids()) {
                assertThat(usedCpu(id)).isLessThanOrEqualTo(cpu.get(id));
                assertThat(usedMem(id)).isLessThanOrEqualTo(mem.get(id));
                Remaining rem = engine.remaining(id);
                assertThat(rem.cpu()).isEqualTo(cpu.get(id) - usedCpu(id));
                assertThat(rem.memory()).isEqualTo(mem.get(id) - usedMem(id));
                List<Integer> tcp = new ArrayList<>(reservedTcp.get(id));
                List<Integer> udp = new ArrayList<>();
                tasks.values().stream().filter(t -> t.instance.equals(id)).forEach(t -> {
                    tcp.addAll(t.fp.tcpPorts());
                    udp.addAll(t.fp.udpPorts());
                });
                assertThat(tcp).doesNotHaveDuplicates();
                assertThat(udp).doesNotHaveDuplicates();
                assertThat(engine.taskCount(id)).isEqualTo(counted(id));
            }
        }
    }

    /** 300 fixed, well-mixed seeds: each case is reproducible from its name. */
    static LongStream seeds300() {
        return LongStream.range(0, 300).map(i -> i * 0x9E3779B97F4A7C15L + 17);
    }
}
