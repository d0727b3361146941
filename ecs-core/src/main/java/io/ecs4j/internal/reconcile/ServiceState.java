package io.ecs4j.internal.reconcile;

import io.ecs4j.model.ClusterArn;
import io.ecs4j.model.Deployment;
import io.ecs4j.model.DeploymentConfiguration;
import io.ecs4j.model.DeploymentControllerType;
import io.ecs4j.model.DeploymentStatus;
import io.ecs4j.model.LoadBalancer;
import io.ecs4j.model.PlacementConstraint;
import io.ecs4j.model.PlacementStrategy;
import io.ecs4j.model.SchedulingStrategy;
import io.ecs4j.model.Service;
import io.ecs4j.model.ServiceArn;
import io.ecs4j.model.ServiceStatus;
import io.ecs4j.model.Tag;
import io.ecs4j.model.TaskStatus;
import io.ecs4j.request.CreateServiceRequest;
import io.ecs4j.time.Cancellable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One service: its configuration, its deployments and what the scheduler remembers about it (observed tasks, launch
 * backoff, steady state, events). Loop-confined; {@link #snapshot(Instant)} makes the immutable record readers see.
 */
final class ServiceState {
    final ServiceArn arn;
    final String name;
    final String group;
    final ClusterArn clusterArn;
    final SchedulingStrategy schedulingStrategy;
    final Instant createdAt;
    final String createdBy;
    final long sequence;
    final DeploymentControllerType deploymentController;
    /** The request it was created with (clientToken cleared), for CreateService idempotency. */
    final CreateServiceRequest creationRequest;
    final String clientToken;

    ServiceStatus status = ServiceStatus.ACTIVE;
    int desiredCount;
    /** With both percentages filled in. */
    DeploymentConfiguration deploymentConfiguration;
    List<PlacementConstraint> placementConstraints;
    List<PlacementStrategy> placementStrategy;
    int healthCheckGracePeriodSeconds;
    List<LoadBalancer> loadBalancers;
    String roleArn;
    String propagateTags;
    boolean enableECSManagedTags;
    boolean enableExecuteCommand;
    List<Tag> tags;

    /** The PRIMARY deployment first, then ACTIVE ones, newest first. */
    final List<DeploymentState> deployments = new ArrayList<>();
    /** The last deployment that reached COMPLETED (kept after it leaves the list, for rollbacks). */
    DeploymentState lastCompleted;
    final ServiceEventLog events = new ServiceEventLog();
    /** Tasks not yet STOPPED, oldest first. Change only through {@link #put} and {@link #remove}. */
    final Map<String, ObservedTask> tasks = new LinkedHashMap<>();
    /** Per deployment id: tasks RUNNING, PENDING (before RUNNING) and asked to run; kept in step with {@link #tasks}. */
    private final Map<String, int[]> counts = new HashMap<>();
    /** Consecutive tasks that never reached RUNNING (launch backoff). */
    int startFailures;
    Instant launchNotBefore;
    boolean impairedReported;
    boolean steady;
    /** The last launch could not place every task; capacity changes are worth a look. */
    boolean waitingForCapacity;
    /** DAEMON: the number of eligible instances when last reconciled. */
    int daemonDesired;
    Cancellable wakeTimer;
    Instant wakeAt;
    /** Re-posts "has reached a steady state" while the service stays steady (ECS repeats it periodically). */
    Cancellable steadyReminder;

    private static final int[] NONE = new int[3];

    ServiceState(ServiceArn arn, ClusterArn clusterArn, SchedulingStrategy schedulingStrategy, Instant createdAt,
                 String createdBy, long sequence, DeploymentControllerType deploymentController,
                 CreateServiceRequest creationRequest, String clientToken) {
        this.arn = arn;
        this.name = arn.serviceName();
        this.group = "service:" + name;
        this.clusterArn = clusterArn;
        this.schedulingStrategy = schedulingStrategy;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.sequence = sequence;
        this.deploymentController = deploymentController;
        this.creationRequest = creationRequest;
        this.clientToken = clientToken;
    }

    /** Records {@code task} (new or changed). */
    void put(ObservedTask task) {
        ObservedTask previous = tasks.put(task.taskId(), task);
        count(previous, -1);
        count(task, 1);
    }

    /** Forgets a task that reached STOPPED; returns what was known of it, or null. */
    ObservedTask remove(String taskId) {
        ObservedTask previous = tasks.remove(taskId);
        count(previous, -1);
        return previous;
    }

    private void count(ObservedTask t, int delta) {
        if (t == null) {
            return;
        }
        int[] c = counts.computeIfAbsent(t.deploymentId(), k -> new int[3]);
        if (t.lastStatus() == TaskStatus.RUNNING) {
            c[0] += delta;
        } else if (t.lastStatus().compareTo(TaskStatus.RUNNING) < 0) {
            c[1] += delta;
        }
        if (t.live()) {
            c[2] += delta;
        }
    }

    DeploymentState primary() {
        return deployments.get(0);
    }

    DeploymentState deployment(String id) {
        for (DeploymentState d : deployments) {
            if (d.id.equals(id)) {
                return d;
            }
        }
        return null;
    }

    boolean isDaemon() {
        return schedulingStrategy == SchedulingStrategy.DAEMON;
    }

    /** The desired count as shown: DAEMON services show their eligible instances; deleted services 0. */
    int effectiveDesiredCount() {
        if (status != ServiceStatus.ACTIVE) {
            return 0;
        }
        return isDaemon() ? daemonDesired : desiredCount;
    }

    /** Makes {@code deployment} the PRIMARY one; the previous PRIMARY becomes ACTIVE. */
    void addDeployment(DeploymentState deployment) {
        for (DeploymentState d : deployments) {
            d.status = DeploymentStatus.ACTIVE;
        }
        deployments.add(0, deployment);
        startFailures = 0;
        launchNotBefore = null;
        impairedReported = false;
    }

    DesiredService desired() {
        List<DeploymentView> views = new ArrayList<>(deployments.size());
        for (DeploymentState d : deployments) {
            views.add(d.view());
        }
        return new DesiredService(name, schedulingStrategy, status, effectiveDesiredCount(),
                deploymentConfiguration.minimumHealthyPercent(), deploymentConfiguration.maximumPercent(),
                Duration.ofSeconds(healthCheckGracePeriodSeconds), deploymentConfiguration.deploymentCircuitBreaker(),
                views, lastCompleted != null);
    }

    /** The record DescribeServices returns. */
    Service snapshot(Instant now) {
        int running = 0;
        int pending = 0;
        for (int[] c : counts.values()) {
            running += c[0];
            pending += c[1];
        }
        List<Deployment> deploymentViews = new ArrayList<>(deployments.size());
        for (DeploymentState d : deployments) {
            int[] c = counts.getOrDefault(d.id, NONE);
            int desired = d.status == DeploymentStatus.PRIMARY ? effectiveDesiredCount() : c[2];
            deploymentViews.add(d.snapshot(desired, c[0], c[1], now));
        }
        DeploymentState primary = primary();
        return Service.builder()
                .serviceArn(arn)
                .serviceName(name)
                .clusterArn(clusterArn)
                .status(status)
                .desiredCount(effectiveDesiredCount())
                .runningCount(running)
                .pendingCount(pending)
                .launchType(primary.launchType)
                .platformVersion(primary.platformVersion)
                .taskDefinition(primary.taskDefinition.taskDefinitionArn())
                .deploymentConfiguration(deploymentConfiguration)
                .deployments(deploymentViews)
                .events(events.snapshot())
                .roleArn(roleArn)
                .createdAt(createdAt)
                .createdBy(createdBy)
                .placementConstraints(placementConstraints)
                .placementStrategy(placementStrategy)
                .networkConfiguration(primary.networkConfiguration)
                .healthCheckGracePeriodSeconds(healthCheckGracePeriodSeconds)
                .schedulingStrategy(schedulingStrategy)
                .deploymentController(deploymentController)
                .loadBalancers(loadBalancers)
                .enableECSManagedTags(enableECSManagedTags)
                .propagateTags(propagateTags)
                .enableExecuteCommand(enableExecuteCommand)
                .tags(tags)
                .build();
    }
}
