package io.ecs4j.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecs4j.inmemory.HealthState.Status;
import io.ecs4j.model.HealthStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HealthStateTest {

    private static final Duration NO_START_PERIOD = Duration.ZERO;

    private static HealthState probes(HealthState state, int retries, Duration startPeriod, Object... probes) {
        // pairs of (seconds after start the probe began, passed)
        for (int i = 0; i < probes.length; i += 2) {
            state = state.afterProbe((Boolean) probes[i + 1], Duration.ofSeconds((Integer) probes[i]), retries,
                    startPeriod);
        }
        return state;
    }

    @Test
    void starting_always_isStartingWithNoStreakAndReportsUnknown() {
        HealthState state = HealthState.starting();

        assertThat(state.status()).isEqualTo(Status.STARTING);
        assertThat(state.failingStreak()).isZero();
        assertThat(state.status().ecs()).isEqualTo(HealthStatus.UNKNOWN);
        assertThat(Status.HEALTHY.ecs()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(Status.UNHEALTHY.ecs()).isEqualTo(HealthStatus.UNHEALTHY);
    }

    @Test
    void afterProbe_passWhileStarting_becomesHealthy() {
        assertThat(probes(HealthState.starting(), 3, NO_START_PERIOD, 30, true))
                .isEqualTo(new HealthState(Status.HEALTHY, 0));
    }

    @Test
    void afterProbe_fewerFailuresThanRetries_staysStartingAndCountsThem() {
        assertThat(probes(HealthState.starting(), 3, NO_START_PERIOD, 30, false, 60, false))
                .isEqualTo(new HealthState(Status.STARTING, 2));
    }

    @Test
    void afterProbe_retriesConsecutiveFailures_becomesUnhealthy() {
        assertThat(probes(HealthState.starting(), 3, NO_START_PERIOD, 30, false, 60, false, 90, false))
                .isEqualTo(new HealthState(Status.UNHEALTHY, 3));
    }

    @Test
    void afterProbe_oneRetry_firstCountedFailureMakesItUnhealthy() {
        assertThat(probes(HealthState.starting(), 1, NO_START_PERIOD, 5, false).status()).isEqualTo(Status.UNHEALTHY);
    }

    @Test
    void afterProbe_moreFailuresWhenUnhealthy_stayUnhealthyAndKeepCounting() {
        assertThat(probes(HealthState.starting(), 2, NO_START_PERIOD, 5, false, 10, false, 15, false))
                .isEqualTo(new HealthState(Status.UNHEALTHY, 3));
    }

    @Test
    void afterProbe_successBetweenFailures_resetsTheStreak() {
        HealthState state = probes(HealthState.starting(), 3, NO_START_PERIOD,
                5, true, 10, false, 15, false, 20, true, 25, false, 30, false);

        assertThat(state).isEqualTo(new HealthState(Status.HEALTHY, 2));
    }

    @Test
    void afterProbe_failuresWhileHealthy_becomeUnhealthyAfterRetries() {
        HealthState state = probes(HealthState.starting(), 2, NO_START_PERIOD, 5, true, 10, false);
        assertThat(state.status()).isEqualTo(Status.HEALTHY);

        assertThat(probes(state, 2, NO_START_PERIOD, 15, false).status()).isEqualTo(Status.UNHEALTHY);
    }

    @Test
    void afterProbe_passWhileUnhealthy_becomesHealthyAgain() {
        HealthState unhealthy = probes(HealthState.starting(), 1, NO_START_PERIOD, 5, false);

        assertThat(probes(unhealthy, 1, NO_START_PERIOD, 10, true)).isEqualTo(new HealthState(Status.HEALTHY, 0));
    }

    @Test
    void afterProbe_failuresInsideTheStartPeriodWhileStarting_doNotCount() {
        HealthState state = probes(HealthState.starting(), 1, Duration.ofSeconds(60), 10, false, 20, false, 59, false);

        assertThat(state).isEqualTo(new HealthState(Status.STARTING, 0));
    }

    @Test
    void afterProbe_failureBeganExactlyWhenTheStartPeriodEnds_counts() {
        assertThat(probes(HealthState.starting(), 1, Duration.ofSeconds(60), 60, false).status())
                .isEqualTo(Status.UNHEALTHY);
    }

    @Test
    void afterProbe_passInsideTheStartPeriod_makesItHealthyAtOnce() {
        assertThat(probes(HealthState.starting(), 3, Duration.ofSeconds(60), 10, false, 20, true).status())
                .isEqualTo(Status.HEALTHY);
    }

    @Test
    void afterProbe_failureInsideTheStartPeriodAfterBeingHealthy_counts() {
        HealthState state = probes(HealthState.starting(), 1, Duration.ofSeconds(60), 10, true, 20, false);

        assertThat(state).isEqualTo(new HealthState(Status.UNHEALTHY, 1));
    }

    @Test
    void afterProbe_startPeriodOver_failuresCountAgain() {
        HealthState state = probes(HealthState.starting(), 2, Duration.ofSeconds(30), 10, false, 20, false, 30, false,
                40, false);

        assertThat(state).isEqualTo(new HealthState(Status.UNHEALTHY, 2));
    }

    @Test
    void constructor_negativeStreak_throwsIllegalArgumentException() {
        assertThatThrownBy(() -> new HealthState(Status.STARTING, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
