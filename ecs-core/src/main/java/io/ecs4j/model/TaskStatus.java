package io.ecs4j.model;

/**
 * A task's {@code lastStatus}, in lifecycle order. A task never moves to an earlier status.
 *
 * <p>{@link #value()} is the string the ECS API uses.
 */
public enum TaskStatus {
    /** {@code PROVISIONING} */
    PROVISIONING("PROVISIONING"),
    /** {@code PENDING} */
    PENDING("PENDING"),
    /** {@code ACTIVATING} */
    ACTIVATING("ACTIVATING"),
    /** {@code RUNNING} */
    RUNNING("RUNNING"),
    /** {@code DEACTIVATING} */
    DEACTIVATING("DEACTIVATING"),
    /** {@code STOPPING} */
    STOPPING("STOPPING"),
    /** {@code DEPROVISIONING} */
    DEPROVISIONING("DEPROVISIONING"),
    /** {@code STOPPED} */
    STOPPED("STOPPED");

    private final String value;

    TaskStatus(String value) {
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
    public static TaskStatus fromValue(String value) {
        for (TaskStatus candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a valid TaskStatus; valid values are: PROVISIONING, PENDING, ACTIVATING, RUNNING, DEACTIVATING, STOPPING, DEPROVISIONING, STOPPED");
    }

    @Override
    public String toString() {
        return value;
    }
}
