package io.ecs4j.model;

/**
 * The status of a service deployment: PRIMARY (the newest), ACTIVE (older ones still running tasks), INACTIVE (done).
 *
 * <p>{@link #value()} is the string the ECS API uses.
 */
public enum DeploymentStatus {
    /** {@code PRIMARY} */
    PRIMARY("PRIMARY"),
    /** {@code ACTIVE} */
    ACTIVE("ACTIVE"),
    /** {@code INACTIVE} */
    INACTIVE("INACTIVE");

    private final String value;

    DeploymentStatus(String value) {
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
    public static DeploymentStatus fromValue(String value) {
        for (DeploymentStatus candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a valid DeploymentStatus; valid values are: PRIMARY, ACTIVE, INACTIVE");
    }

    @Override
    public String toString() {
        return value;
    }
}
