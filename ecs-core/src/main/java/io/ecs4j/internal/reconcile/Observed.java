package io.ecs4j.internal.reconcile;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What the scheduler observes for one service: its tasks, the container instances they are on and its own memory
 * (backoff, steady state). Immutable as far as the reconciler is concerned (the collections are read-only views
 * taken on the loop).
 *
 * @param tasks              the service's tasks that are not STOPPED, oldest first
 * @param unusableInstances  the container instances that take no service task (DRAINING, deregistered, ...)
 * @param eligibleInstances  DAEMON: the ACTIVE instances that satisfy the service's constraints, in registration order;
 *                           empty for REPLICA
 * @param drainingBusy       DAEMON: DRAINING instances that still run tasks of REPLICA services (daemon tasks are
 *                           stopped last)
 * @param launchNotBefore    the launch backoff: no launch before this instant, or null
 * @param steady             whether the service was in a steady state when last reconciled
 */
public record Observed(Collection<ObservedTask> tasks, Set<String> unusableInstances,
                       List<String> eligibleInstances, Set<String> drainingBusy, Instant launchNotBefore,
                       boolean steady) {

    /** Whether {@code t} is on an instance that takes no service task: DRAINING or deregistered. */
    public boolean onUnusableInstance(ObservedTask t) {
        return t.instanceId() != null && !unusableInstances.isEmpty() && unusableInstances.contains(t.instanceId());
    }
}
