package io.ecs4j.model;

/**
 * Why a task stopped.
 *
 * <p>{@link #value()} is the string the ECS API uses.
 */
public enum TaskStopCode {
    /** {@code TaskFailedToStart} */
    TASK_FAILED_TO_START("TaskFailedToStart"),
    /** {@code EssentialContainerExited} */
    ESSENTIAL_CONTAINER_EXITED("EssentialContainerExited"),
    /** {@code UserInitiated} */
    USER_INITIATED("UserInitiated"),
    /** {@code ServiceSchedulerInitiated} */
    SERVICE_SCHEDULER_INITIATED("ServiceSchedulerInitiated"),
    /** {@code SpotInterruption} */
    SPOT_INTERRUPTION("SpotInterruption"),
    /** {@code TerminationNotice} */
    TERMINATION_NOTICE("TerminationNotice"),
    /** {@code InfrastructureHealth} */
    INFRASTRUCTURE_HEALTH("InfrastructureHealth");

    private final String value;

    TaskStopCode(String value) {
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
    public static TaskStopCode fromValue(String value) {
        for (TaskStopCode candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a valid TaskStopCode; valid values are: TaskFailedToStart, EssentialContainerExited, UserInitiated, ServiceSchedulerInitiated, SpotInterruption, TerminationNotice, InfrastructureHealth");
    }

    @Override
    public String toString() {
        return value;
    }
}
