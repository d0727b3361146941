package io.ecs4j.internal.placement;

import static io.ecs4j.internal.placement.Fixtures.arn;
import static io.ecs4j.internal.placement.Fixtures.instance;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.model.ContainerInstanceStatus;
import io.ecs4j.model.Failure;
import io.ecs4j.model.PlacementConstraint;
import io.ecs4j.model.PlacementStrategy;
import io.ecs4j.request.PlacementCandidate;
import io.ecs4j.request.PlacementExplanation;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PlacementExplanationTest {
    private static final String GROUP = "service:web";
    private final PlacementEngine engine = new PlacementEngine(new SplittableRandom(5));

    @Test
    void explain_listsEveryInstanceWithItsRejectionOrScoreAndTheChoice() {
        engine.upsertInstance(instance("draining").status(ContainerInstanceStatus.DRAINING).build());
        engine.upsertInstance(instance("agentless").agentConnected(false).build());
        engine.upsertInstance(instance("no-cap").type("m5.large").build());
        engine.upsertInstance(instance("low-cpu").type("m5.large").cpu(10).attribute("cap", null).build());
        engine.upsertInstance(instance("low-mem").type("m5.large").memory(10).attribute("cap", null).build());
        engine.upsertInstance(instance("port").type("m5.large").reservedTcp(80).attribute("cap", null).build());
        engine.upsertInstance(instance("udp").type("m5.large").reservedUdp(53).attribute("cap", null).build());
        engine.upsertInstance(instance("t2").type("t2.small").attribute("cap", null).build());
        engine.upsertInstance(instance("taken").type("m5.large").attribute("cap", null).build());
        engine.upsertInstance(instance("roomy").type("m5.large").memory(8000).attribute("cap", null).build());
        engine.upsertInstance(instance("snug").type("m5.large").memory(4000).attribute("cap", null).build());
        engine.addTask("t", "taken", GROUP, TaskFootprint.of(1, 1));

        PlacementRequest r = new PlacementRequest(5, GROUP, new TaskFootprint(100, 100, Set.of(80), Set.of(53)),
                List.of(PlacementConstraint.memberOf("attribute:ecs.instance-type =~ m5.*"),
                        PlacementConstraint.distinctInstance()),
                List.of(PlacementStrategy.binpack("MEMORY")), Set.of("cap"));
        PlacementExplanation e = engine.explain(r);

        assertThat(e.strategies()).containsExactly(PlacementStrategy.binpack("memory"));
        assertThat(e.constraints()).isEqualTo(r.constraints());
        assertThat(e.candidates()).extracting(PlacementCandidate::containerInstanceArn).containsExactly(
                arn("draining"), arn("agentless"), arn("no-cap"), arn("low-cpu"), arn("low-mem"), arn("port"),
                arn("udp"), arn("t2"), arn("taken"), arn("roomy"), arn("snug"));
        assertThat(e.candidates()).extracting(PlacementCandidate::rejection).containsExactly(
                "INACTIVE", "AGENT", "ATTRIBUTE", "RESOURCE:CPU", "RESOURCE:MEMORY", "RESOURCE:PORTS",
                "RESOURCE:PORTS_UDP", "MemberOf placement constraint unsatisfied.",
                "DistinctInstance placement constraint unsatisfied.", null, null);
        assertThat(e.candidate(arn("draining")).detail()).isEqualTo("container instance status is DRAINING");
        assertThat(e.candidate(arn("low-mem")).detail()).isEqualTo("needs 100 MiB, 10 remaining");
        assertThat(e.candidate(arn("low-cpu")).detail()).isEqualTo("needs 100 CPU units, 10 remaining");
        assertThat(e.candidate(arn("no-cap")).detail()).isEqualTo("missing required attribute cap");
        assertThat(e.candidate(arn("port")).detail()).isEqualTo("TCP host port 80 is already reserved");
        assertThat(e.candidate(arn("udp")).detail()).isEqualTo("UDP host port 53 is already reserved");
        assertThat(e.candidate(arn("t2")).detail())
                .isEqualTo("expression is false: attribute:ecs.instance-type =~ m5.*");
        assertThat(e.candidate(arn("taken")).detail()).isEqualTo("already runs a task of group service:web");
        assertThat(e.candidate(arn("snug"))).isEqualTo(new PlacementCandidate(arn("snug"), null, null, List.of(4000L), 1));
        assertThat(e.candidate(arn("roomy")).rank()).isEqualTo(2);
        assertThat(e.candidate(arn("roomy")).eligible()).isTrue();
        assertThat(e.candidate(arn("t2")).rank()).isZero();
        assertThat(e.chosenContainerInstanceArn()).isEqualTo(arn("snug"));
        assertThat(e.failure()).isNull();
    }

    @Test
    void explain_whenNothingQualifies_reportsTheFailure() {
        engine.upsertInstance(instance("a").memory(10).build());
        PlacementExplanation e = engine.explain(PlacementRequest.of(1, GROUP, TaskFootprint.of(1, 100)));
        assertThat(e.chosenContainerInstanceArn()).isNull();
        assertThat(e.failure()).isEqualTo(new Failure(arn("a"), "RESOURCE:MEMORY", null));
        assertThat(e.strategies()).containsExactly(PlacementStrategy.random());
    }

    @Test
    void explain_spreadScores_countTheGroupPerBucket_andTiesShareARank() {
        engine.upsertInstance(instance("a1").az("a").build());
        engine.upsertInstance(instance("a2").az("a").build());
        engine.upsertInstance(instance("b1").az("b").build());
        engine.addTask("t", "a1", GROUP, TaskFootprint.of(1, 1));
        PlacementExplanation e = engine.explain(PlacementRequest.of(1, GROUP, TaskFootprint.of(1, 1))
                .withStrategies(List.of(PlacementStrategy.spread("attribute:ecs.availability-zone"),
                        PlacementStrategy.spread("host"), PlacementStrategy.spread("instanceId"))));
        assertThat(e.strategies()).containsExactly(PlacementStrategy.spread("attribute:ecs.availability-zone"),
                PlacementStrategy.spread("instanceId"));
        assertThat(e.candidate(arn("a1")).scores()).containsExactly(1L, 1L);
        assertThat(e.candidate(arn("a2")).scores()).containsExactly(1L, 0L);
        assertThat(e.candidate(arn("b1")).scores()).containsExactly(0L, 0L);
        assertThat(e.candidates()).extracting(PlacementCandidate::rank).containsExactly(3, 2, 1);
        assertThat(e.chosenContainerInstanceArn()).isEqualTo(arn("b1"));
    }

    @Test
    void explain_doesNotChangeState() {
        engine.upsertInstance(instance("a").build());
        Remaining before = engine.remaining("a");
        engine.explain(PlacementRequest.of(3, GROUP, TaskFootprint.of(1, 1)));
        assertThat(engine.remaining("a")).isEqualTo(before);
        assertThat(engine.taskCount("a")).isZero();
    }
}
