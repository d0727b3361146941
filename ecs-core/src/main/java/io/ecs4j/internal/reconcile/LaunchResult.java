package io.ecs4j.internal.reconcile;

import java.util.List;

/**
 * What came of a launch: the tasks started and, when some could not be placed, why.
 *
 * @param taskIds        the tasks created, in order
 * @param failedInstance the closest-matching container instance id of the first placement failure, or null
 * @param failureReason  that failure's ECS reason ({@code RESOURCE:MEMORY}, ...), or null when all were placed
 * @param noInstances    the cluster has no container instance at all
 */
public record LaunchResult(List<String> taskIds, String failedInstance, String failureReason, boolean noInstances) {
    public LaunchResult {
        taskIds = List.copyOf(taskIds);
    }

    /** Whether some tasks could not be placed. */
    public boolean failed() {
        return failureReason != null || noInstances;
    }
}
