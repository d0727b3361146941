package io.ecs4j.inmemory;

import io.ecs4j.model.HealthStatus;
import java.time.Duration;
import java.util.Objects;

/**
 * Docker's health check state machine ({@code daemon/health.go handleProbeResult}), as a pure value.
 *
 * <ul>
 *   <li>A container with a health check starts {@link Status#STARTING} (ECS: {@code UNKNOWN}).</li>
 *   <li>A passing probe resets the failing streak and makes it {@link Status#HEALTHY}, also during the start
 *       period.</li>
 *   <li>A failing probe is not counted while the container is still {@code STARTING} and the probe began less than
 *       {@code startPeriod} after the container started; otherwise it extends the failing streak, and a streak of
 *       {@code retries} makes it {@link Status#UNHEALTHY}.</li>
 * </ul>
 *
 * <p>Scheduling probes (the first {@code interval} after the start, the next {@code interval} after the previous one
 * ended) is the runtime's job, not this class's.
 *
 * @param status        the current status
 * @param failingStreak consecutive counted failures
 */
record HealthState(Status status, int failingStreak) {

    /** Docker's health statuses. */
    enum Status {
        STARTING(HealthStatus.UNKNOWN),
        HEALTHY(HealthStatus.HEALTHY),
        UNHEALTHY(HealthStatus.UNHEALTHY);

        private final HealthStatus ecs;

        Status(HealthStatus ecs) {
            this.ecs = ecs;
        }

        /** As ECS reports it: starting is {@code UNKNOWN}. */
        HealthStatus ecs() {
            return ecs;
        }
    }

    HealthState {
        Objects.requireNonNull(status, "status");
        if (failingStreak < 0) {
            throw new IllegalArgumentException("failingStreak must not be negative: " + failingStreak);
        }
    }

    /** The state of a container that just started. */
    static HealthState starting() {
        return new HealthState(Status.STARTING, 0);
    }

    /**
     * The state after one probe.
     *
     * @param passed              whether the probe passed (a probe that timed out failed)
     * @param probeStartedAfter   how long after the container's start the probe began
     * @param retries             consecutive failures that make the container unhealthy (at least 1)
     * @param startPeriod         the start period
     */
    HealthState afterProbe(boolean passed, Duration probeStartedAfter, int retries, Duration startPeriod) {
        if (passed) {
            return new HealthState(Status.HEALTHY, 0);
        }
        if (status == Status.STARTING && probeStartedAfter.compareTo(startPeriod) < 0) {
            return this; // inside the start period, failures do not count
        }
        int streak = failingStreak + 1;
        return new HealthState(streak >= retries ? Status.UNHEALTHY : status, streak);
    }
}
