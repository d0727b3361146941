package io.ecs4j.model;

/**
 * The status of a container instance. Only {@link #ACTIVE} and {@link #DRAINING} can be set through UpdateContainerInstancesState; {@link #INACTIVE} means deregistered.
 *
 * <p>{@link #value()} is the string the ECS API uses.
 */
public enum ContainerInstanceStatus {
    /** {@code REGISTERING} */
    REGISTERING("REGISTERING"),
    /** {@code REGISTRATION_FAILED} */
    REGISTRATION_FAILED("REGISTRATION_FAILED"),
    /** {@code ACTIVE} */
    ACTIVE("ACTIVE"),
    /** {@code INACTIVE} */
    INACTIVE("INACTIVE"),
    /** {@code DEREGISTERING} */
    DEREGISTERING("DEREGISTERING"),
    /** {@code DRAINING} */
    DRAINING("DRAINING");

    private final String value;

    ContainerInstanceStatus(String value) {
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
    public static ContainerInstanceStatus fromValue(String value) {
        for (ContainerInstanceStatus candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a valid ContainerInstanceStatus; valid values are: REGISTERING, REGISTRATION_FAILED, ACTIVE, INACTIVE, DEREGISTERING, DRAINING");
    }

    @Override
    public String toString() {
        return value;
    }
}
