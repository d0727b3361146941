package io.ecs4j.model;

/**
 * What an {@link EcsEvent.ServiceAction} reports, named as in ECS's EventBridge events ({@code ECS Service Action} and,
 * for the {@code SERVICE_DEPLOYMENT_*} names, {@code ECS Deployment State Change}).
 *
 * <p>{@link #value()} is the {@code eventName}; {@link #eventType()} the {@code eventType} ({@code INFO}, {@code WARN}
 * or {@code ERROR}).
 */
public enum ServiceActionType {
    /** The service reached a steady state. */
    SERVICE_STEADY_STATE("SERVICE_STEADY_STATE", "INFO"),
    /** Tasks of the service keep failing to start; the scheduler backs off. */
    SERVICE_TASK_START_IMPAIRED("SERVICE_TASK_START_IMPAIRED", "WARN"),
    /** A task of the service could not be placed. */
    SERVICE_TASK_PLACEMENT_FAILURE("SERVICE_TASK_PLACEMENT_FAILURE", "ERROR"),
    /** A daemon task runs on an instance that no longer satisfies the service's placement constraints. */
    SERVICE_DAEMON_PLACEMENT_CONSTRAINT_VIOLATED("SERVICE_DAEMON_PLACEMENT_CONSTRAINT_VIOLATED", "ERROR"),
    /** A deployment started (also when the circuit breaker rolls back). */
    SERVICE_DEPLOYMENT_IN_PROGRESS("SERVICE_DEPLOYMENT_IN_PROGRESS", "INFO"),
    /** A deployment completed: the service reached a steady state on it. */
    SERVICE_DEPLOYMENT_COMPLETED("SERVICE_DEPLOYMENT_COMPLETED", "INFO"),
    /** The circuit breaker failed a deployment. */
    SERVICE_DEPLOYMENT_FAILED("SERVICE_DEPLOYMENT_FAILED", "ERROR");

    private final String value;
    private final String eventType;

    ServiceActionType(String value, String eventType) {
        this.value = value;
        this.eventType = eventType;
    }

    /** The {@code eventName} as ECS spells it. */
    public String value() {
        return value;
    }

    /** {@code INFO}, {@code WARN} or {@code ERROR}. */
    public String eventType() {
        return eventType;
    }

    @Override
    public String toString() {
        return value;
    }
}
