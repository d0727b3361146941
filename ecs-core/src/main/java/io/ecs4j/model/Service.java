package io.ecs4j.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A service: keeps a number of copies of a task definition running (REPLICA) or one per container instance (DAEMON), replaces tasks that stop, and rolls out new task definitions, as DescribeServices shows it.
 *
 * <p>Immutable; build with {@link #builder()}. Lists and maps are unmodifiable and never null.
 *
 * @param serviceArn the ARN; not null
 * @param serviceName the name; not null
 * @param clusterArn the cluster; not null
 * @param status ACTIVE, DRAINING (being deleted) or INACTIVE (deleted); not null
 * @param desiredCount tasks it keeps running; for DAEMON the number of eligible container instances
 * @param runningCount its tasks in RUNNING, over all deployments
 * @param pendingCount its tasks in PENDING, over all deployments
 * @param launchType EC2, FARGATE or EXTERNAL
 * @param platformVersion Fargate platform version, or null
 * @param taskDefinition the task definition of the PRIMARY deployment
 * @param deploymentConfiguration with ECS's defaults filled in
 * @param deployments the PRIMARY deployment first, then ACTIVE ones, newest first
 * @param events newest first, at most 100
 * @param roleArn the service role, or null
 * @param createdAt when it was created
 * @param createdBy who created it
 * @param placementConstraints placement constraints
 * @param placementStrategy placement strategies as given (empty: ECS's default spread over zones, then instances)
 * @param networkConfiguration awsvpc network configuration, or null
 * @param healthCheckGracePeriodSeconds seconds after a task starts during which failing health checks are ignored
 * @param schedulingStrategy REPLICA or DAEMON
 * @param deploymentController ECS
 * @param loadBalancers load balancers
 * @param enableECSManagedTags whether tasks get ECS managed tags
 * @param propagateTags {@code TASK_DEFINITION}, {@code SERVICE} or {@code NONE}
 * @param enableExecuteCommand ECS Exec
 * @param tags tags
 */
public record Service(
        ServiceArn serviceArn,
        String serviceName,
        ClusterArn clusterArn,
        ServiceStatus status,
        int desiredCount,
        int runningCount,
        int pendingCount,
        LaunchType launchType,
        String platformVersion,
        TaskDefinitionArn taskDefinition,
        DeploymentConfiguration deploymentConfiguration,
        List<Deployment> deployments,
        List<ServiceEvent> events,
        String roleArn,
        Instant createdAt,
        String createdBy,
        List<PlacementConstraint> placementConstraints,
        List<PlacementStrategy> placementStrategy,
        NetworkConfiguration networkConfiguration,
        int healthCheckGracePeriodSeconds,
        SchedulingStrategy schedulingStrategy,
        DeploymentControllerType deploymentController,
        List<LoadBalancer> loadBalancers,
        boolean enableECSManagedTags,
        String propagateTags,
        boolean enableExecuteCommand,
        List<Tag> tags) {

    public Service {
        Objects.requireNonNull(serviceArn, "serviceArn");
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(clusterArn, "clusterArn");
        Objects.requireNonNull(status, "status");
        deployments = deployments == null ? List.of() : List.copyOf(deployments);
        events = events == null ? List.of() : List.copyOf(events);
        placementConstraints = placementConstraints == null ? List.of() : List.copyOf(placementConstraints);
        placementStrategy = placementStrategy == null ? List.of() : List.copyOf(placementStrategy);
        loadBalancers = loadBalancers == null ? List.of() : List.copyOf(loadBalancers);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The PRIMARY deployment, or null (never null for a service made by ecs4j). */
    public Deployment primaryDeployment() {
        for (Deployment d : deployments) {
            if (d.status() == DeploymentStatus.PRIMARY) {
                return d;
            }
        }
        return null;
    }

    /** What the {@code services-stable} waiter checks: exactly one deployment and {@code runningCount == desiredCount}. */
    public boolean isStable() {
        return status == ServiceStatus.ACTIVE && deployments.size() == 1 && runningCount == desiredCount;
    }

    /** A new builder with every component unset (or at its documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.serviceArn = serviceArn;
        b.serviceName = serviceName;
        b.clusterArn = clusterArn;
        b.status = status;
        b.desiredCount = desiredCount;
        b.runningCount = runningCount;
        b.pendingCount = pendingCount;
        b.launchType = launchType;
        b.platformVersion = platformVersion;
        b.taskDefinition = taskDefinition;
        b.deploymentConfiguration = deploymentConfiguration;
        b.deployments = deployments;
        b.events = events;
        b.roleArn = roleArn;
        b.createdAt = createdAt;
        b.createdBy = createdBy;
        b.placementConstraints = placementConstraints;
        b.placementStrategy = placementStrategy;
        b.networkConfiguration = networkConfiguration;
        b.healthCheckGracePeriodSeconds = healthCheckGracePeriodSeconds;
        b.schedulingStrategy = schedulingStrategy;
        b.deploymentController = deploymentController;
        b.loadBalancers = loadBalancers;
        b.enableECSManagedTags = enableECSManagedTags;
        b.propagateTags = propagateTags;
        b.enableExecuteCommand = enableExecuteCommand;
        b.tags = tags;
        return b;
    }

    /** Builds a {@link Service}. Not thread-safe. */
    public static final class Builder {
        private ServiceArn serviceArn;
        private String serviceName;
        private ClusterArn clusterArn;
        private ServiceStatus status;
        private int desiredCount;
        private int runningCount;
        private int pendingCount;
        private LaunchType launchType;
        private String platformVersion;
        private TaskDefinitionArn taskDefinition;
        private DeploymentConfiguration deploymentConfiguration;
        private List<Deployment> deployments = List.of();
        private List<ServiceEvent> events = List.of();
        private String roleArn;
        private Instant createdAt;
        private String createdBy;
        private List<PlacementConstraint> placementConstraints = List.of();
        private List<PlacementStrategy> placementStrategy = List.of();
        private NetworkConfiguration networkConfiguration;
        private int healthCheckGracePeriodSeconds;
        private SchedulingStrategy schedulingStrategy;
        private DeploymentControllerType deploymentController;
        private List<LoadBalancer> loadBalancers = List.of();
        private boolean enableECSManagedTags;
        private String propagateTags;
        private boolean enableExecuteCommand;
        private List<Tag> tags = List.of();

        private Builder() {
        }

        /** Sets {@code serviceArn}: the ARN; not null. */
        public Builder serviceArn(ServiceArn serviceArn) {
            this.serviceArn = serviceArn;
            return this;
        }

        /** Sets {@code serviceName}: the name; not null. */
        public Builder serviceName(String serviceName) {
            this.serviceName = serviceName;
            return this;
        }

        /** Sets {@code clusterArn}: the cluster; not null. */
        public Builder clusterArn(ClusterArn clusterArn) {
            this.clusterArn = clusterArn;
            return this;
        }

        /** Sets {@code status}: ACTIVE, DRAINING (being deleted) or INACTIVE (deleted); not null. */
        public Builder status(ServiceStatus status) {
            this.status = status;
            return this;
        }

        /** Sets {@code desiredCount}: tasks it keeps running; for DAEMON the number of eligible container instances. */
        public Builder desiredCount(int desiredCount) {
            this.desiredCount = desiredCount;
            return this;
        }

        /** Sets {@code runningCount}: its tasks in RUNNING, over all deployments. */
        public Builder runningCount(int runningCount) {
            this.runningCount = runningCount;
            return this;
        }

        /** Sets {@code pendingCount}: its tasks in PENDING, over all deployments. */
        public Builder pendingCount(int pendingCount) {
            this.pendingCount = pendingCount;
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

        /** Sets {@code taskDefinition}: the task definition of the PRIMARY deployment. */
        public Builder taskDefinition(TaskDefinitionArn taskDefinition) {
            this.taskDefinition = taskDefinition;
            return this;
        }

        /** Sets {@code deploymentConfiguration}: with ECS's defaults filled in. */
        public Builder deploymentConfiguration(DeploymentConfiguration deploymentConfiguration) {
            this.deploymentConfiguration = deploymentConfiguration;
            return this;
        }

        /** Sets {@code deployments}: the PRIMARY deployment first, then ACTIVE ones, newest first. */
        public Builder deployments(List<Deployment> deployments) {
            this.deployments = deployments;
            return this;
        }

        /** Sets {@code deployments}. */
        public Builder deployments(Deployment... deployments) {
            this.deployments = List.of(deployments);
            return this;
        }

        /** Sets {@code events}: newest first, at most 100. */
        public Builder events(List<ServiceEvent> events) {
            this.events = events;
            return this;
        }

        /** Sets {@code events}. */
        public Builder events(ServiceEvent... events) {
            this.events = List.of(events);
            return this;
        }

        /** Sets {@code roleArn}: the service role, or null. */
        public Builder roleArn(String roleArn) {
            this.roleArn = roleArn;
            return this;
        }

        /** Sets {@code createdAt}: when it was created. */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /** Sets {@code createdBy}: who created it. */
        public Builder createdBy(String createdBy) {
            this.createdBy = createdBy;
            return this;
        }

        /** Sets {@code placementConstraints}: placement constraints. */
        public Builder placementConstraints(List<PlacementConstraint> placementConstraints) {
            this.placementConstraints = placementConstraints;
            return this;
        }

        /** Sets {@code placementConstraints}. */
        public Builder placementConstraints(PlacementConstraint... placementConstraints) {
            this.placementConstraints = List.of(placementConstraints);
            return this;
        }

        /** Sets {@code placementStrategy}: placement strategies as given (empty: ECS's default spread over zones, then instances). */
        public Builder placementStrategy(List<PlacementStrategy> placementStrategy) {
            this.placementStrategy = placementStrategy;
            return this;
        }

        /** Sets {@code placementStrategy}. */
        public Builder placementStrategy(PlacementStrategy... placementStrategy) {
            this.placementStrategy = List.of(placementStrategy);
            return this;
        }

        /** Sets {@code networkConfiguration}: awsvpc network configuration, or null. */
        public Builder networkConfiguration(NetworkConfiguration networkConfiguration) {
            this.networkConfiguration = networkConfiguration;
            return this;
        }

        /** Sets {@code healthCheckGracePeriodSeconds}: seconds after a task starts during which failing health checks are ignored. */
        public Builder healthCheckGracePeriodSeconds(int healthCheckGracePeriodSeconds) {
            this.healthCheckGracePeriodSeconds = healthCheckGracePeriodSeconds;
            return this;
        }

        /** Sets {@code schedulingStrategy}: REPLICA or DAEMON. */
        public Builder schedulingStrategy(SchedulingStrategy schedulingStrategy) {
            this.schedulingStrategy = schedulingStrategy;
            return this;
        }

        /** Sets {@code deploymentController}: ECS. */
        public Builder deploymentController(DeploymentControllerType deploymentController) {
            this.deploymentController = deploymentController;
            return this;
        }

        /** Sets {@code loadBalancers}: load balancers. */
        public Builder loadBalancers(List<LoadBalancer> loadBalancers) {
            this.loadBalancers = loadBalancers;
            return this;
        }

        /** Sets {@code loadBalancers}. */
        public Builder loadBalancers(LoadBalancer... loadBalancers) {
            this.loadBalancers = List.of(loadBalancers);
            return this;
        }

        /** Sets {@code enableECSManagedTags}: whether tasks get ECS managed tags. */
        public Builder enableECSManagedTags(boolean enableECSManagedTags) {
            this.enableECSManagedTags = enableECSManagedTags;
            return this;
        }

        /** Sets {@code propagateTags}: {@code TASK_DEFINITION}, {@code SERVICE} or {@code NONE}. */
        public Builder propagateTags(String propagateTags) {
            this.propagateTags = propagateTags;
            return this;
        }

        /** Sets {@code enableExecuteCommand}: ECS Exec. */
        public Builder enableExecuteCommand(boolean enableExecuteCommand) {
            this.enableExecuteCommand = enableExecuteCommand;
            return this;
        }

        /** Sets {@code tags}: tags. */
        public Builder tags(List<Tag> tags) {
            this.tags = tags;
            return this;
        }

        /** Sets {@code tags}. */
        public Builder tags(Tag... tags) {
            this.tags = List.of(tags);
            return this;
        }

        /** Builds the record. */
        public Service build() {
            return new Service(serviceArn, serviceName, clusterArn, status, desiredCount, runningCount, pendingCount, launchType, platformVersion, taskDefinition, deploymentConfiguration, deployments, events, roleArn, createdAt, createdBy, placementConstraints, placementStrategy, networkConfiguration, healthCheckGracePeriodSeconds, schedulingStrategy, deploymentController, loadBalancers, enableECSManagedTags, propagateTags, enableExecuteCommand, tags);
        }
    }
}
