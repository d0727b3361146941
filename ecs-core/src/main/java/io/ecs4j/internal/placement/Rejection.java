package io.ecs4j.internal.placement;

/**
 * Why a container instance cannot take a task, in pipeline order: status and agent, then the task's requirements
 * (attributes, CPU, memory, ports), then the binding constraints. This is the one place that maps a rejection to the
 * {@code failures[].reason} ECS reports.
 *
 * <p>The order is also the "closest match" rank: a failure names the instance that got furthest through the pipeline
 * (see {@link PlacementEngine#place}).
 */
public enum Rejection {
    /** The instance is not ACTIVE (DRAINING, REGISTERING, DEREGISTERING, INACTIVE); [rec] ECS's INACTIVE reason. */
    INACTIVE("INACTIVE"),
    /** The agent is disconnected. */
    AGENT("AGENT"),
    /** The instance lacks an attribute the task definition requires ({@code requiresAttributes}). */
    ATTRIBUTE("ATTRIBUTE"),
    /** Not enough CPU units left. */
    RESOURCE_CPU("RESOURCE:CPU"),
    /** Not enough memory left. */
    RESOURCE_MEMORY("RESOURCE:MEMORY"),
    /** A static TCP host port of the task is already reserved. */
    RESOURCE_PORTS("RESOURCE:PORTS"),
    /** A static UDP host port of the task is already reserved; [rec] by analogy with RESOURCE:PORTS. */
    RESOURCE_PORTS_UDP("RESOURCE:PORTS_UDP"),
    /** A memberOf expression is false for the instance; RunTask reports ECS's sentence verbatim. */
    MEMBER_OF("MemberOf placement constraint unsatisfied."),
    /** A task of the same group is already on the instance; RunTask reports ECS's sentence verbatim. */
    DISTINCT_INSTANCE("DistinctInstance placement constraint unsatisfied.");

    private final String reason;

    Rejection(String reason) {
        this.reason = reason;
    }

    /** The {@code failures[].reason} ECS reports for this rejection. */
    public String reason() {
        return reason;
    }
}
