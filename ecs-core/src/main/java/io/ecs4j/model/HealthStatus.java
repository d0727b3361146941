package io.ecs4j.model;

/**
 * The health of a container or a task.
 *
 * <p>{@link #value()} is the string the ECS API uses.
 */
public enum HealthStatus {
    /** {@code HEALTHY} */
    HEALTHY("HEALTHY"),
    /** {@code UNHEALTHY} */
    UNHEALTHY("UNHEALTHY"),
    /** {@code UNKNOWN} */
    UNKNOWN("UNKNOWN");

    private final String value;

    HealthStatus(String value) {
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
    public static HealthStatus fromValue(String value) {
        for (HealthStatus candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a valid HealthStatus; valid values are: HEALTHY, UNHEALTHY, UNKNOWN");
    }

    @Override
    public String toString() {
        return value;
    }
}
