package io.ecs4j.internal.reconcile;

import io.ecs4j.model.Deployment;
import io.ecs4j.model.DeploymentStatus;
import io.ecs4j.model.LaunchType;
import io.ecs4j.model.NetworkConfiguration;
import io.ecs4j.model.RolloutState;
import io.ecs4j.model.TaskDefinition;
import java.time.Instant;

/** One deployment of a service. Loop-confined. */
final class DeploymentState {
    final String id;
    final TaskDefinition taskDefinition;
    final LaunchType launchType;
    final String platformVersion;
    final NetworkConfiguration networkConfiguration;
    final Instant createdAt;
    /** Created by a circuit-breaker rollback. */
    final boolean rollback;
    DeploymentStatus status = DeploymentStatus.PRIMARY;
    RolloutState rolloutState = RolloutState.IN_PROGRESS;
    String rolloutStateReason;
    int failedTasks;
    Instant updatedAt;
    private int lastDesired = -1;
    private int lastRunning = -1;
    private int lastPending = -1;

    DeploymentState(String id, TaskDefinition taskDefinition, LaunchType launchType, String platformVersion,
                    NetworkConfiguration networkConfiguration, Instant createdAt, boolean rollback, String reason) {
        this.id = id;
        this.taskDefinition = taskDefinition;
        this.launchType = launchType;
        this.platformVersion = platformVersion;
        this.networkConfiguration = networkConfiguration;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.rollback = rollback;
        this.rolloutStateReason = reason;
    }

    DeploymentView view() {
        return new DeploymentView(id, rolloutState, failedTasks, rollback);
    }

    /** The record DescribeServices shows; {@code updatedAt} moves when the counts change. */
    Deployment snapshot(int desired, int running, int pending, Instant now) {
        if (desired != lastDesired || running != lastRunning || pending != lastPending) {
            if (lastDesired >= 0) {
                updatedAt = now;
            }
            lastDesired = desired;
            lastRunning = running;
            lastPending = pending;
        }
        return Deployment.builder()
                .id(id)
                .status(status)
                .taskDefinition(taskDefinition.taskDefinitionArn())
                .desiredCount(desired)
                .runningCount(running)
                .pendingCount(pending)
                .failedTasks(failedTasks)
                .createdAt(createdAt)
                .updatedAt(updatedAt)
                .launchType(launchType)
                .platformVersion(platformVersion)
                .networkConfiguration(networkConfiguration)
                .rolloutState(rolloutState)
                .rolloutStateReason(rolloutStateReason)
                .build();
    }
}
