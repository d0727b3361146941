package io.ecs4j.internal.placement;

import io.ecs4j.model.Failure;
import java.util.List;

/** TEMPORARY: replaced by the placement implementation. */
public record PlacementOutcome(List<String> instanceIds, List<Failure> failures, boolean noInstances) {
}
