package io.ecs4j.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecs4j.inmemory.ContainerBehaviour.LaunchStep;
import io.ecs4j.inmemory.ContainerBehaviour.LogLine;
import io.ecs4j.spi.runtime.LogEntry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerBehaviourTest {

    @Test
    void defaultBehaviour_always_startsAtOnceRunsUntilStoppedAndExits143OnSigterm() {
        ContainerBehaviour b = ContainerBehaviour.defaultBehaviour();

        assertThat(b.pullDelay()).isZero();
        assertThat(b.startDelay()).isZero();
        assertThat(b.failingStep()).isNull();
        assertThat(b.failureDetail()).isNull();
        assertThat(b.runsUntilStopped()).isTrue();
        assertThat(b.runFor()).isNull();
        assertThat(b.sigtermIgnored()).isFalse();
        assertThat(b.sigtermExitCode()).isEqualTo(143);
        assertThat(b.stopDelay()).isZero();
        assertThat(b.healthProbes()).isEmpty();
        assertThat(b.healthProbe(0)).isEqualTo(HealthProbe.PASS);
        assertThat(b.logLines()).isEmpty();
        assertThat(b.imageDigest()).isNull();
        assertThat(ContainerBehaviour.builder().build()).isEqualTo(b);
    }

    @Test
    void exitsAfter_durationAndCode_exitsOnItsOwn() {
        ContainerBehaviour b = ContainerBehaviour.exitsAfter(Duration.ofSeconds(5), 2);

        assertThat(b.runFor()).isEqualTo(Duration.ofSeconds(5));
        assertThat(b.exitCode()).isEqualTo(2);
        assertThat(b.oomKilled()).isFalse();
        assertThat(b.runsUntilStopped()).isFalse();
    }

    @Test
    void oomKilledAfter_duration_exits137AsOomKilled() {
        ContainerBehaviour b = ContainerBehaviour.oomKilledAfter(Duration.ofMinutes(1));

        assertThat(b.runFor()).isEqualTo(Duration.ofMinutes(1));
        assertThat(b.exitCode()).isEqualTo(137);
        assertThat(b.oomKilled()).isTrue();
    }

    @Test
    void runUntilStopped_afterAnExit_clearsTheExit() {
        ContainerBehaviour b = ContainerBehaviour.oomKilledAfter(Duration.ofMinutes(1)).toBuilder()
                .runUntilStopped().build();

        assertThat(b).isEqualTo(ContainerBehaviour.defaultBehaviour());
    }

    @Test
    void failures_lastOneGiven_wins() {
        ContainerBehaviour b = ContainerBehaviour.builder().failPull().failStart("nope").build();

        assertThat(b.failingStep()).isEqualTo(LaunchStep.START);
        assertThat(b.failureDetail()).isEqualTo("nope");
        assertThat(ContainerBehaviour.failsToPull().failingStep()).isEqualTo(LaunchStep.PULL);
        assertThat(ContainerBehaviour.failsToPull("denied").failureDetail()).isEqualTo("denied");
        assertThat(ContainerBehaviour.failsToCreate().failingStep()).isEqualTo(LaunchStep.CREATE);
        assertThat(ContainerBehaviour.failsToStart().failingStep()).isEqualTo(LaunchStep.START);
        assertThat(b.toBuilder().launchSucceeds().build().failingStep()).isNull();
    }

    @Test
    void ignoresSigterm_always_setsTheFlag() {
        assertThat(ContainerBehaviour.ignoresSigterm().sigtermIgnored()).isTrue();
        assertThat(ContainerBehaviour.ignoresSigterm().toBuilder().ignoreSigterm(false).build())
                .isEqualTo(ContainerBehaviour.defaultBehaviour());
    }

    @Test
    void healthProbe_scriptExhausted_repeatsTheLastResult() {
        ContainerBehaviour b = ContainerBehaviour.builder()
                .healthProbes(HealthProbe.FAIL, HealthProbe.TIMEOUT, HealthProbe.PASS).build();

        assertThat(b.healthProbe(0)).isEqualTo(HealthProbe.FAIL);
        assertThat(b.healthProbe(1)).isEqualTo(HealthProbe.TIMEOUT);
        assertThat(b.healthProbe(2)).isEqualTo(HealthProbe.PASS);
        assertThat(b.healthProbe(1_000)).isEqualTo(HealthProbe.PASS);
        assertThat(ContainerBehaviour.failsHealthChecks().healthProbe(7)).isEqualTo(HealthProbe.FAIL);
        assertThatThrownBy(() -> b.healthProbe(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void logLines_givenOutOfOrder_areSortedByOffsetKeepingTheOrderOfEqualOffsets() {
        ContainerBehaviour b = ContainerBehaviour.builder()
                .stdout(Duration.ofSeconds(2), "c")
                .stdout(Duration.ZERO, "a")
                .stderr(Duration.ZERO, "b")
                .build();

        assertThat(b.logLines()).containsExactly(
                new LogLine(Duration.ZERO, LogEntry.Stream.STDOUT, "a"),
                new LogLine(Duration.ZERO, LogEntry.Stream.STDERR, "b"),
                new LogLine(Duration.ofSeconds(2), LogEntry.Stream.STDOUT, "c"));
        assertThat(b.toBuilder().logLines(List.of()).build().logLines()).isEmpty();
    }

    @Test
    void builder_invalidValues_throwIllegalArgumentException() {
        ContainerBehaviour.Builder b = ContainerBehaviour.builder();

        assertThatThrownBy(() -> b.pullDelay(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.startDelay(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.stopDelay(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.exitAfter(Duration.ofSeconds(-1), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.exitAfter(Duration.ZERO, 256))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0-255");
        assertThatThrownBy(() -> b.sigtermExitCode(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.imageDigest("nodigest")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.stdout(Duration.ofMillis(-1), "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.healthProbes(HealthProbe.PASS, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> b.failPull(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void toBuilder_unchanged_buildsAnEqualValue() {
        ContainerBehaviour b = ContainerBehaviour.builder()
                .pullDelay(Duration.ofSeconds(1)).failCreate("disk full").startDelay(Duration.ofSeconds(2))
                .exitAfter(Duration.ofSeconds(3), 4).sigtermExitCode(0).stopDelay(Duration.ofSeconds(5))
                .healthProbes(HealthProbe.FAIL).stdout(Duration.ZERO, "hi").imageDigest("sha256:abc").build();

        ContainerBehaviour copy = b.toBuilder().build();

        assertThat(copy).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(copy.toBuilder().sigtermExitCode(1).build()).isNotEqualTo(b);
    }

    @Test
    void toString_always_namesWhatIsScripted() {
        assertThat(ContainerBehaviour.defaultBehaviour()).hasToString("ContainerBehaviour[runsUntilStopped]");
        assertThat(ContainerBehaviour.builder().pullDelay(Duration.ofSeconds(2)).failPull("denied")
                .exitAfter(Duration.ofSeconds(1), 3).ignoreSigterm().healthProbes(HealthProbe.FAIL).build().toString())
                .contains("pullDelay=PT2S", "fail=PULL(denied)", "exit 3 after PT1S", "ignoresSigterm",
                        "healthProbes=[FAIL]");
    }
}
