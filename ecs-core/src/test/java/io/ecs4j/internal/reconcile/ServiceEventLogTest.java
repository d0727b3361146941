package io.ecs4j.internal.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.model.ServiceEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Service events: newest first, at most 100, identical consecutive messages suppressed for 6 hours; wording. */
class ServiceEventLogTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final ServiceEventLog log = new ServiceEventLog();
    private int ids;

    private boolean add(Instant at, String message) {
        return log.add("id-" + (ids++), at, message);
    }

    @Test
    void events_areNewestFirst_andCappedAt100() {
        for (int i = 0; i < 150; i++) {
            add(T0.plusSeconds(i), "m" + i);
        }
        List<ServiceEvent> events = log.snapshot();
        assertThat(events).hasSize(100);
        assertThat(events.get(0).message()).isEqualTo("m149");
        assertThat(events.get(99).message()).isEqualTo("m50");
    }

    @Test
    void identicalConsecutiveMessage_isSuppressedFor6Hours() {
        assertThat(add(T0, "same")).isTrue();
        assertThat(add(T0.plus(Duration.ofHours(5)), "same")).isFalse();
        assertThat(add(T0.plus(Duration.ofHours(6)), "same")).isTrue();
        assertThat(log.snapshot()).hasSize(2);
    }

    @Test
    void identicalMessage_afterSomethingElse_isRecorded() {
        add(T0, "a");
        add(T0, "b");
        assertThat(add(T0, "a")).isTrue();
        assertThat(log.snapshot()).extracting(ServiceEvent::message).containsExactly("a", "b", "a");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "RESOURCE:CPU|has insufficient CPU units available.",
            "RESOURCE:MEMORY|has insufficient memory available.",
            "RESOURCE:PORTS|is already using a port required by your task.",
            "RESOURCE:PORTS_UDP|is already using a port required by your task.",
            "AGENT|doesn't have the agent connected.",
            "ATTRIBUTE|is missing an attribute required by your task.",
            "MemberOf placement constraint unsatisfied.|encountered error \"MemberOf placement constraint unsatisfied.\"."})
    void placementFailure_isWordedAsEcsDoes(String reason, String detail) {
        assertThat(ServiceMessages.placementDetail(reason)).isEqualTo(detail);
    }

    @Test
    void taskEvents_listTaskIdsInParentheses() {
        assertThat(ServiceMessages.started("web", List.of("a", "b")))
                .isEqualTo("(service web) has started 2 tasks: (task a) (task b).");
        assertThat(ServiceMessages.stopped("web", List.of("a")))
                .isEqualTo("(service web) has stopped 1 running tasks: (task a).");
    }

    @Test
    void add_sameKindAtTheSameInstant_combinesIntoOneEvent() {
        String tg = "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/web/1";
        for (String task : List.of("a", "b", "c")) {
            add(T0, ServiceMessages.stopped("web", List.of(task)));
            add(T0, ServiceMessages.deregisteredTargets("web", 1, tg));
            add(T0, ServiceMessages.beganDraining("web", 1));
        }

        assertThat(log.snapshot()).extracting(ServiceEvent::message).containsExactly(
                "(service web) has begun draining connections on 3 tasks.",
                "(service web) deregistered 3 targets in (target-group " + tg + ")",
                "(service web) has stopped 3 running tasks: (task a) (task b) (task c).");
        assertThat(log.snapshot().get(2).id()).isEqualTo("id-0");
    }

    @Test
    void add_sameKindAtAnotherInstantOrOtherService_staysSeparate() {
        add(T0, ServiceMessages.started("web", List.of("a")));
        add(T0.plusMillis(1), ServiceMessages.started("web", List.of("b")));
        add(T0.plusMillis(1), ServiceMessages.started("api", List.of("c")));
        add(T0.plusMillis(1), ServiceMessages.stopped("web", List.of("d")));

        assertThat(log.snapshot()).extracting(ServiceEvent::message).containsExactly(
                "(service web) has stopped 1 running tasks: (task d).",
                "(service api) has started 1 tasks: (task c).",
                "(service web) has started 1 tasks: (task b).",
                "(service web) has started 1 tasks: (task a).");
    }

    @Test
    void add_moreThanTenTasksAtOneInstant_keepsTenPerEvent() {
        for (int i = 0; i < 12; i++) {
            add(T0, ServiceMessages.started("web", List.of("t" + i)));
        }

        assertThat(log.snapshot()).extracting(ServiceEvent::message).containsExactly(
                "(service web) has started 2 tasks: (task t10) (task t11).",
                "(service web) has started 10 tasks: (task t0) (task t1) (task t2) (task t3) (task t4) (task t5)"
                        + " (task t6) (task t7) (task t8) (task t9).");
    }

    @Test
    void add_sameKindAtTheSameInstantAfterAnotherEvent_staysSeparate() {
        add(T0, ServiceMessages.started("web", List.of("a")));
        add(T0, ServiceMessages.steadyState("web"));
        add(T0, ServiceMessages.started("web", List.of("b")));

        assertThat(log.snapshot()).extracting(ServiceEvent::message).containsExactly(
                "(service web) has started 1 tasks: (task b).",
                "(service web) has reached a steady state.",
                "(service web) has started 1 tasks: (task a).");
    }
}
