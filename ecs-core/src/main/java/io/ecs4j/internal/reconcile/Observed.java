package io.ecs4j.internal.reconcile;

import io.ecs4j.model.ContainerInstanceStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the scheduler observes for one service: its tasks, the container instances they are on and its own memory
 * (backoff, steady state). Immutable as far as the reconciler is concerned (the collections are read-only views
 * taken on the loop).
 *
 * @param tasks              the service's tasks that are not STOPPED, oldest first
 * @param instanceStatus     the status of each container instance of the cluster (a task on an unknown instance is
 *                           treated as on an INACTIVE one)
 * @param eligibleInstances  DAEMON: the ACTIVE instances that satisfy the service's constraints, in registration order;
 *                           empty for REPLICA
 * @param drainingBusy       DAEMON: DRAINING instances that still run tasks of REPLICA services (daemon tasks are
 *                           stopped last)
 * @param launchNotBefore    the launch backoff: no launch before this instant, or null
 * @param steady             whether the service was in a steady state when last reconciled
 */
public record Observed(Collection<ObservedTask> tasks, Map<String, ContainerInstanceStatus> instanceStatus,
                       List<String> eligibleInstances, Set<String> drainingBusy, Instant launchNotBefore,
                       boolean steady) {

    /** Whether {@code t} is on an instance that takes no service task: DRAINING, deregistered or unknown. */
    public boolean onUnusableInstance(ObservedTask t) {
        if (t.instanceId() == null) {
            return false;
        }
        return instanceStatus.get(t.instanceId()) != ContainerInstanceStatus.ACTIVE;
    }
}
