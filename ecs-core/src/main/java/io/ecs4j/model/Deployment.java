package io.ecs4j.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One deployment of a service: a task definition and configuration the scheduler is rolling out (PRIMARY) or rolling away from (ACTIVE).
 *
 * <p>Immutable; build with {@link #builder()}. Lists and maps are unmodifiable and never null.
 *
 * @param id {@code ecs-svc/} and 19 digits; not null
 * @param status PRIMARY, ACTIVE or INACTIVE; not null
 * @param taskDefinition the task definition; not null
 * @param desiredCount tasks this deployment should run (the service's desired count for the PRIMARY one)
 * @param pendingCount its tasks in PENDING
 * @param runningCount its tasks in RUNNING
 * @param failedTasks consecutive failed tasks counted by the circuit breaker
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param launchType EC2, FARGATE or EXTERNAL
 * @param platformVersion Fargate platform version, or null
 * @param networkConfiguration awsvpc network configuration, or null
 * @param rolloutState IN_PROGRESS, COMPLETED or FAILED
 * @param rolloutStateReason for example {@code ECS deployment ecs-svc/... completed.}
 */
public record Deployment(
        String id,
        DeploymentStatus status,
        TaskDefinitionArn taskDefinition,
        int desiredCount,
        int pendingCount,
        int runningCount,
        int failedTasks,
        Instant createdAt,
        Instant updatedAt,
        LaunchType launchType,
        String platformVersion,
        NetworkConfiguration networkConfiguration,
        RolloutState rolloutState,
        String rolloutStateReason) {

    public Deployment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(taskDefinition, "taskDefinition");
    }

    /** A new builder with every component unset (or at its documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.status = status;
        b.taskDefinition = taskDefinition;
        b.desiredCount = desiredCount;
        b.pendingCount = pendingCount;
        b.runningCount = runningCount;
        b.failedTasks = failedTasks;
        b.createdAt = createdAt;
        b.updatedAt = updatedAt;
        b.launchType = launchType;
        b.platformVersion = platformVersion;
        b.networkConfiguration = networkConfiguration;
        b.rolloutState = rolloutState;
        b.rolloutStateReason = rolloutStateReason;
        return b;
    }

    /** Builds a {@link Deployment}. Not thread-safe. */
    public static final class Builder {
        private String id;
        private DeploymentStatus status;
        private TaskDefinitionArn taskDefinition;
        private int desiredCount;
        private int pendingCount;
        private int runningCount;
        private int failedTasks;
        private Instant createdAt;
        private Instant updatedAt;
        private LaunchType launchType;
        private String platformVersion;
        private NetworkConfiguration networkConfiguration;
        private RolloutState rolloutState;
        private String rolloutStateReason;

        private Builder() {
        }

        /** Sets {@code id}: {@code ecs-svc/} and 19 digits; not null. */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** Sets {@code status}: PRIMARY, ACTIVE or INACTIVE; not null. */
        public Builder status(DeploymentStatus status) {
            this.status = status;
            return this;
        }

        /** Sets {@code taskDefinition}: the task definition; not null. */
        public Builder taskDefinition(TaskDefinitionArn taskDefinition) {
            this.taskDefinition = taskDefinition;
            return this;
        }

        /** Sets {@code desiredCount}: tasks this deployment should run (the service's desired count for the PRIMARY one). */
        public Builder desiredCount(int desiredCount) {
            this.desiredCount = desiredCount;
            return this;
        }

        /** Sets {@code pendingCount}: its tasks in PENDING. */
        public Builder pendingCount(int pendingCount) {
            this.pendingCount = pendingCount;
            return this;
        }

        /** Sets {@code runningCount}: its tasks in RUNNING. */
        public Builder runningCount(int runningCount) {
            this.runningCount = runningCount;
            return this;
        }

        /** Sets {@code failedTasks}: consecutive failed tasks counted by the circuit breaker. */
        public Builder failedTasks(int failedTasks) {
            this.failedTasks = failedTasks;
            return this;
        }

        /** Sets {@code createdAt}: when it was created. */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /** Sets {@code updatedAt}: when it last changed. */
        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        /** Sets {@code launchType}: EC2, FARGATE or EXTERNAL. */
        public Builder launchType(LaunchType launchType) {
            this.launchType = launchType;
            return this;
        }

        /** Sets {@code platformVersion}: Fargate platform version, or null. */
        public Builder platformVersion(String platformVersion) {
            this.platformVersion = platformVersion;
            return this;
        }

        /** Sets {@code networkConfiguration}: awsvpc network configuration, or null. */
        public Builder networkConfiguration(NetworkConfiguration networkConfiguration) {
            this.networkConfiguration = networkConfiguration;
            return this;
        }

        /** Sets {@code rolloutState}: IN_PROGRESS, COMPLETED or FAILED. */
        public Builder rolloutState(RolloutState rolloutState) {
            this.rolloutState = rolloutState;
            return this;
        }

        /** Sets {@code rolloutStateReason}: for example {@code ECS deployment ecs-svc/... completed.}. */
        public Builder rolloutStateReason(String rolloutStateReason) {
            this.rolloutStateReason = rolloutStateReason;
            return this;
        }

        /** Builds the record. */
        public Deployment build() {
            return new Deployment(id, status, taskDefinition, desiredCount, pendingCount, runningCount, failedTasks, createdAt, updatedAt, launchType, platformVersion, networkConfiguration, rolloutState, rolloutStateReason);
        }
    }
}
