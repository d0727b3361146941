package io.ecs4j.model;

/**
 * How a deployment circuit breaker's {@code thresholdConfiguration.value} is read.
 *
 * <p>{@link #value()} is the string the ECS API uses.
 */
public enum ThresholdType {
    /** {@code BOUNDED_PERCENT} */
    BOUNDED_PERCENT("BOUNDED_PERCENT"),
    /** {@code UNBOUNDED_PERCENT} */
    UNBOUNDED_PERCENT("UNBOUNDED_PERCENT"),
    /** {@code COUNT} */
    COUNT("COUNT");

    private final String value;

    ThresholdType(String value) {
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
    public static ThresholdType fromValue(String value) {
        for (ThresholdType candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a valid ThresholdType; valid values are: BOUNDED_PERCENT, UNBOUNDED_PERCENT, COUNT");
    }

    @Override
    public String toString() {
        return value;
    }
}
