package io.ecs4j.internal.reconcile;

import io.ecs4j.model.DesiredStatus;
import io.ecs4j.model.HealthStatus;
import io.ecs4j.model.TaskStatus;
import java.time.Instant;

/**
 * What the scheduler knows about one not-yet-STOPPED task of a service. Immutable.
 *
 * @param taskId         the task id
 * @param deploymentId   the deployment that started it ({@code startedBy})
 * @param instanceId     the container instance, or null (Fargate)
 * @param lastStatus     its last status
 * @param desiredStatus  RUNNING, or STOPPED once something asked it to stop
 * @param health         the task's health from its essential containers
 * @param hasHealthCheck whether an essential container has a health check
 * @param startedAt      when it reached RUNNING, or null
 * @param seenHealthy    whether the scheduler has already counted it healthy (circuit-breaker reset)
 * @param targets        the health of its load balancer targets ({@link TargetsHealth#NONE} without load balancer)
 * @param unhealthyTargetGroup the target group in which a target is unhealthy, or null
 */
public record ObservedTask(String taskId, String deploymentId, String instanceId, TaskStatus lastStatus,
                           DesiredStatus desiredStatus, HealthStatus health, boolean hasHealthCheck, Instant startedAt,
                           boolean seenHealthy, TargetsHealth targets, String unhealthyTargetGroup) {

    public ObservedTask {
        java.util.Objects.requireNonNull(targets, "targets");
    }

    /** A task without load balancer. */
    public ObservedTask(String taskId, String deploymentId, String instanceId, TaskStatus lastStatus,
                        DesiredStatus desiredStatus, HealthStatus health, boolean hasHealthCheck, Instant startedAt,
                        boolean seenHealthy) {
        this(taskId, deploymentId, instanceId, lastStatus, desiredStatus, health, hasHealthCheck, startedAt,
                seenHealthy, TargetsHealth.NONE, null);
    }

    /** Whether the task registers with a load balancer: then its targets' health decides (no 40-second rule). */
    public boolean loadBalanced() {
        return targets != TargetsHealth.NONE;
    }

    /** Asked to keep running (PENDING or RUNNING, not being stopped). */
    public boolean live() {
        return desiredStatus == DesiredStatus.RUNNING;
    }

    /** Being stopped but not STOPPED yet: still holds its resources and counts toward maximumPercent. */
    public boolean stopping() {
        return desiredStatus != DesiredStatus.RUNNING;
    }

    /** Whether the fields the scheduler decides on differ from {@code other}'s. */
    public boolean differsFrom(ObservedTask other) {
        return other == null || lastStatus != other.lastStatus || desiredStatus != other.desiredStatus
                || health != other.health || !java.util.Objects.equals(startedAt, other.startedAt)
                || targets != other.targets;
    }

    /** This task, counted healthy. */
    public ObservedTask withSeenHealthy() {
        return new ObservedTask(taskId, deploymentId, instanceId, lastStatus, desiredStatus, health, hasHealthCheck,
                startedAt, true, targets, unhealthyTargetGroup);
    }
}
