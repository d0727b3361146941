package io.ecs4j.internal.reconcile;

/** The health of a service task's load balancer targets, taken together (ecs-semantics §5.3). */
public enum TargetsHealth {
    /** The task registers with no load balancer (none configured, or no load balancing backend). */
    NONE,
    /** Not registered yet, or a target has not passed its health checks yet. */
    INITIAL,
    /** Every target is healthy. */
    HEALTHY,
    /** A target failed its health checks. */
    UNHEALTHY
}
