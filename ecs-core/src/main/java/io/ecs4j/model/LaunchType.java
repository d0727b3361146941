package io.ecs4j.model;

/**
 * Where a task runs; also the values of a task definition's {@code requiresCompatibilities} and {@code compatibilities}.
 *
 * <p>{@link #value()} is the string the ECS API uses.
 */
public enum LaunchType {
    /** {@code EC2} */
    EC2("EC2"),
    /** {@code FARGATE} */
    FARGATE("FARGATE"),
    /** {@code EXTERNAL} */
    EXTERNAL("EXTERNAL"),
    /** {@code MANAGED_INSTANCES} */
    MANAGED_INSTANCES("MANAGED_INSTANCES");

    private final String value;

    LaunchType(String value) {
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
    public static LaunchType fromValue(String value) {
        for (LaunchType candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a valid LaunchType; valid values are: EC2, FARGATE, EXTERNAL, MANAGED_INSTANCES");
    }

    @Override
    public String toString() {
        return value;
    }
}
