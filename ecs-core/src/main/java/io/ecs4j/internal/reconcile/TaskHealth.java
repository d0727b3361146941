package io.ecs4j.internal.reconcile;

import io.ecs4j.model.HealthStatus;
import io.ecs4j.model.TaskStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * ECS's notion of a healthy service task (ecs-semantics §5.3), used for {@code minimumHealthyPercent}, steady state and
 * the circuit breaker. Without a load balancer: RUNNING, and HEALTHY when an essential container has a health check;
 * without such a check the scheduler waits 40 seconds after RUNNING before it counts the task.
 */
public final class TaskHealth {
    /** How long a task without an essential health check must have been RUNNING to count as healthy. */
    public static final Duration NO_CHECK_WAIT = Duration.ofSeconds(40);

    private TaskHealth() {
    }

    /** Whether {@code t} counts as healthy at {@code now}. */
    public static boolean healthy(ObservedTask t, Instant now) {
        if (!t.live() || t.lastStatus() != TaskStatus.RUNNING || t.startedAt() == null) {
            return false;
        }
        if (t.hasHealthCheck()) {
            return t.health() == HealthStatus.HEALTHY;
        }
        return !now.isBefore(t.startedAt().plus(NO_CHECK_WAIT));
    }

    /**
     * When {@code t} becomes healthy by the 40-second rule, or null when time alone will not make it healthy (it has
     * a health check, is not RUNNING, or is healthy already).
     */
    public static Instant healthyAt(ObservedTask t, Instant now) {
        if (!t.live() || t.lastStatus() != TaskStatus.RUNNING || t.startedAt() == null || t.hasHealthCheck()) {
            return null;
        }
        Instant at = t.startedAt().plus(NO_CHECK_WAIT);
        return at.isAfter(now) ? at : null;
    }

    /** Whether {@code t} failed its health checks and the grace period after it started is over. */
    public static boolean unhealthyPastGrace(ObservedTask t, Duration grace, Instant now) {
        return t.live() && t.lastStatus() == TaskStatus.RUNNING && t.health() == HealthStatus.UNHEALTHY
                && t.startedAt() != null && !now.isBefore(t.startedAt().plus(grace));
    }

    /** When the grace period of an UNHEALTHY task ends, or null when it is not UNHEALTHY within its grace period. */
    public static Instant graceEndsAt(ObservedTask t, Duration grace, Instant now) {
        if (!t.live() || t.health() != HealthStatus.UNHEALTHY || t.startedAt() == null) {
            return null;
        }
        Instant at = t.startedAt().plus(grace);
        return at.isAfter(now) ? at : null;
    }
}
