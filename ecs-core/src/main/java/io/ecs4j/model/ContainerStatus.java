package io.ecs4j.model;

/**
 * A container's {@code lastStatus} as ECS reports it.
 *
 * <p>{@link #value()} is the string the ECS API uses.
 */
public enum ContainerStatus {
    /** {@code PENDING} */
    PENDING("PENDING"),
    /** {@code RUNNING} */
    RUNNING("RUNNING"),
    /** {@code STOPPED} */
    STOPPED("STOPPED");

    private final String value;

    ContainerStatus(String value) {
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
    public static ContainerStatus fromValue(String value) {
        for (ContainerStatus candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a valid ContainerStatus; valid values are: PENDING, RUNNING, STOPPED");
    }

    @Override
    public String toString() {
        return value;
    }
}
