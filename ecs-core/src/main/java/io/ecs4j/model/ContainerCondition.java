package io.ecs4j.model;

/**
 * The condition a {@code dependsOn} entry waits for on its dependency container.
 *
 * <p>{@link #value()} is the string the ECS API uses.
 */
public enum ContainerCondition {
    /** {@code START} */
    START("START"),
    /** {@code COMPLETE} */
    COMPLETE("COMPLETE"),
    /** {@code SUCCESS} */
    SUCCESS("SUCCESS"),
    /** {@code HEALTHY} */
    HEALTHY("HEALTHY");

    private final String value;

    ContainerCondition(String value) {
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
    public static ContainerCondition fromValue(String value) {
        for (ContainerCondition candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a valid ContainerCondition; valid values are: START, COMPLETE, SUCCESS, HEALTHY");
    }

    @Override
    public String toString() {
        return value;
    }
}
