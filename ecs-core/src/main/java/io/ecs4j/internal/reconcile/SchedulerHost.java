package io.ecs4j.internal.reconcile;

import io.ecs4j.model.LaunchType;
import io.ecs4j.model.NetworkConfiguration;
import io.ecs4j.model.PlacementConstraint;
import io.ecs4j.model.PlacementStrategy;
import io.ecs4j.model.TaskDefinition;
import io.ecs4j.model.TaskStopCode;
import io.ecs4j.time.Cancellable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the service scheduler needs from its cluster: the task engine, placement, ids, time. Implemented by the engine;
 * every method is called on the cluster's loop.
 */
public interface SchedulerHost {

    Instant now();

    /** Reports the tasks that changed since the last call, through {@link ServiceScheduler#observe}. */
    void collectObservations();

    /**
     * Validates tags given to a service (the same rules as everywhere else).
     *
     * @throws io.ecs4j.EcsException when a tag is invalid
     */
    List<io.ecs4j.model.Tag> validateTags(List<io.ecs4j.model.Tag> tags);

    /** {@code ecs-svc/} and 19 digits. */
    String newDeploymentId();

    /** A UUID for a service event. */
    String newEventId();

    /**
     * A live task this process re-adopted after a restart, in a service's group, not yet counted by any service.
     *
     * @param taskId         the task id
     * @param deploymentId   its {@code startedBy}: the deployment that launched it before the restart
     * @param taskDefinition its task definition revision
     */
    record AdoptedTask(String taskId, String deploymentId, TaskDefinition taskDefinition) {
    }

    /** Re-adopted live tasks of {@code group} (see {@link AdoptedTask}), oldest first. */
    List<AdoptedTask> adoptedTasks(String group);

    /** Makes the scheduler observe these tasks again before its next reconciliation. */
    void touch(List<String> taskIds);

    /**
     * The task definition a CreateService/UpdateService names.
     *
     * @throws io.ecs4j.EcsException {@code ClientException: TaskDefinition not found.} and the like
     */
    TaskDefinition resolveTaskDefinition(String ref);

    /**
     * Checks what a task launch checks: launch type against the task definition's compatibilities, the network
     * configuration against its network mode, the placement constraints and strategies.
     *
     * @throws io.ecs4j.EcsException with RunTask's wording
     */
    void validateLaunch(TaskDefinition taskDefinition, LaunchType launchType, NetworkConfiguration networkConfiguration,
                        List<PlacementConstraint> constraints, List<PlacementStrategy> strategies);

    /**
     * Whether a load balancing backend is configured ({@code LocalEcs.builder().loadBalancer(...)}). Without one, a
     * service's {@code loadBalancers} are validated against the task definition only and no target is registered.
     */
    boolean loadBalancingEnabled();

    /** The backend's target group with this ARN, if it has one (only asked when {@link #loadBalancingEnabled()}). */
    java.util.Optional<io.ecs4j.spi.loadbalancer.TargetGroup> findTargetGroup(String targetGroupArn);

    /** Places and starts {@code count} tasks. */
    LaunchResult launch(ServiceLaunch launch, int count);

    /** Starts one task on {@code instanceId} (DAEMON), or reports why it does not fit there. */
    LaunchResult launchOn(ServiceLaunch launch, String instanceId);

    /** Asks a task to stop (nothing if it is already stopping). */
    void stop(String taskId, TaskStopCode code, String reason);

    /** {@code candidates} in the order a scale-in stops them (ecs-semantics §4.3). */
    List<String> scaleInOrder(String group, List<String> candidates, List<PlacementStrategy> strategies);

    /** The container instances of the cluster that are not ACTIVE (a live view). */
    Set<String> unusableInstances();

    /** DAEMON: the ACTIVE instances satisfying {@code constraints} and {@code requiredAttributes}, in registration order. */
    List<String> eligibleInstances(List<PlacementConstraint> constraints, Set<String> requiredAttributes);

    /** DAEMON: the DRAINING instances that still run tasks of a service in {@code replicaGroups}. */
    Set<String> drainingInstancesRunning(Set<String> replicaGroups);

    /** Runs {@code action} on the loop after {@code delay} (then reconciles). */
    Cancellable schedule(Duration delay, Runnable action);

    /**
     * A service dropped a deployment or became INACTIVE: a task definition it referenced may be unreferenced now
     * (DELETE_IN_PROGRESS revisions go once nothing references them). Default: nothing.
     */
    default void deploymentsReleased() {
    }
}
