package io.ecs4j.spi.runtime;

import io.ecs4j.model.TaskArn;
import java.util.Objects;

/**
 * Names one container of one task across the Runtime SPI. The control plane makes handles; a runtime keeps its own
 * mapping from a handle to whatever it runs (a Docker container id, a simulated process).
 *
 * <p>Immutable; equal handles name the same container.
 *
 * @param taskArn       the task the container belongs to; not null
 * @param containerName the container's name in the task definition; not null
 */
public record ContainerHandle(TaskArn taskArn, String containerName) {
    public ContainerHandle {
        Objects.requireNonNull(taskArn, "taskArn");
        Objects.requireNonNull(containerName, "containerName");
    }

    @Override
    public String toString() {
        return taskArn.taskId() + "/" + containerName;
    }
}
