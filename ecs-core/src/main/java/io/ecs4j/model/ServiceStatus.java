package io.ecs4j.model;

/**
 * The status of a service: ACTIVE, DRAINING while it is being deleted, INACTIVE once deleted.
 *
 * <p>{@link #value()} is the string the ECS API uses.
 */
public enum ServiceStatus {
    /** {@code ACTIVE} */
    ACTIVE("ACTIVE"),
    /** {@code DRAINING} */
    DRAINING("DRAINING"),
    /** {@code INACTIVE} */
    INACTIVE("INACTIVE");

    private final String value;

    ServiceStatus(String value) {
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
    public static ServiceStatus fromValue(String value) {
        for (ServiceStatus candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a valid ServiceStatus; valid values are: ACTIVE, DRAINING, INACTIVE");
    }

    @Override
    public String toString() {
        return value;
    }
}
