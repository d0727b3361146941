package io.ecs4j.model;

/**
 * How a service places its tasks: {@code REPLICA} keeps {@code desiredCount} tasks, {@code DAEMON} one task per eligible container instance.
 *
 * <p>{@link #value()} is the string the ECS API uses.
 */
public enum SchedulingStrategy {
    /** {@code REPLICA} */
    REPLICA("REPLICA"),
    /** {@code DAEMON} */
    DAEMON("DAEMON");

    private final String value;

    SchedulingStrategy(String value) {
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
    public static SchedulingStrategy fromValue(String value) {
        for (SchedulingStrategy candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a valid SchedulingStrategy; valid values are: REPLICA, DAEMON");
    }

    @Override
    public String toString() {
        return value;
    }
}
