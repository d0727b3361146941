package io.ecs4j.internal.reconcile;

import io.ecs4j.model.RolloutState;

/**
 * A deployment as the reconciler sees it. Immutable.
 *
 * @param id           {@code ecs-svc/...}
 * @param rolloutState IN_PROGRESS, COMPLETED or FAILED
 * @param failedTasks  consecutive failed tasks counted so far
 * @param rollback     whether it was created by a circuit-breaker rollback (such a deployment is not rolled back again)
 */
public record DeploymentView(String id, RolloutState rolloutState, int failedTasks, boolean rollback) {
}
