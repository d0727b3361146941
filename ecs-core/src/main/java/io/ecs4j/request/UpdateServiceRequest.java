package io.ecs4j.request;

import io.ecs4j.model.DeploymentConfiguration;
import io.ecs4j.model.LoadBalancer;
import io.ecs4j.model.NetworkConfiguration;
import io.ecs4j.model.PlacementConstraint;
import io.ecs4j.model.PlacementStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * UpdateService: change a service's desired count, task definition or configuration. A null component leaves that setting unchanged.
 *
 * <p>Immutable; build with {@link #builder()}. Lists are unmodifiable. Unlike other records, the lists of this one may be
 * null: null leaves the setting unchanged, an empty list clears it (as in the ECS API).
 *
 * @param cluster the cluster, or null for {@code default}
 * @param service the service name or ARN; required
 * @param desiredCount the new desired count, or null
 * @param taskDefinition a new task definition ({@code family}, {@code family:revision} or an ARN), or null
 * @param deploymentConfiguration new bounds and circuit breaker, or null
 * @param placementConstraints new placement constraints (empty removes them), or null
 * @param placementStrategy new placement strategies (empty restores the default), or null
 * @param networkConfiguration a new network configuration, or null
 * @param healthCheckGracePeriodSeconds a new grace period, or null
 * @param forceNewDeployment start a new deployment even if nothing else changes
 * @param platformVersion a new Fargate platform version, or null
 * @param loadBalancers new load balancers (empty removes them), or null
 * @param enableExecuteCommand ECS Exec, or null
 * @param enableECSManagedTags ECS managed tags, or null
 * @param propagateTags {@code TASK_DEFINITION}, {@code SERVICE} or {@code NONE}, or null
 */
public record UpdateServiceRequest(
        String cluster,
        String service,
        Integer desiredCount,
        String taskDefinition,
        DeploymentConfiguration deploymentConfiguration,
        List<PlacementConstraint> placementConstraints,
        List<PlacementStrategy> placementStrategy,
        NetworkConfiguration networkConfiguration,
        Integer healthCheckGracePeriodSeconds,
        boolean forceNewDeployment,
        String platformVersion,
        List<LoadBalancer> loadBalancers,
        Boolean enableExecuteCommand,
        Boolean enableECSManagedTags,
        String propagateTags) {

    public UpdateServiceRequest {
        placementConstraints = placementConstraints == null ? null : List.copyOf(placementConstraints);
        placementStrategy = placementStrategy == null ? null : List.copyOf(placementStrategy);
        loadBalancers = loadBalancers == null ? null : List.copyOf(loadBalancers);
    }

    /** A builder for {@code service} in {@code cluster}. */
    public static Builder builder(String cluster, String service) {
        return builder().cluster(cluster).service(service);
    }

    /** A new builder with every component unset (or at its documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.cluster = cluster;
        b.service = service;
        b.desiredCount = desiredCount;
        b.taskDefinition = taskDefinition;
        b.deploymentConfiguration = deploymentConfiguration;
        b.placementConstraints = placementConstraints;
        b.placementStrategy = placementStrategy;
        b.networkConfiguration = networkConfiguration;
        b.healthCheckGracePeriodSeconds = healthCheckGracePeriodSeconds;
        b.forceNewDeployment = forceNewDeployment;
        b.platformVersion = platformVersion;
        b.loadBalancers = loadBalancers;
        b.enableExecuteCommand = enableExecuteCommand;
        b.enableECSManagedTags = enableECSManagedTags;
        b.propagateTags = propagateTags;
        return b;
    }

    /** Builds a {@link UpdateServiceRequest}. Not thread-safe. */
    public static final class Builder {
        private String cluster;
        private String service;
        private Integer desiredCount;
        private String taskDefinition;
        private DeploymentConfiguration deploymentConfiguration;
        private List<PlacementConstraint> placementConstraints;
        private List<PlacementStrategy> placementStrategy;
        private NetworkConfiguration networkConfiguration;
        private Integer healthCheckGracePeriodSeconds;
        private boolean forceNewDeployment;
        private String platformVersion;
        private List<LoadBalancer> loadBalancers;
        private Boolean enableExecuteCommand;
        private Boolean enableECSManagedTags;
        private String propagateTags;

        private Builder() {
        }

        /** Sets {@code cluster}: the cluster, or null for {@code default}. */
        public Builder cluster(String cluster) {
            this.cluster = cluster;
            return this;
        }

        /** Sets {@code service}: the service name or ARN; required. */
        public Builder service(String service) {
            this.service = service;
            return this;
        }

        /** Sets {@code desiredCount}: the new desired count, or null. */
        public Builder desiredCount(Integer desiredCount) {
            this.desiredCount = desiredCount;
            return this;
        }

        /** Sets {@code taskDefinition}: a new task definition ({@code family}, {@code family:revision} or an ARN), or null. */
        public Builder taskDefinition(String taskDefinition) {
            this.taskDefinition = taskDefinition;
            return this;
        }

        /** Sets {@code deploymentConfiguration}: new bounds and circuit breaker, or null. */
        public Builder deploymentConfiguration(DeploymentConfiguration deploymentConfiguration) {
            this.deploymentConfiguration = deploymentConfiguration;
            return this;
        }

        /** Sets {@code placementConstraints}: new placement constraints (empty removes them), or null. */
        public Builder placementConstraints(List<PlacementConstraint> placementConstraints) {
            this.placementConstraints = placementConstraints;
            return this;
        }

        /** Sets {@code placementConstraints}. */
        public Builder placementConstraints(PlacementConstraint... placementConstraints) {
            this.placementConstraints = List.of(placementConstraints);
            return this;
        }

        /** Sets {@code placementStrategy}: new placement strategies (empty restores the default), or null. */
        public Builder placementStrategy(List<PlacementStrategy> placementStrategy) {
            this.placementStrategy = placementStrategy;
            return this;
        }

        /** Sets {@code placementStrategy}. */
        public Builder placementStrategy(PlacementStrategy... placementStrategy) {
            this.placementStrategy = List.of(placementStrategy);
            return this;
        }

        /** Sets {@code networkConfiguration}: a new network configuration, or null. */
        public Builder networkConfiguration(NetworkConfiguration networkConfiguration) {
            this.networkConfiguration = networkConfiguration;
            return this;
        }

        /** Sets {@code healthCheckGracePeriodSeconds}: a new grace period, or null. */
        public Builder healthCheckGracePeriodSeconds(Integer healthCheckGracePeriodSeconds) {
            this.healthCheckGracePeriodSeconds = healthCheckGracePeriodSeconds;
            return this;
        }

        /** Sets {@code forceNewDeployment}: start a new deployment even if nothing else changes. */
        public Builder forceNewDeployment(boolean forceNewDeployment) {
            this.forceNewDeployment = forceNewDeployment;
            return this;
        }

        /** Sets {@code platformVersion}: a new Fargate platform version, or null. */
        public Builder platformVersion(String platformVersion) {
            this.platformVersion = platformVersion;
            return this;
        }

        /** Sets {@code loadBalancers}: new load balancers (empty removes them), or null. */
        public Builder loadBalancers(List<LoadBalancer> loadBalancers) {
            this.loadBalancers = loadBalancers;
            return this;
        }

        /** Sets {@code loadBalancers}. */
        public Builder loadBalancers(LoadBalancer... loadBalancers) {
            this.loadBalancers = List.of(loadBalancers);
            return this;
        }

        /** Sets {@code enableExecuteCommand}: ECS Exec, or null. */
        public Builder enableExecuteCommand(Boolean enableExecuteCommand) {
            this.enableExecuteCommand = enableExecuteCommand;
            return this;
        }

        /** Sets {@code enableECSManagedTags}: ECS managed tags, or null. */
        public Builder enableECSManagedTags(Boolean enableECSManagedTags) {
            this.enableECSManagedTags = enableECSManagedTags;
            return this;
        }

        /** Sets {@code propagateTags}: {@code TASK_DEFINITION}, {@code SERVICE} or {@code NONE}, or null. */
        public Builder propagateTags(String propagateTags) {
            this.propagateTags = propagateTags;
            return this;
        }

        /** Builds the record. */
        public UpdateServiceRequest build() {
            return new UpdateServiceRequest(cluster, service, desiredCount, taskDefinition, deploymentConfiguration, placementConstraints, placementStrategy, networkConfiguration, healthCheckGracePeriodSeconds, forceNewDeployment, platformVersion, loadBalancers, enableExecuteCommand, enableECSManagedTags, propagateTags);
        }
    }
}
