package io.ecs4j.model;

/**
 * The Docker networking mode of a task's containers. An unset network mode behaves as {@link #BRIDGE} on Linux.
 *
 * <p>{@link #value()} is the string the ECS API uses.
 */
public enum NetworkMode {
    /** {@code bridge} */
    BRIDGE("bridge"),
    /** {@code host} */
    HOST("host"),
    /** {@code awsvpc} */
    AWSVPC("awsvpc"),
    /** {@code none} */
    NONE("none");

    private final String value;

    NetworkMode(String value) {
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
    public static NetworkMode fromValue(String value) {
        for (NetworkMode candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a valid NetworkMode; valid values are: bridge, host, awsvpc, none");
    }

    @Override
    public String toString() {
        return value;
    }
}
