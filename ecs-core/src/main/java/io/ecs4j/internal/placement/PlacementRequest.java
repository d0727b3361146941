package io.ecs4j.internal.placement;

import io.ecs4j.model.PlacementConstraint;
import io.ecs4j.model.PlacementStrategy;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where should {@code count} identical tasks go. Immutable.
 *
 * @param count              how many tasks, >= 0
 * @param group              the task group ({@code service:<name>} or {@code family:<family>} by default); not null
 * @param footprint          what each task reserves; not null
 * @param constraints        task-definition and request constraints combined (at most 10)
 * @param strategies         strategies in order (at most 5); empty means random (ECS's RunTask default)
 * @param requiredAttributes the task definition's {@code requiresAttributes} names
 */
public record PlacementRequest(
        int count,
        String group,
        TaskFootprint footprint,
        List<PlacementConstraint> constraints,
        List<PlacementStrategy> strategies,
        Set<String> requiredAttributes) {

    public PlacementRequest {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(footprint, "footprint");
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
        strategies = strategies == null ? List.of() : List.copyOf(strategies);
        requiredAttributes = requiredAttributes == null ? Set.of() : Set.copyOf(requiredAttributes);
    }

    /** {@code count} tasks of {@code footprint} in {@code group}, no constraint, random placement. */
    public static PlacementRequest of(int count, String group, TaskFootprint footprint) {
        return new PlacementRequest(count, group, footprint, List.of(), List.of(), Set.of());
    }

    /** This request with other constraints. */
    public PlacementRequest withConstraints(List<PlacementConstraint> newConstraints) {
        return new PlacementRequest(count, group, footprint, newConstraints, strategies, requiredAttributes);
    }

    /** This request with other strategies. */
    public PlacementRequest withStrategies(List<PlacementStrategy> newStrategies) {
        return new PlacementRequest(count, group, footprint, constraints, newStrategies, requiredAttributes);
    }

    /** This request with another count. */
    public PlacementRequest withCount(int newCount) {
        return new PlacementRequest(newCount, group, footprint, constraints, strategies, requiredAttributes);
    }
}
