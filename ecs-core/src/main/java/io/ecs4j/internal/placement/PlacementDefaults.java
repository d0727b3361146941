package io.ecs4j.internal.placement;

import io.ecs4j.model.PlacementStrategy;
import java.util.List;

/** ECS's default placement strategies (ecs-semantics §4.3). */
public final class PlacementDefaults {

    /** Services (REPLICA): spread over Availability Zones, then over instances. Also the default scale-in order. */
    public static final List<PlacementStrategy> SERVICE = List.of(
            PlacementStrategy.spread("attribute:ecs.availability-zone"), PlacementStrategy.spread("instanceId"));

    /** Standalone RunTask: random. */
    public static final List<PlacementStrategy> RUN_TASK = List.of(PlacementStrategy.random());

    private PlacementDefaults() {
    }

    /** {@code given}, or {@link #SERVICE} when it is empty. */
    public static List<PlacementStrategy> forService(List<PlacementStrategy> given) {
        return given == null || given.isEmpty() ? SERVICE : given;
    }

    /** {@code given}, or {@link #RUN_TASK} when it is empty. */
    public static List<PlacementStrategy> forRunTask(List<PlacementStrategy> given) {
        return given == null || given.isEmpty() ? RUN_TASK : given;
    }
}
