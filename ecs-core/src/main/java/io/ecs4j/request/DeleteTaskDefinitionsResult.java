package io.ecs4j.request;

import io.ecs4j.model.Failure;
import io.ecs4j.model.TaskDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * DeleteTaskDefinitions' result.
 *
 * <p>Immutable. Lists and maps are unmodifiable and never null.
 *
 * @param taskDefinitions the definitions now DELETE_IN_PROGRESS
 * @param failures the ones that could not be deleted
 */
public record DeleteTaskDefinitionsResult(
        List<TaskDefinition> taskDefinitions,
        List<Failure> failures) {

    public DeleteTaskDefinitionsResult {
        taskDefinitions = taskDefinitions == null ? List.of() : List.copyOf(taskDefinitions);
        failures = failures == null ? List.of() : List.copyOf(failures);
    }

}
