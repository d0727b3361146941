package io.ecs4j.model;

import java.util.Objects;

/**
 * A placement constraint: {@code distinctInstance}, or {@code memberOf} with a cluster query language expression.
 *
 * <p>Immutable. Lists and maps are unmodifiable and never null.
 *
 * @param type the type; not null
 * @param expression the expression for memberOf, else null
 */
public record PlacementConstraint(
        PlacementConstraintType type,
        String expression) {

    public PlacementConstraint {
        Objects.requireNonNull(type, "type");
    }

    /** {@code memberOf(expression)}. */
    public static PlacementConstraint memberOf(String expression) {
        return new PlacementConstraint(PlacementConstraintType.MEMBER_OF, expression);
    }

    /** {@code distinctInstance}. */
    public static PlacementConstraint distinctInstance() {
        return new PlacementConstraint(PlacementConstraintType.DISTINCT_INSTANCE, null);
    }

}
