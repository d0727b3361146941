package io.ecs4j.model;

/**
 * The rollout state of a deployment of the rolling-update ({@code ECS}) controller.
 *
 * <p>{@link #value()} is the string the ECS API uses.
 */
public enum RolloutState {
    /** {@code IN_PROGRESS} */
    IN_PROGRESS("IN_PROGRESS"),
    /** {@code COMPLETED} */
    COMPLETED("COMPLETED"),
    /** {@code FAILED} */
    FAILED("FAILED");

    private final String value;

    RolloutState(String value) {
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
    public static RolloutState fromValue(String value) {
        for (RolloutState candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a valid RolloutState; valid values are: IN_PROGRESS, COMPLETED, FAILED");
    }

    @Override
    public String toString() {
        return value;
    }
}
