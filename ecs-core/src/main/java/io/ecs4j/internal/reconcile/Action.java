package io.ecs4j.internal.reconcile;

import java.util.List;

/** One step of a {@link Plan}, applied by the cluster loop. Immutable data; no behaviour. */
public sealed interface Action {

    /** Why the scheduler stops a task. */
    enum StopReason {
        /** Deployment, scale-in, draining, deletion: {@code Scaling activity initiated by (deployment ...)}. */
        SCALING,
        /** The task failed its container health checks after the grace period. */
        UNHEALTHY
    }

    /** Place and start {@code count} tasks of a deployment. */
    record Launch(String deploymentId, int count) implements Action {
    }

    /** Start one task of a DAEMON deployment on {@code instanceId}. */
    record LaunchOn(String deploymentId, String instanceId) implements Action {
    }

    /**
     * Stop {@code count} of {@code candidates} (all of them when {@code count} covers the list; otherwise the executor
     * chooses with the placement's scale-in order).
     */
    record Stop(List<String> candidates, int count, StopReason reason) implements Action {
        public Stop {
            candidates = List.copyOf(candidates);
        }
    }

    /** These tasks became healthy for the first time (resets the circuit breaker's count when configured). */
    record MarkHealthy(List<String> taskIds) implements Action {
        public MarkHealthy {
            taskIds = List.copyOf(taskIds);
        }
    }

    /** The PRIMARY deployment reached its steady state: COMPLETED; older deployments go. */
    record CompleteDeployment(String deploymentId) implements Action {
    }

    /** An older deployment has no task left: INACTIVE, no longer listed. */
    record RemoveDeployment(String deploymentId) implements Action {
    }

    /** The circuit breaker failed the PRIMARY deployment. */
    record FailDeployment(String deploymentId) implements Action {
    }

    /** Roll back: a new PRIMARY deployment from the last COMPLETED one. */
    record Rollback() implements Action {
    }

    /** The service entered ({@code true}) or left a steady state. */
    record Steady(boolean steady) implements Action {
    }

    /** Old tasks remain but minimumHealthyPercent and maximumPercent allow neither a start nor a stop. */
    record Blocked() implements Action {
    }

    /** A DRAINING (deleted) service has no task left to stop: INACTIVE. */
    record Inactive() implements Action {
    }
}
