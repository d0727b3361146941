package io.ecs4j.model;

/**
 * A task's {@code desiredStatus}. ECS never sets {@link #PENDING}; it exists in the API's enum.
 *
 * <p>{@link #value()} is the string the ECS API uses.
 */
public enum DesiredStatus {
    /** {@code RUNNING} */
    RUNNING("RUNNING"),
    /** {@code PENDING} */
    PENDING("PENDING"),
    /** {@code STOPPED} */
    STOPPED("STOPPED");

    private final String value;

    DesiredStatus(String value) {
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
    public static DesiredStatus fromValue(String value) {
        for (DesiredStatus candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a valid DesiredStatus; valid values are: RUNNING, PENDING, STOPPED");
    }

    @Override
    public String toString() {
        return value;
    }
}
