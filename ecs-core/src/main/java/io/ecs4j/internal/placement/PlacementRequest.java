package io.ecs4j.internal.placement;

import io.ecs4j.model.PlacementConstraint;
import io.ecs4j.model.PlacementStrategy;
import java.util.List;
import java.util.Set;

/** TEMPORARY: replaced by the placement implementation. */
public record PlacementRequest(int count, String group, TaskFootprint footprint, List<PlacementConstraint> constraints,
                               List<PlacementStrategy> strategies, Set<String> requiredAttributes) {
}
