package io.ecs4j.model;

import java.util.Objects;

/**
 * A placement strategy: {@code random}, {@code spread(field)} or {@code binpack(field)}.
 *
 * <p>Immutable. Lists and maps are unmodifiable and never null.
 *
 * @param type the type; not null
 * @param field {@code instanceId}, {@code host} or {@code attribute:<name>} for spread; {@code cpu} or {@code memory} for binpack; null for random
 */
public record PlacementStrategy(
        PlacementStrategyType type,
        String field) {

    public PlacementStrategy {
        Objects.requireNonNull(type, "type");
    }

    /** {@code random}. */
    public static PlacementStrategy random() {
        return new PlacementStrategy(PlacementStrategyType.RANDOM, null);
    }

    /** {@code spread(field)}. */
    public static PlacementStrategy spread(String field) {
        return new PlacementStrategy(PlacementStrategyType.SPREAD, field);
    }

    /** {@code binpack(field)}. */
    public static PlacementStrategy binpack(String field) {
        return new PlacementStrategy(PlacementStrategyType.BINPACK, field);
    }

}
