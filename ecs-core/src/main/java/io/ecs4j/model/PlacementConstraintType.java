package io.ecs4j.model;

/**
 * The kind of a placement constraint. Task definitions allow only {@link #MEMBER_OF}.
 *
 * <p>{@link #value()} is the string the ECS API uses.
 */
public enum PlacementConstraintType {
    /** {@code distinctInstance} */
    DISTINCT_INSTANCE("distinctInstance"),
    /** {@code memberOf} */
    MEMBER_OF("memberOf");

    private final String value;

    PlacementConstraintType(String value) {
        this.value = value;
    }

    /** The value as the ECS API spells it. */
    public String value() {
        return value;
    }

    /**
     * The constant whose {@linkplain #value() ECS value} is {@code value} (exact match).
     *
     * @throws IllegalArgumentException naming the valid values when there is no such constant
     */
    public static PlacementConstraintType fromValue(String value) {
        for (PlacementConstraintType candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a valid PlacementConstraintType; valid values are: distinctInstance, memberOf");
    }

    @Override
    public String toString() {
        return value;
    }
}
