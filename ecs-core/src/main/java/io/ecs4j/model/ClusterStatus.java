package io.ecs4j.model;

/**
 * The status of a cluster; {@link #INACTIVE} means deleted but still describable.
 *
 * <p>{@link #value()} is the string the ECS API uses.
 */
public enum ClusterStatus {
    /** {@code ACTIVE} */
    ACTIVE("ACTIVE"),
    /** {@code PROVISIONING} */
    PROVISIONING("PROVISIONING"),
    /** {@code DEPROVISIONING} */
    DEPROVISIONING("DEPROVISIONING"),
    /** {@code FAILED} */
    FAILED("FAILED"),
    /** {@code INACTIVE} */
    INACTIVE("INACTIVE");

    private final String value;

    ClusterStatus(String value) {
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
    public static ClusterStatus fromValue(String value) {
        for (ClusterStatus candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a valid ClusterStatus; valid values are: ACTIVE, PROVISIONING, DEPROVISIONING, FAILED, INACTIVE");
    }

    @Override
    public String toString() {
        return value;
    }
}
