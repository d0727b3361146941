package io.ecs4j.model;

/**
 * The deployment circuit breaker of the rolling-update controller: fail a deployment whose tasks keep failing to start or failing health checks, and optionally roll back to the last deployment that completed.
 *
 * <p>Immutable. Lists and maps are unmodifiable and never null.
 *
 * @param enable whether the circuit breaker watches deployments
 * @param rollback whether a failed deployment rolls back to the last completed one
 * @param resetOnHealthyTask whether a task becoming healthy resets the failed-task count; null means true
 * @param thresholdConfiguration when it trips, or null for BOUNDED_PERCENT 50
 */
public record DeploymentCircuitBreaker(
        boolean enable,
        boolean rollback,
        Boolean resetOnHealthyTask,
        ThresholdConfiguration thresholdConfiguration) {

    public DeploymentCircuitBreaker {
    }

    /** An enabled circuit breaker with the default threshold, rolling back when {@code rollback}. */
    public static DeploymentCircuitBreaker enabled(boolean rollback) {
        return new DeploymentCircuitBreaker(true, rollback, null, null);
    }

    /** {@link #resetOnHealthyTask()}, true when unset. */
    public boolean resetOnHealthyTaskOrDefault() {
        return resetOnHealthyTask == null || resetOnHealthyTask;
    }
}
