package io.ecs4j.internal.placement;

import static io.ecs4j.internal.placement.Fixtures.instance;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.model.PlacementStrategy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScaleInOrderTest {
    private static final String GROUP = "service:web";
    private final PlacementEngine engine = new PlacementEngine(new SplittableRandom(11));
    private final Map<String, String> instanceOf = new HashMap<>();

    private void task(String id, String instance) {
        engine.addTask(id, instance, GROUP, TaskFootprint.of(100, 100));
        instanceOf.put(id, instance);
    }

    @Test
    void scaleInOrder_noStrategy_takesFromTheFullestAzThenTheFullestInstance() {
        engine.upsertInstance(instance("a1").az("a").build());
        engine.upsertInstance(instance("a2").az("a").build());
        engine.upsertInstance(instance("b1").az("b").build());
        task("t1", "a1");
        task("t2", "a1");
        task("t3", "a2");
        task("t4", "b1");
        List<String> order = engine.scaleInOrder(GROUP, List.of("t4", "t3", "t2", "t1"), List.of());
        // az a has 3, b has 1: first from a, from its fullest instance a1
        assertThat(instanceOf.get(order.get(0))).isEqualTo("a1");
        // then a: 2 (a1 1, a2 1), b: 1 -> an a task
        assertThat(instanceOf.get(order.get(1))).isIn("a1", "a2");
        // then a: 1, b: 1 -> either; the last one leaves exactly one az empty
        assertThat(order).containsExactlyInAnyOrder("t1", "t2", "t3", "t4");
    }

    @Test
    void scaleInOrder_spread_keepsTheBalanceAtEveryStep() {
        for (int i = 0; i < 6; i++) {
            engine.upsertInstance(instance("i" + i).az("az-" + (i % 3)).build());
        }
        List<String> ids = new ArrayList<>();
        int n = 0;
        int[] perInstance = {4, 1, 1, 2, 0, 1};
        for (int i = 0; i < 6; i++) {
            for (int k = 0; k < perInstance[i]; k++) {
                String id = "t" + n++;
                task(id, "i" + i);
                ids.add(id);
            }
        }
        List<String> order = engine.scaleInOrder(GROUP, ids, List.of(PlacementStrategy.spread("attribute:ecs.availability-zone")));
        Map<String, Integer> perAz = new HashMap<>(Map.of("az-0", 6, "az-1", 1, "az-2", 2));
        for (String id : order) {
            String az = "az-" + (Integer.parseInt(instanceOf.get(id).substring(1)) % 3);
            int max = perAz.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
            assertThat(perAz.get(az)).as("stopping %s in %s", id, az).isEqualTo(max);
            perAz.merge(az, -1, Integer::sum);
        }
    }

    @Test
    void scaleInOrder_binpack_stopsOnTheInstanceThatWillHaveTheMostRemaining() {
        engine.upsertInstance(instance("full").memory(1000).build());
        engine.upsertInstance(instance("light").memory(1000).build());
        engine.addTask("big", "full", GROUP, TaskFootprint.of(1, 800));
        engine.addTask("small-on-full", "full", GROUP, TaskFootprint.of(1, 100));
        engine.addTask("small-on-light", "light", GROUP, TaskFootprint.of(1, 100));
        List<String> order = engine.scaleInOrder(GROUP, List.of("big", "small-on-full", "small-on-light"),
                List.of(PlacementStrategy.binpack("memory")));
        // light: 900 left + 100 = 1000 after the stop; full: 100 left + 800 = 900 for "big"
        assertThat(order).containsExactly("small-on-light", "big", "small-on-full");
    }

    @Test
    void scaleInOrder_spreadInstanceId_takesFromTheInstanceWithMostTasks() {
        engine.upsertInstance(instance("x").build());
        engine.upsertInstance(instance("y").build());
        task("x1", "x");
        task("x2", "x");
        task("x3", "x");
        task("y1", "y");
        List<String> order = engine.scaleInOrder(GROUP, List.of("y1", "x1", "x2", "x3"),
                List.of(PlacementStrategy.spread("instanceId")));
        assertThat(order.subList(0, 2)).allSatisfy(id -> assertThat(id).startsWith("x"));
    }

    @Test
    void scaleInOrder_countsNonCandidateTasksOfTheGroupForBalance() {
        engine.upsertInstance(instance("a").az("a").build());
        engine.upsertInstance(instance("b").az("b").build());
        task("protected1", "a");
        task("protected2", "a");
        task("ta", "a");
        task("tb", "b");
        assertThat(engine.scaleInOrder(GROUP, List.of("tb", "ta"), List.of()).get(0)).isEqualTo("ta");
    }

    @Test
    void scaleInOrder_unknownTasksComeFirst_andRandomIsAPermutation() {
        engine.upsertInstance(instance("a").build());
        task("t1", "a");
        task("t2", "a");
        assertThat(engine.scaleInOrder(GROUP, List.of("t1", "ghost", "t2"), List.of(PlacementStrategy.random())))
                .startsWith("ghost").containsExactlyInAnyOrder("ghost", "t1", "t2");
    }
}
