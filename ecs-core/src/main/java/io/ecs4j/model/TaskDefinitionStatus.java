package io.ecs4j.model;

/**
 * The status of a task definition revision: ACTIVE, then INACTIVE once deregistered, then DELETE_IN_PROGRESS once deleted.
 *
 * <p>{@link #value()} is the string the ECS API uses.
 */
public enum TaskDefinitionStatus {
    /** {@code ACTIVE} */
    ACTIVE("ACTIVE"),
    /** {@code INACTIVE} */
    INACTIVE("INACTIVE"),
    /** {@code DELETE_IN_PROGRESS} */
    DELETE_IN_PROGRESS("DELETE_IN_PROGRESS");

    private final String value;

    TaskDefinitionStatus(String value) {
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
    public static TaskDefinitionStatus fromValue(String value) {
        for (TaskDefinitionStatus candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a valid TaskDefinitionStatus; valid values are: ACTIVE, INACTIVE, DELETE_IN_PROGRESS");
    }

    @Override
    public String toString() {
        return value;
    }
}
