package io.ecs4j.model;

/**
 * The kind of a placement strategy.
 *
 * <p>{@link #value()} is the string the ECS API uses.
 */
public enum PlacementStrategyType {
    /** {@code random} */
    RANDOM("random"),
    /** {@code spread} */
    SPREAD("spread"),
    /** {@code binpack} */
    BINPACK("binpack");

    private final String value;

    PlacementStrategyType(String value) {
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
    public static PlacementStrategyType fromValue(String value) {
        for (PlacementStrategyType candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a valid PlacementStrategyType; valid values are: random, spread, binpack");
    }

    @Override
    public String toString() {
        return value;
    }
}
