package io.ecs4j.model;

/**
 * Whether a task is connected to the control plane.
 *
 * <p>{@link #value()} is the string the ECS API uses.
 */
public enum Connectivity {
    /** {@code CONNECTED} */
    CONNECTED("CONNECTED"),
    /** {@code DISCONNECTED} */
    DISCONNECTED("DISCONNECTED");

    private final String value;

    Connectivity(String value) {
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
    public static Connectivity fromValue(String value) {
        for (Connectivity candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a valid Connectivity; valid values are: CONNECTED, DISCONNECTED");
    }

    @Override
    public String toString() {
        return value;
    }
}
