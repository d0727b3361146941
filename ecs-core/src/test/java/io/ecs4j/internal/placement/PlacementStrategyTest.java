package io.ecs4j.internal.placement;

import static io.ecs4j.internal.placement.Fixtures.instance;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.model.PlacementConstraint;
import io.ecs4j.model.PlacementStrategy;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PlacementStrategyTest {
    private static final String GROUP = "service:web";

    private final PlacementEngine engine = new PlacementEngine(new SplittableRandom(42));

    private PlacementRequest request(int count, int cpu, int memory, PlacementStrategy... strategies) {
        return PlacementRequest.of(count, GROUP, TaskFootprint.of(cpu, memory)).withStrategies(List.of(strategies));
    }

    private int taskSeq;

    /** Places and commits, as the cluster loop does. */
    private List<String> commit(PlacementRequest r) {
        PlacementOutcome outcome = engine.place(r);
        for (String id : outcome.instanceIds()) {
            engine.addTask("task-" + taskSeq++, id, r.group(), r.footprint());
        }
        return outcome.instanceIds();
    }

    @Test
    void binpackMemory_choosesTheInstanceWithLeastRemainingMemoryThatFits() {
        engine.upsertInstance(instance("big").memory(8192).build());
        engine.upsertInstance(instance("tight").memory(1000).build());
        engine.upsertInstance(instance("tiny").memory(300).build());
        assertThat(engine.place(request(1, 1, 512, PlacementStrategy.binpack("memory"))).instanceIds())
                .containsExactly("tight");
    }

    @Test
    void binpackMemory_fieldIsCaseInsensitive() {
        engine.upsertInstance(instance("big").memory(8192).build());
        engine.upsertInstance(instance("tight").memory(1000).build());
        assertThat(engine.place(request(1, 1, 512, PlacementStrategy.binpack("MEMORY"))).instanceIds())
                .containsExactly("tight");
    }

    @Test
    void binpackCpu_choosesTheInstanceWithLeastRemainingCpuThatFits() {
        engine.upsertInstance(instance("big").cpu(4096).memory(100).build());
        engine.upsertInstance(instance("tight").cpu(600).memory(8000).build());
        engine.upsertInstance(instance("tiny").cpu(100).build());
        assertThat(engine.place(request(1, 512, 1, PlacementStrategy.binpack("cpu"))).instanceIds())
                .containsExactly("tight");
    }

    @Test
    void binpack_fillsOneInstanceBeforeOpeningAnother() {
        for (int i = 0; i < 5; i++) {
            engine.upsertInstance(instance("i" + i).memory(2048).build());
        }
        List<String> placed = commit(request(8, 1, 512, PlacementStrategy.binpack("memory")));
        assertThat(new HashSet<>(placed)).hasSize(2);
        assertThat(placed.subList(0, 4)).containsOnly(placed.get(0));
    }

    @Test
    void spreadInstanceId_balancesTasksOverInstances() {
        for (int i = 0; i < 4; i++) {
            engine.upsertInstance(instance("i" + i).build());
        }
        List<String> placed = commit(request(10, 1, 1, PlacementStrategy.spread("instanceId")));
        Map<String, Integer> counts = counts(placed);
        assertThat(counts).hasSize(4);
        assertThat(counts.values()).allSatisfy(n -> assertThat(n).isBetween(2, 3));
    }

    @Test
    void spreadHost_isTheSameAsInstanceId() {
        for (int i = 0; i < 3; i++) {
            engine.upsertInstance(instance("i" + i).build());
        }
        assertThat(new HashSet<>(commit(request(3, 1, 1, PlacementStrategy.spread("host"))))).hasSize(3);
    }

    @Test
    void spreadInstanceId_countsOnlyTasksOfTheSameGroup() {
        engine.upsertInstance(instance("busy").build());
        engine.upsertInstance(instance("idle").build());
        for (int i = 0; i < 5; i++) {
            engine.addTask("other" + i, "idle", "family:other", TaskFootprint.of(1, 1));
        }
        engine.addTask("mine", "busy", GROUP, TaskFootprint.of(1, 1));
        assertThat(engine.place(request(1, 1, 1, PlacementStrategy.spread("instanceId"))).instanceIds())
                .containsExactly("idle");
    }

    @Test
    void spreadAttribute_balancesOverAvailabilityZones() {
        for (int i = 0; i < 9; i++) {
            engine.upsertInstance(instance("i" + i).az("az-" + (i % 3)).build());
        }
        engine.upsertInstance(instance("extra-a").az("az-0").build());
        List<String> placed = commit(request(12, 1, 1, PlacementStrategy.spread("attribute:ecs.availability-zone")));
        Map<String, Integer> perAz = new HashMap<>();
        for (String id : placed) {
            String az = id.equals("extra-a") ? "az-0" : "az-" + (Integer.parseInt(id.substring(1)) % 3);
            perAz.merge(az, 1, Integer::sum);
        }
        assertThat(perAz).containsOnly(Map.entry("az-0", 4), Map.entry("az-1", 4), Map.entry("az-2", 4));
    }

    @Test
    void spreadAttribute_instancesLackingTheAttributeFormTheirOwnBucket() {
        engine.upsertInstance(instance("a1").attribute("rack", "r1").build());
        engine.upsertInstance(instance("a2").attribute("rack", "r1").build());
        engine.upsertInstance(instance("n1").build());
        engine.upsertInstance(instance("n2").attribute("rack", null).build());
        List<String> placed = commit(request(4, 1, 1, PlacementStrategy.spread("attribute:rack")));
        long inR1 = placed.stream().filter(id -> id.startsWith("a")).count();
        assertThat(inR1).isEqualTo(2);
    }

    @Test
    void spread_whenTheLeastLoadedBucketIsFull_placesInTheNextOne() {
        engine.upsertInstance(instance("a").az("az-a").memory(100).build());
        engine.upsertInstance(instance("b").az("az-b").build());
        engine.addTask("t", "b", GROUP, TaskFootprint.of(1, 1));
        assertThat(engine.place(request(1, 1, 512, PlacementStrategy.spread("attribute:ecs.availability-zone")))
                .instanceIds()).containsExactly("b");
    }

    @Test
    void random_isDeterministicForASeedAndUsesEveryFeasibleInstance() {
        for (int i = 0; i < 5; i++) {
            engine.upsertInstance(instance("i" + i).build());
        }
        engine.upsertInstance(instance("full").memory(10).build());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            seen.addAll(engine.place(request(1, 1, 100, PlacementStrategy.random())).instanceIds());
        }
        assertThat(seen).containsExactlyInAnyOrder("i0", "i1", "i2", "i3", "i4");

        List<String> first = replay(99);
        assertThat(replay(99)).isEqualTo(first);
    }

    private List<String> replay(long seed) {
        PlacementEngine e = new PlacementEngine(new SplittableRandom(seed));
        for (int i = 0; i < 20; i++) {
            e.upsertInstance(instance("i" + i).build());
        }
        return e.place(PlacementRequest.of(10, GROUP, TaskFootprint.of(1, 1))).instanceIds();
    }

    @Test
    void noStrategy_isRandom() {
        for (int i = 0; i < 4; i++) {
            engine.upsertInstance(instance("i" + i).build());
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            seen.addAll(engine.place(PlacementRequest.of(1, GROUP, TaskFootprint.of(1, 1))).instanceIds());
        }
        assertThat(seen).hasSize(4);
    }

    @Test
    void chain_spreadAzThenBinpack_binpacksWithinTheLeastLoadedAz() {
        engine.upsertInstance(instance("a-roomy").az("a").memory(8000).build());
        engine.upsertInstance(instance("a-tight").az("a").memory(1000).build());
        engine.upsertInstance(instance("b-tight").az("b").memory(600).build());
        engine.addTask("t", "b-tight", GROUP, TaskFootprint.of(1, 1));
        assertThat(engine.place(request(1, 1, 512, PlacementStrategy.spread("attribute:ecs.availability-zone"),
                PlacementStrategy.binpack("memory"))).instanceIds()).containsExactly("a-tight");
    }

    @Test
    void chain_spreadAzTies_areBrokenByBinpackAcrossTheTiedAzs() {
        engine.upsertInstance(instance("a").az("a").memory(8000).build());
        engine.upsertInstance(instance("b").az("b").memory(1000).build());
        engine.upsertInstance(instance("c").az("c").memory(4000).build());
        assertThat(engine.place(request(1, 1, 512, PlacementStrategy.spread("attribute:ecs.availability-zone"),
                PlacementStrategy.binpack("memory"))).instanceIds()).containsExactly("b");
    }

    @Test
    void chain_spreadAzThenInstance_isTheServiceDefault() {
        for (int i = 0; i < 6; i++) {
            engine.upsertInstance(instance("i" + i).az("az-" + (i % 2)).build());
        }
        List<String> placed = commit(PlacementRequest.of(6, GROUP, TaskFootprint.of(1, 1))
                .withStrategies(PlacementDefaults.SERVICE));
        assertThat(new HashSet<>(placed)).hasSize(6);
        assertThat(PlacementDefaults.SERVICE).containsExactly(
                PlacementStrategy.spread("attribute:ecs.availability-zone"), PlacementStrategy.spread("instanceId"));
        assertThat(PlacementDefaults.forRunTask(List.of())).containsExactly(PlacementStrategy.random());
        assertThat(PlacementDefaults.forService(List.of())).isEqualTo(PlacementDefaults.SERVICE);
        assertThat(PlacementDefaults.forService(List.of(PlacementStrategy.random()))).containsExactly(PlacementStrategy.random());
    }

    @Test
    void chain_binpackTies_areBrokenByTheNextStrategy() {
        engine.upsertInstance(instance("x").memory(2000).build());
        engine.upsertInstance(instance("y").memory(2000).build());
        engine.upsertInstance(instance("z").memory(2000).build());
        engine.addTask("t1", "x", GROUP, TaskFootprint.of(1, 500));
        engine.addTask("t2", "y", "family:other", TaskFootprint.of(1, 500));
        // x and y both have 1500 left; x already runs a task of the group, so spread(instanceId) picks y
        assertThat(engine.place(request(1, 1, 100, PlacementStrategy.binpack("memory"),
                PlacementStrategy.spread("instanceId"))).instanceIds()).containsExactly("y");
    }

    @Test
    void chain_binpackCpuThenMemory_usesMemoryForCpuTies() {
        engine.upsertInstance(instance("x").cpu(1000).memory(4000).build());
        engine.upsertInstance(instance("y").cpu(1000).memory(3000).build());
        engine.upsertInstance(instance("z").cpu(2000).memory(1000).build());
        assertThat(engine.place(request(1, 100, 100, PlacementStrategy.binpack("cpu"), PlacementStrategy.binpack("memory")))
                .instanceIds()).containsExactly("y");
    }

    @Test
    void chain_ofFiveStrategies_appliesEachInOrder() {
        engine.upsertInstance(instance("a1").az("a").attribute("rack", "1").cpu(1000).memory(1000).build());
        engine.upsertInstance(instance("a2").az("a").attribute("rack", "2").cpu(1000).memory(900).build());
        engine.upsertInstance(instance("a3").az("a").attribute("rack", "2").cpu(900).memory(1000).build());
        engine.upsertInstance(instance("b1").az("b").attribute("rack", "1").cpu(100).memory(100).build());
        engine.addTask("t", "b1", GROUP, TaskFootprint.of(1, 1));
        PlacementRequest r = request(1, 10, 10, PlacementStrategy.spread("attribute:ecs.availability-zone"),
                PlacementStrategy.spread("attribute:rack"), PlacementStrategy.binpack("cpu"),
                PlacementStrategy.binpack("memory"), PlacementStrategy.spread("instanceId"));
        // az a (0 tasks) beats b; in az a both racks are empty; cpu: a3 has the least (900)
        assertThat(engine.place(r).instanceIds()).containsExactly("a3");
    }

    @Test
    void chain_randomFirst_makesLaterStrategiesIrrelevant() {
        engine.upsertInstance(instance("small").memory(1000).build());
        engine.upsertInstance(instance("large").memory(8000).build());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            seen.addAll(engine.place(request(1, 1, 100, PlacementStrategy.random(), PlacementStrategy.binpack("memory")))
                    .instanceIds());
        }
        assertThat(seen).containsExactlyInAnyOrder("small", "large");
    }

    @Test
    void strategies_neverCauseFailure_onlyConstraintsDo() {
        engine.upsertInstance(instance("only").az("a").memory(1000).build());
        for (int i = 0; i < 3; i++) {
            engine.addTask("t" + i, "only", GROUP, TaskFootprint.of(1, 1));
        }
        assertThat(engine.place(request(1, 1, 100, PlacementStrategy.spread("instanceId"),
                PlacementStrategy.spread("attribute:ecs.availability-zone"))).instanceIds()).containsExactly("only");
        PlacementRequest distinct = request(1, 1, 100).withConstraints(List.of(PlacementConstraint.distinctInstance()));
        assertThat(engine.place(distinct).instanceIds()).isEmpty();
    }

    private static Map<String, Integer> counts(List<String> ids) {
        Map<String, Integer> m = new HashMap<>();
        ids.forEach(id -> m.merge(id, 1, Integer::sum));
        return m;
    }
}
