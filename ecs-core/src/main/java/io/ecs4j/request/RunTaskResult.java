package io.ecs4j.request;

import io.ecs4j.model.Failure;
import io.ecs4j.model.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What RunTask or StartTask started (tasks in PENDING) and what it could not place.
 *
 * <p>Immutable. Lists and maps are unmodifiable and never null.
 *
 * @param tasks the started tasks
 * @param failures one entry per task that could not be placed
 */
public record RunTaskResult(
        List<Task> tasks,
        List<Failure> failures) {

    public RunTaskResult {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        failures = failures == null ? List.of() : List.copyOf(failures);
    }

}
