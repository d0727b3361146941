package io.ecs4j.internal.placement;

import static io.ecs4j.internal.placement.Fixtures.arn;
import static io.ecs4j.internal.placement.Fixtures.instance;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.EcsErrorCode;
import io.ecs4j.model.ContainerInstanceStatus;
import io.ecs4j.model.Failure;
import io.ecs4j.model.PlacementConstraint;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PlacementFailureTest {
    private final PlacementEngine engine = new PlacementEngine(new SplittableRandom(7));

    private static PlacementRequest request(int count, TaskFootprint footprint) {
        return PlacementRequest.of(count, "family:web", footprint);
    }

    @Test
    void rejection_reasons_matchTheEcsStringsExactly() {
        Map<Rejection, String> golden = Map.of(
                Rejection.INACTIVE, "INACTIVE",
                Rejection.AGENT, "AGENT",
                Rejection.ATTRIBUTE, "ATTRIBUTE",
                Rejection.RESOURCE_CPU, "RESOURCE:CPU",
                Rejection.RESOURCE_MEMORY, "RESOURCE:MEMORY",
                Rejection.RESOURCE_PORTS, "RESOURCE:PORTS",
                Rejection.RESOURCE_PORTS_UDP, "RESOURCE:PORTS_UDP",
                Rejection.MEMBER_OF, "MemberOf placement constraint unsatisfied.",
                Rejection.DISTINCT_INSTANCE, "DistinctInstance placement constraint unsatisfied.");
        assertThat(Arrays.stream(Rejection.values()).collect(Collectors.toMap(r -> r, Rejection::reason)))
                .isEqualTo(golden);
    }

    @Test
    void place_whenClusterHasNoInstances_reportsNoInstances() {
        PlacementOutcome outcome = engine.place(request(2, TaskFootprint.of(1, 1)));
        assertThat(outcome.noInstances()).isTrue();
        assertThat(outcome.instanceIds()).isEmpty();
        assertThat(outcome.failures()).isEmpty();
        assertThat(PlacementOutcome.noContainerInstances().code()).isEqualTo(EcsErrorCode.INVALID_PARAMETER);
        assertThat(PlacementOutcome.noContainerInstances()).hasMessage("No Container Instances were found in your cluster.");
    }

    @Test
    void place_whenOnlyDeregisteredInstances_reportsNoInstances() {
        engine.upsertInstance(instance("gone").status(ContainerInstanceStatus.INACTIVE).build());
        assertThat(engine.place(request(1, TaskFootprint.of(1, 1))).noInstances()).isTrue();
    }

    @Test
    void place_whenOnlyDrainingInstance_returnsInactiveFailure() {
        engine.upsertInstance(instance("d").status(ContainerInstanceStatus.DRAINING).build());
        assertThat(engine.place(request(1, TaskFootprint.of(1, 1))).failures())
                .containsExactly(new Failure(arn("d"), "INACTIVE", null));
    }

    @Test
    void place_whenAgentDisconnected_returnsAgentFailure() {
        engine.upsertInstance(instance("x").agentConnected(false).build());
        assertThat(engine.place(request(1, TaskFootprint.of(1, 1))).failures())
                .containsExactly(new Failure(arn("x"), "AGENT", null));
    }

    @Test
    void place_whenRequiredAttributeMissing_returnsAttributeFailure() {
        engine.upsertInstance(instance("x").attribute("com.amazonaws.ecs.capability.docker-remote-api.1.19", null).build());
        PlacementRequest r = new PlacementRequest(1, "family:web", TaskFootprint.of(1, 1), List.of(), List.of(),
                Set.of("com.amazonaws.ecs.capability.docker-remote-api.1.19", "ecs.capability.task-eni"));
        assertThat(engine.place(r).failures()).containsExactly(new Failure(arn("x"), "ATTRIBUTE", null));
    }

    @Test
    void place_whenRequiredAttributesPresent_places() {
        engine.upsertInstance(instance("x").attribute("ecs.capability.task-eni", null).build());
        PlacementRequest r = new PlacementRequest(1, "family:web", TaskFootprint.of(1, 1), List.of(), List.of(),
                Set.of("ecs.capability.task-eni"));
        assertThat(engine.place(r).instanceIds()).containsExactly("x");
    }

    @Test
    void place_whenNoInstanceHasEnoughCpu_returnsResourceCpuFailure() {
        engine.upsertInstance(instance("x").cpu(1024).build());
        assertThat(engine.place(request(1, TaskFootprint.of(2048, 1))).failures())
                .containsExactly(new Failure(arn("x"), "RESOURCE:CPU", null));
    }

    @Test
    void place_whenNoInstanceHasEnoughMemory_returnsResourceMemoryFailure() {
        engine.upsertInstance(instance("x").memory(1024).build());
        assertThat(engine.place(request(1, TaskFootprint.of(1, 2048))).failures())
                .containsExactly(new Failure(arn("x"), "RESOURCE:MEMORY", null));
    }

    @Test
    void place_whenTcpPortReservedAtRegistration_returnsResourcePortsFailure() {
        engine.upsertInstance(instance("x").reservedTcp(22, 2375, 2376, 51678, 51679).build());
        TaskFootprint fp = new TaskFootprint(1, 1, Set.of(22), Set.of());
        assertThat(engine.place(request(1, fp)).failures()).containsExactly(new Failure(arn("x"), "RESOURCE:PORTS", null));
    }

    @Test
    void place_whenTcpPortTakenByTask_returnsResourcePortsFailure() {
        engine.upsertInstance(instance("x").build());
        TaskFootprint fp = new TaskFootprint(1, 1, Set.of(80), Set.of());
        engine.addTask("t1", "x", "family:other", fp);
        assertThat(engine.place(request(1, fp)).failures()).containsExactly(new Failure(arn("x"), "RESOURCE:PORTS", null));
    }

    @Test
    void place_whenUdpPortTaken_returnsResourcePortsUdpFailure() {
        engine.upsertInstance(instance("x").reservedUdp(53).build());
        TaskFootprint fp = new TaskFootprint(1, 1, Set.of(53), Set.of(53));
        assertThat(engine.place(request(1, fp)).failures())
                .containsExactly(new Failure(arn("x"), "RESOURCE:PORTS_UDP", null));
    }

    @Test
    void place_whenSamePortOtherProtocol_places() {
        engine.upsertInstance(instance("x").reservedUdp(53).build());
        assertThat(engine.place(request(1, new TaskFootprint(1, 1, Set.of(53), Set.of()))).instanceIds())
                .containsExactly("x");
    }

    @Test
    void place_whenMemberOfExcludesEveryInstance_returnsEcsMemberOfFailure() {
        engine.upsertInstance(instance("x").type("t2.small").build());
        PlacementRequest r = request(1, TaskFootprint.of(1, 1))
                .withConstraints(List.of(PlacementConstraint.memberOf("attribute:ecs.instance-type =~ m5.*")));
        assertThat(engine.place(r).failures())
                .containsExactly(new Failure(arn("x"), "MemberOf placement constraint unsatisfied.", null));
    }

    @Test
    void place_whenDistinctInstanceExcludesEveryInstance_returnsEcsDistinctInstanceFailure() {
        engine.upsertInstance(instance("x").build());
        PlacementRequest r = request(3, TaskFootprint.of(1, 1))
                .withConstraints(List.of(PlacementConstraint.distinctInstance()));
        PlacementOutcome outcome = engine.place(r);
        assertThat(outcome.instanceIds()).containsExactly("x");
        assertThat(outcome.failures()).containsExactly(
                new Failure(arn("x"), "DistinctInstance placement constraint unsatisfied.", null),
                new Failure(arn("x"), "DistinctInstance placement constraint unsatisfied.", null));
    }

    @Test
    void place_failureArn_isTheInstanceThatPassedTheMostFilters() {
        engine.upsertInstance(instance("agentless").agentConnected(false).build());
        engine.upsertInstance(instance("small-cpu").cpu(100).build());
        engine.upsertInstance(instance("small-memory").memory(100).build());
        engine.upsertInstance(instance("draining").status(ContainerInstanceStatus.DRAINING).build());
        assertThat(engine.place(request(1, TaskFootprint.of(512, 512))).failures())
                .containsExactly(new Failure(arn("small-memory"), "RESOURCE:MEMORY", null));
    }

    @Test
    void place_failureArn_amongEqualMatches_isTheEarliestRegistered() {
        engine.upsertInstance(instance("first").memory(100).build());
        engine.upsertInstance(instance("second").memory(200).build());
        assertThat(engine.place(request(1, TaskFootprint.of(1, 512))).failures())
                .containsExactly(new Failure(arn("first"), "RESOURCE:MEMORY", null));
    }

    @Test
    void place_resourcesCheckedBeforeConstraints_soAFittingButExcludedInstanceIsTheClosest() {
        engine.upsertInstance(instance("eligible-full").type("m5.large").memory(100).build());
        engine.upsertInstance(instance("other").type("t2.small").build());
        PlacementRequest r = request(1, TaskFootprint.of(1, 512))
                .withConstraints(List.of(PlacementConstraint.memberOf("attribute:ecs.instance-type =~ m5.*")));
        assertThat(engine.place(r).failures())
                .containsExactly(new Failure(arn("other"), "MemberOf placement constraint unsatisfied.", null));
    }

    @Test
    void place_whenSomeTasksFit_placesThoseAndFailsTheRest() {
        engine.upsertInstance(instance("x").memory(1024).build());
        PlacementOutcome outcome = engine.place(request(3, TaskFootprint.of(1, 512)));
        assertThat(outcome.instanceIds()).containsExactly("x", "x");
        assertThat(outcome.failures()).containsExactly(new Failure(arn("x"), "RESOURCE:MEMORY", null));
        assertThat(outcome.noInstances()).isFalse();
    }
}
