package io.ecs4j.internal.placement;

import static io.ecs4j.internal.placement.Fixtures.arn;
import static io.ecs4j.internal.placement.Fixtures.instance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecs4j.model.ContainerInstanceStatus;
import io.ecs4j.model.PlacementConstraint;
import io.ecs4j.model.PlacementStrategy;
import io.ecs4j.request.PlacementPlan;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PlacementEngineStateTest {
    private static final String GROUP = "service:web";
    private final PlacementEngine engine = new PlacementEngine(new SplittableRandom(3));

    @Test
    void place_tasksPlacedEarlierInTheSameCall_countForResources() {
        engine.upsertInstance(instance("a").memory(1000).build());
        engine.upsertInstance(instance("b").memory(1000).build());
        assertThat(new HashSet<>(engine.place(PlacementRequest.of(2, GROUP, TaskFootprint.of(1, 600))).instanceIds()))
                .containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void place_tasksPlacedEarlierInTheSameCall_countForPorts() {
        engine.upsertInstance(instance("a").build());
        engine.upsertInstance(instance("b").build());
        TaskFootprint web = new TaskFootprint(1, 1, Set.of(80), Set.of(53));
        PlacementOutcome outcome = engine.place(PlacementRequest.of(3, GROUP, web)
                .withStrategies(List.of(PlacementStrategy.binpack("memory"))));
        assertThat(new HashSet<>(outcome.instanceIds())).containsExactlyInAnyOrder("a", "b");
        assertThat(outcome.failures()).extracting(f -> f.reason()).containsExactly("RESOURCE:PORTS");
    }

    @Test
    void place_tasksPlacedEarlierInTheSameCall_countForDistinctInstanceAndSpread() {
        for (int i = 0; i < 3; i++) {
            engine.upsertInstance(instance("i" + i).build());
        }
        PlacementRequest distinct = PlacementRequest.of(3, GROUP, TaskFootprint.of(1, 1))
                .withConstraints(List.of(PlacementConstraint.distinctInstance()))
                .withStrategies(List.of(PlacementStrategy.binpack("memory")));
        assertThat(new HashSet<>(engine.place(distinct).instanceIds())).hasSize(3);
        PlacementRequest spread = PlacementRequest.of(3, GROUP, TaskFootprint.of(1, 1))
                .withStrategies(List.of(PlacementStrategy.spread("instanceId")));
        assertThat(new HashSet<>(engine.place(spread).instanceIds())).hasSize(3);
    }

    @Test
    void place_doesNotChangeReservations_soAPlanIsPlaceWithoutCommit() {
        engine.upsertInstance(instance("a").memory(1000).build());
        engine.upsertInstance(instance("b").memory(1000).build());
        engine.addTask("t0", "a", GROUP, new TaskFootprint(10, 100, Set.of(8080), Set.of()));
        Remaining beforeA = engine.remaining("a");
        Remaining beforeB = engine.remaining("b");
        PlacementRequest r = PlacementRequest.of(3, GROUP, new TaskFootprint(5, 400, Set.of(80), Set.of()))
                .withConstraints(List.of(PlacementConstraint.memberOf("not(task:group == nothing)")));
        PlacementOutcome first = engine.place(r);
        assertThat(first.instanceIds()).hasSize(2);
        assertThat(engine.remaining("a")).isEqualTo(beforeA);
        assertThat(engine.remaining("b")).isEqualTo(beforeB);
        assertThat(engine.taskCount("a")).isEqualTo(1);
        assertThat(engine.groupTaskCount("b", GROUP)).isZero();
        assertThat(engine.filterInstances("task:group == " + GROUP)).containsExactly("a");
        assertThat(new HashSet<>(engine.place(r).instanceIds())).isEqualTo(new HashSet<>(first.instanceIds()));
    }

    @Test
    void plan_reportsArnsAndFailures() {
        engine.upsertInstance(instance("a").memory(1000).build());
        PlacementPlan plan = engine.plan(PlacementRequest.of(3, GROUP, TaskFootprint.of(1, 400)));
        assertThat(plan.containerInstanceArns()).containsExactly(arn("a"), arn("a"));
        assertThat(plan.failures()).extracting(f -> f.reason()).containsExactly("RESOURCE:MEMORY");
    }

    @Test
    void plan_onEmptyCluster_throwsTheEcsError() {
        assertThatThrownBy(() -> engine.plan(PlacementRequest.of(1, GROUP, TaskFootprint.of(1, 1))))
                .hasMessage("No Container Instances were found in your cluster.");
    }

    @Test
    void remaining_subtractsTasksAndListsReservedPorts() {
        engine.upsertInstance(instance("a").cpu(2048).memory(3768).reservedTcp(22, 2375, 2376, 51678).build());
        engine.addTask("t", "a", GROUP, new TaskFootprint(100, 100, Set.of(80), Set.of(5353)));
        assertThat(engine.remaining("a")).isEqualTo(new Remaining(1948, 3668, Set.of(22, 80, 2375, 2376, 51678),
                Set.of(5353)));
        engine.removeTask("t");
        assertThat(engine.remaining("a")).isEqualTo(new Remaining(2048, 3768, Set.of(22, 2375, 2376, 51678), Set.of()));
        engine.removeTask("t");
    }

    @Test
    void addTask_duplicateOrUnknownInstance_isRejected() {
        engine.upsertInstance(instance("a").build());
        engine.addTask("t", "a", GROUP, TaskFootprint.of(1, 1));
        assertThatThrownBy(() -> engine.addTask("t", "a", GROUP, TaskFootprint.of(1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> engine.addTask("u", "nope", GROUP, TaskFootprint.of(1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> engine.remaining("nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void upsertInstance_drainingThenActive_leavesAndRejoinsPlacement() {
        engine.upsertInstance(instance("a").build());
        engine.upsertInstance(instance("a").status(ContainerInstanceStatus.DRAINING).build());
        assertThat(engine.place(PlacementRequest.of(1, GROUP, TaskFootprint.of(1, 1))).failures())
                .extracting(f -> f.reason()).containsExactly("INACTIVE");
        engine.upsertInstance(instance("a").build());
        assertThat(engine.place(PlacementRequest.of(1, GROUP, TaskFootprint.of(1, 1))).instanceIds()).containsExactly("a");
    }

    @Test
    void upsertInstance_attributeChange_updatesConstraintsAndSpreadBuckets() {
        engine.upsertInstance(instance("a").az("az-1").type("t2.small").build());
        engine.upsertInstance(instance("b").az("az-2").type("t2.small").build());
        PlacementRequest r = PlacementRequest.of(1, GROUP, TaskFootprint.of(1, 1))
                .withConstraints(List.of(PlacementConstraint.memberOf("attribute:ecs.instance-type == m5.large")))
                .withStrategies(List.of(PlacementStrategy.spread("attribute:ecs.availability-zone")));
        assertThat(engine.place(r).instanceIds()).isEmpty();
        engine.upsertInstance(instance("a").az("az-2").type("m5.large").build());
        engine.upsertInstance(instance("b").az("az-2").type("m5.large").build());
        engine.addTask("t", "b", GROUP, TaskFootprint.of(1, 1));
        engine.upsertInstance(instance("c").az("az-3").type("m5.large").build());
        // az-2 now holds a and b with one task; az-3 (c) is empty
        assertThat(engine.place(r).instanceIds()).containsExactly("c");
        engine.upsertInstance(instance("b").az("az-3").type("m5.large").build());
        // the task moved with b to az-3; az-2 (a) is empty now
        assertThat(engine.place(r).instanceIds()).containsExactly("a");
    }

    @Test
    void removeInstance_forgetsItsTasks() {
        engine.upsertInstance(instance("a").build());
        engine.upsertInstance(instance("b").build());
        engine.addTask("t", "a", GROUP, TaskFootprint.of(1, 1));
        engine.removeInstance("a");
        engine.removeInstance("a");
        assertThat(engine.hasInstance("a")).isFalse();
        assertThat(engine.filterInstances("task:group == " + GROUP)).isEmpty();
        assertThat(engine.place(PlacementRequest.of(2, GROUP, TaskFootprint.of(1, 1))).instanceIds()).containsOnly("b");
        engine.upsertInstance(instance("c").build());
        assertThat(engine.filterInstances("agentConnected == true")).containsExactly("b", "c");
    }

    @Test
    void markTaskStopping_keepsResourcesButNoLongerCountsForTheGroup() {
        engine.upsertInstance(instance("a").memory(1000).build());
        engine.addTask("t", "a", GROUP, TaskFootprint.of(1, 600));
        engine.markTaskStopping("t");
        engine.markTaskStopping("t");
        assertThat(engine.groupTaskCount("a", GROUP)).isZero();
        assertThat(engine.remaining("a").memory()).isEqualTo(400);
        PlacementRequest distinct = PlacementRequest.of(1, GROUP, TaskFootprint.of(1, 100))
                .withConstraints(List.of(PlacementConstraint.distinctInstance()));
        assertThat(engine.place(distinct).instanceIds()).containsExactly("a");
        engine.removeTask("t");
        assertThat(engine.remaining("a").memory()).isEqualTo(1000);
        assertThat(engine.taskCount("a")).isZero();
    }

    @Test
    void place_manyInstancesAndRemovals_keepIndexesConsistent() {
        for (int i = 0; i < 300; i++) {
            engine.upsertInstance(instance("i" + i).az("az-" + (i % 3)).memory(1000 + i).build());
        }
        for (int i = 0; i < 300; i += 3) {
            engine.removeInstance("i" + i);
        }
        PlacementRequest r = PlacementRequest.of(10, GROUP, TaskFootprint.of(1, 900))
                .withStrategies(List.of(PlacementStrategy.spread("attribute:ecs.availability-zone"),
                        PlacementStrategy.binpack("memory")));
        PlacementOutcome outcome = engine.place(r);
        assertThat(outcome.instanceIds()).hasSize(10).doesNotHaveDuplicates();
        assertThat(outcome.instanceIds()).allSatisfy(id -> assertThat(Integer.parseInt(id.substring(1)) % 3).isNotZero());
    }

    @Test
    void place_afterMoreDistinctExpressionsThanTheCacheHolds_constraintsStayCurrent() {
        engine.upsertInstance(instance("a").attribute("n", "0").build());
        engine.upsertInstance(instance("b").attribute("n", "1").build());
        PlacementRequest first = PlacementRequest.of(1, GROUP, TaskFootprint.of(1, 1))
                .withConstraints(List.of(PlacementConstraint.memberOf("attribute:n == 0")));
        assertThat(engine.place(first).instanceIds()).containsExactly("a");
        for (int i = 0; i < 600; i++) {
            PlacementRequest other = PlacementRequest.of(1, GROUP, TaskFootprint.of(1, 1))
                    .withConstraints(List.of(PlacementConstraint.memberOf("attribute:n == x" + i)));
            assertThat(engine.place(other).instanceIds()).isEmpty();
        }
        engine.upsertInstance(instance("a").attribute("n", "1").build());
        engine.upsertInstance(instance("b").attribute("n", "0").build());
        assertThat(engine.place(first).instanceIds()).containsExactly("b");
    }

    @Test
    void spread_overManyAttributeValues_balances() {
        for (int i = 0; i < 200; i++) {
            engine.upsertInstance(instance("i" + i).attribute("host", "h" + i).build());
        }
        PlacementRequest r = PlacementRequest.of(10, GROUP, TaskFootprint.of(1, 1))
                .withStrategies(List.of(PlacementStrategy.spread("attribute:host")));
        assertThat(engine.place(r).instanceIds()).doesNotHaveDuplicates();
    }
}
