package io.ecs4j.request;

import io.ecs4j.model.ContainerInstance;
import io.ecs4j.model.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * UpdateContainerInstancesState's result.
 *
 * <p>Immutable. Lists and maps are unmodifiable and never null.
 *
 * @param containerInstances the updated instances
 * @param failures instances that could not be updated
 */
public record UpdateContainerInstancesStateResult(
        List<ContainerInstance> containerInstances,
        List<Failure> failures) {

    public UpdateContainerInstancesStateResult {
        containerInstances = containerInstances == null ? List.of() : List.copyOf(containerInstances);
        failures = failures == null ? List.of() : List.copyOf(failures);
    }

}
