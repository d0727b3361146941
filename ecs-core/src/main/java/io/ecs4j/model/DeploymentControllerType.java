package io.ecs4j.model;

/**
 * The deployment controller of a service; ecs4j runs the rolling-update controller {@code ECS}.
 *
 * <p>{@link #value()} is the string the ECS API uses.
 */
public enum DeploymentControllerType {
    /** {@code ECS} */
    ECS("ECS"),
    /** {@code CODE_DEPLOY} */
    CODE_DEPLOY("CODE_DEPLOY"),
    /** {@code EXTERNAL} */
    EXTERNAL("EXTERNAL");

    private final String value;

    DeploymentControllerType(String value) {
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
    public static DeploymentControllerType fromValue(String value) {
        for (DeploymentControllerType candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a valid DeploymentControllerType; valid values are: ECS, CODE_DEPLOY, EXTERNAL");
    }

    @Override
    public String toString() {
        return value;
    }
}
