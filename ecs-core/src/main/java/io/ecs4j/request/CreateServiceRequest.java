package io.ecs4j.request;

import io.ecs4j.model.DeploymentConfiguration;
import io.ecs4j.model.DeploymentControllerType;
import io.ecs4j.model.LaunchType;
import io.ecs4j.model.LoadBalancer;
import io.ecs4j.model.NetworkConfiguration;
import io.ecs4j.model.PlacementConstraint;
import io.ecs4j.model.PlacementStrategy;
import io.ecs4j.model.SchedulingStrategy;
import io.ecs4j.model.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * CreateService: run and maintain copies of a task definition.
 *
 * <p>Immutable; build with {@link #builder()}. Lists and maps are unmodifiable and never null.
 *
 * @param cluster the cluster, or null for {@code default}
 * @param serviceName the name, unique among the cluster's ACTIVE and DRAINING services; required
 * @param taskDefinition {@code family}, {@code family:revision} or an ARN; required
 * @param desiredCount tasks to keep running; required for REPLICA, not allowed for DAEMON
 * @param launchType EC2, FARGATE or EXTERNAL, or null (EC2)
 * @param platformVersion Fargate platform version, or null (LATEST)
 * @param schedulingStrategy REPLICA or DAEMON, or null (REPLICA)
 * @param deploymentConfiguration the rolling-update bounds and circuit breaker, or null for the defaults
 * @param deploymentController ECS, or null (ECS)
 * @param placementConstraints placement constraints (at most 10 with the task definition's)
 * @param placementStrategy placement strategies (at most 5); empty for ECS's default
 * @param networkConfiguration required for awsvpc task definitions, else null
 * @param healthCheckGracePeriodSeconds seconds after a task starts during which failing health checks are ignored, or null (0)
 * @param loadBalancers the target groups its tasks register with (see {@code LocalEcs.Builder#loadBalancer}); at most 5
 * @param role the service role, or null
 * @param clientToken an idempotency token of at most 36 characters, or null
 * @param tags tags
 * @param propagateTags {@code TASK_DEFINITION}, {@code SERVICE} or {@code NONE}, or null (NONE)
 * @param enableECSManagedTags add the {@code aws:ecs:serviceName} and {@code aws:ecs:clusterName} tags to tasks
 * @param enableExecuteCommand ECS Exec
 */
public record CreateServiceRequest(
        String cluster,
        String serviceName,
        String taskDefinition,
        Integer desiredCount,
        LaunchType launchType,
        String platformVersion,
        SchedulingStrategy schedulingStrategy,
        DeploymentConfiguration deploymentConfiguration,
        DeploymentControllerType deploymentController,
        List<PlacementConstraint> placementConstraints,
        List<PlacementStrategy> placementStrategy,
        NetworkConfiguration networkConfiguration,
        Integer healthCheckGracePeriodSeconds,
        List<LoadBalancer> loadBalancers,
        String role,
        String clientToken,
        List<Tag> tags,
        String propagateTags,
        boolean enableECSManagedTags,
        boolean enableExecuteCommand) {

    public CreateServiceRequest {
        placementConstraints = placementConstraints == null ? List.of() : List.copyOf(placementConstraints);
        placementStrategy = placementStrategy == null ? List.of() : List.copyOf(placementStrategy);
        loadBalancers = loadBalancers == null ? List.of() : List.copyOf(loadBalancers);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A builder for a service called {@code serviceName} of {@code taskDefinition} in {@code cluster}. */
    public static Builder builder(String cluster, String serviceName, String taskDefinition) {
        return builder().cluster(cluster).serviceName(serviceName).taskDefinition(taskDefinition);
    }

    /** A new builder with every component unset (or at its documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.cluster = cluster;
        b.serviceName = serviceName;
        b.taskDefinition = taskDefinition;
        b.desiredCount = desiredCount;
        b.launchType = launchType;
        b.platformVersion = platformVersion;
        b.schedulingStrategy = schedulingStrategy;
        b.deploymentConfiguration = deploymentConfiguration;
        b.deploymentController = deploymentController;
        b.placementConstraints = placementConstraints;
        b.placementStrategy = placementStrategy;
        b.networkConfiguration = networkConfiguration;
        b.healthCheckGracePeriodSeconds = healthCheckGracePeriodSeconds;
        b.loadBalancers = loadBalancers;
        b.role = role;
        b.clientToken = clientToken;
        b.tags = tags;
        b.propagateTags = propagateTags;
        b.enableECSManagedTags = enableECSManagedTags;
        b.enableExecuteCommand = enableExecuteCommand;
        return b;
    }

    /** Builds a {@link CreateServiceRequest}. Not thread-safe. */
    public static final class Builder {
        private String cluster;
        private String serviceName;
        private String taskDefinition;
        private Integer desiredCount;
        private LaunchType launchType;
        private String platformVersion;
        private SchedulingStrategy schedulingStrategy;
        private DeploymentConfiguration deploymentConfiguration;
        private DeploymentControllerType deploymentController;
        private List<PlacementConstraint> placementConstraints = List.of();
        private List<PlacementStrategy> placementStrategy = List.of();
        private NetworkConfiguration networkConfiguration;
        private Integer healthCheckGracePeriodSeconds;
        private List<LoadBalancer> loadBalancers = List.of();
        private String role;
        private String clientToken;
        private List<Tag> tags = List.of();
        private String propagateTags;
        private boolean enableECSManagedTags;
        private boolean enableExecuteCommand;

        private Builder() {
        }

        /** Sets {@code cluster}: the cluster, or null for {@code default}. */
        public Builder cluster(String cluster) {
            this.cluster = cluster;
            return this;
        }

        /** Sets {@code serviceName}: the name, unique among the cluster's ACTIVE and DRAINING services; required. */
        public Builder serviceName(String serviceName) {
            this.serviceName = serviceName;
            return this;
        }

        /** Sets {@code taskDefinition}: {@code family}, {@code family:revision} or an ARN; required. */
        public Builder taskDefinition(String taskDefinition) {
            this.taskDefinition = taskDefinition;
            return this;
        }

        /** Sets {@code desiredCount}: tasks to keep running; required for REPLICA, not allowed for DAEMON. */
        public Builder desiredCount(Integer desiredCount) {
            this.desiredCount = desiredCount;
            return this;
        }

        /** Sets {@code launchType}: EC2, FARGATE or EXTERNAL, or null (EC2). */
        public Builder launchType(LaunchType launchType) {
            this.launchType = launchType;
            return this;
        }

        /** Sets {@code platformVersion}: Fargate platform version, or null (LATEST). */
        public Builder platformVersion(String platformVersion) {
            this.platformVersion = platformVersion;
            return this;
        }

        /** Sets {@code schedulingStrategy}: REPLICA or DAEMON, or null (REPLICA). */
        public Builder schedulingStrategy(SchedulingStrategy schedulingStrategy) {
            this.schedulingStrategy = schedulingStrategy;
            return this;
        }

        /** Sets {@code deploymentConfiguration}: the rolling-update bounds and circuit breaker, or null for the defaults. */
        public Builder deploymentConfiguration(DeploymentConfiguration deploymentConfiguration) {
            this.deploymentConfiguration = deploymentConfiguration;
            return this;
        }

        /** Sets {@code deploymentController}: ECS, or null (ECS). */
        public Builder deploymentController(DeploymentControllerType deploymentController) {
            this.deploymentController = deploymentController;
            return this;
        }

        /** Sets {@code placementConstraints}: placement constraints (at most 10 with the task definition's). */
        public Builder placementConstraints(List<PlacementConstraint> placementConstraints) {
            this.placementConstraints = placementConstraints;
            return this;
        }

        /** Sets {@code placementConstraints}. */
        public Builder placementConstraints(PlacementConstraint... placementConstraints) {
            this.placementConstraints = List.of(placementConstraints);
            return this;
        }

        /** Sets {@code placementStrategy}: placement strategies (at most 5); empty for ECS's default. */
        public Builder placementStrategy(List<PlacementStrategy> placementStrategy) {
            this.placementStrategy = placementStrategy;
            return this;
        }

        /** Sets {@code placementStrategy}. */
        public Builder placementStrategy(PlacementStrategy... placementStrategy) {
            this.placementStrategy = List.of(placementStrategy);
            return this;
        }

        /** Sets {@code networkConfiguration}: required for awsvpc task definitions, else null. */
        public Builder networkConfiguration(NetworkConfiguration networkConfiguration) {
            this.networkConfiguration = networkConfiguration;
            return this;
        }

        /** Sets {@code healthCheckGracePeriodSeconds}: seconds after a task starts during which failing health checks are ignored, or null (0). */
        public Builder healthCheckGracePeriodSeconds(Integer healthCheckGracePeriodSeconds) {
            this.healthCheckGracePeriodSeconds = healthCheckGracePeriodSeconds;
            return this;
        }

        /** Sets {@code loadBalancers}: the target groups its tasks register with (at most 5). */
        public Builder loadBalancers(List<LoadBalancer> loadBalancers) {
            this.loadBalancers = loadBalancers;
            return this;
        }

        /** Sets {@code loadBalancers}. */
        public Builder loadBalancers(LoadBalancer... loadBalancers) {
            this.loadBalancers = List.of(loadBalancers);
            return this;
        }

        /** Sets {@code role}: the service role, or null. */
        public Builder role(String role) {
            this.role = role;
            return this;
        }

        /** Sets {@code clientToken}: an idempotency token of at most 36 characters, or null. */
        public Builder clientToken(String clientToken) {
            this.clientToken = clientToken;
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

        /** Sets {@code propagateTags}: {@code TASK_DEFINITION}, {@code SERVICE} or {@code NONE}, or null (NONE). */
        public Builder propagateTags(String propagateTags) {
            this.propagateTags = propagateTags;
            return this;
        }

        /** Sets {@code enableECSManagedTags}: add the {@code aws:ecs:serviceName} and {@code aws:ecs:clusterName} tags to tasks. */
        public Builder enableECSManagedTags(boolean enableECSManagedTags) {
            this.enableECSManagedTags = enableECSManagedTags;
            return this;
        }

        /** Sets {@code enableExecuteCommand}: ECS Exec. */
        public Builder enableExecuteCommand(boolean enableExecuteCommand) {
            this.enableExecuteCommand = enableExecuteCommand;
            return this;
        }

        /** Builds the record. */
        public CreateServiceRequest build() {
            return new CreateServiceRequest(cluster, serviceName, taskDefinition, desiredCount, launchType, platformVersion, schedulingStrategy, deploymentConfiguration, deploymentController, placementConstraints, placementStrategy, networkConfiguration, healthCheckGracePeriodSeconds, loadBalancers, role, clientToken, tags, propagateTags, enableECSManagedTags, enableExecuteCommand);
        }
    }
}
