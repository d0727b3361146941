package io.ecs4j.internal.reconcile;

import io.ecs4j.model.HealthStatus;
import io.ecs4j.model.TaskStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * ECS's notion of a healthy service task (ecs-semantics §5.3), used for {@code minimumHealthyPercent}, steady state and
 * the circuit breaker. Without a load balancer: RUNNING, and HEALTHY when an essential container has a health check;
 * without such a check the scheduler waits 40 seconds after RUNNING before it counts the task. With a load balancer the
 * 40-second rule does not apply: the task counts once its targets are healthy (and it is HEALTHY when an essential
 * container has a health check).
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
        if (t.loadBalanced()) {
            return t.targets() == TargetsHealth.HEALTHY && (!t.hasHealthCheck() || t.health() == HealthStatus.HEALTHY);
        }
        if (t.hasHealthCheck()) {
            return t.health() == HealthStatus.HEALTHY;
        }
        return !now.isBefore(t.startedAt().plus(NO_CHECK_WAIT));
    }

    /** Whether only time (the 40-second rule) decides whether {@code t} is healthy. */
    public static boolean timeDecides(ObservedTask t) {
        return !t.hasHealthCheck() && !t.loadBalanced();
    }

    /**
     * When {@code t} becomes healthy by the 40-second rule, or null when time alone will not make it healthy (it has
     * a health check or a load balancer, is not RUNNING, or is healthy already).
     */
    public static Instant healthyAt(ObservedTask t, Instant now) {
        if (!t.live() || t.lastStatus() != TaskStatus.RUNNING || t.startedAt() == null || !timeDecides(t)) {
            return null;
        }
        Instant at = t.startedAt().plus(NO_CHECK_WAIT);
        return at.isAfter(now) ? at : null;
    }

    /** Whether {@code t} is RUNNING and fails its container health checks or its load balancer's (grace aside). */
    public static boolean failing(ObservedTask t) {
        return t.lastStatus() == TaskStatus.RUNNING && t.startedAt() != null
                && ((t.hasHealthCheck() && t.health() == HealthStatus.UNHEALTHY)
                || t.targets() == TargetsHealth.UNHEALTHY);
    }

    /** Whether {@code t} failed its health checks and the grace period after it started is over. */
    public static boolean unhealthyPastGrace(ObservedTask t, Duration grace, Instant now) {
        return t.live() && failing(t) && !now.isBefore(t.startedAt().plus(grace));
    }

    /** When the grace period of a failing task ends, or null when it is not failing within its grace period. */
    public static Instant graceEndsAt(ObservedTask t, Duration grace, Instant now) {
        if (!t.live() || !failing(t)) {
            return null;
        }
        Instant at = t.startedAt().plus(grace);
        return at.isAfter(now) ? at : null;
    }
}
