package io.ecs4j.internal.reconcile;

import io.ecs4j.model.DeploymentCircuitBreaker;
import io.ecs4j.model.SchedulingStrategy;
import io.ecs4j.model.ServiceStatus;
import java.time.Duration;
import java.util.List;

/**
 * What a service is asked to be, as the reconciler reads it. Immutable.
 *
 * @param name                  the service name
 * @param schedulingStrategy    REPLICA or DAEMON
 * @param status                ACTIVE, or DRAINING once deleted (then everything is stopped)
 * @param desiredCount          REPLICA: the desired count; DAEMON: ignored (the eligible instances decide)
 * @param minimumHealthyPercent with the default filled in
 * @param maximumPercent        with the default filled in
 * @param gracePeriod           healthCheckGracePeriodSeconds
 * @param circuitBreaker        the circuit breaker, or null
 * @param deployments           the PRIMARY deployment first, then older ones newest first
 * @param canRollBack           whether a COMPLETED deployment exists to roll back to
 */
public record DesiredService(String name, SchedulingStrategy schedulingStrategy, ServiceStatus status, int desiredCount,
                             int minimumHealthyPercent, int maximumPercent, Duration gracePeriod,
                             DeploymentCircuitBreaker circuitBreaker, List<DeploymentView> deployments,
                             boolean canRollBack) {
    public DesiredService {
        deployments = List.copyOf(deployments);
        if (deployments.isEmpty()) {
            throw new IllegalArgumentException("bug: a service without deployments");
        }
    }

    /** The PRIMARY deployment. */
    public DeploymentView primary() {
        return deployments.get(0);
    }

    /** ⌊D × maximumPercent / 100⌋: the most tasks that may be RUNNING, PENDING or STOPPING. */
    public static int maxTasks(int desired, int maximumPercent) {
        return (int) ((long) desired * maximumPercent / 100);
    }

    /** ⌈D × minimumHealthyPercent / 100⌉: the fewest healthy tasks the scheduler keeps while it stops tasks. */
    public static int minHealthy(int desired, int minimumHealthyPercent) {
        return (int) (((long) desired * minimumHealthyPercent + 99) / 100);
    }
}
