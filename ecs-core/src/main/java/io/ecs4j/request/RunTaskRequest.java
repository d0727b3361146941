package io.ecs4j.request;

import io.ecs4j.model.LaunchType;
import io.ecs4j.model.NetworkConfiguration;
import io.ecs4j.model.PlacementConstraint;
import io.ecs4j.model.PlacementStrategy;
import io.ecs4j.model.Tag;
import io.ecs4j.model.TaskOverride;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * RunTask: place and start {@code count} copies of a task definition.
 *
 * <p>Immutable; build with {@link #builder()}. Lists and maps are unmodifiable and never null.
 *
 * @param cluster the cluster, or null for {@code default}
 * @param taskDefinition {@code family}, {@code family:revision} or an ARN
 * @param count how many tasks, 1–10; default 1
 * @param launchType EC2 or FARGATE, or null (EC2)
 * @param group the task group, or null for {@code family:<family>}
 * @param startedBy up to 128 characters, or null
 * @param overrides overrides, or null
 * @param placementConstraints request placement constraints
 * @param placementStrategy placement strategies, in order
 * @param networkConfiguration required for awsvpc, else null
 * @param tags tags
 * @param clientToken an idempotency token, or null
 * @param enableECSManagedTags add ECS managed tags
 * @param propagateTags {@code TASK_DEFINITION} or null; SERVICE is an error for RunTask
 * @param platformVersion Fargate platform version, or null (LATEST)
 * @param enableExecuteCommand ECS Exec
 */
public record RunTaskRequest(
        String cluster,
        String taskDefinition,
        int count,
        LaunchType launchType,
        String group,
        String startedBy,
        TaskOverride overrides,
        List<PlacementConstraint> placementConstraints,
        List<PlacementStrategy> placementStrategy,
        NetworkConfiguration networkConfiguration,
        List<Tag> tags,
        String clientToken,
        boolean enableECSManagedTags,
        String propagateTags,
        String platformVersion,
        boolean enableExecuteCommand) {

    public RunTaskRequest {
        placementConstraints = placementConstraints == null ? List.of() : List.copyOf(placementConstraints);
        placementStrategy = placementStrategy == null ? List.of() : List.copyOf(placementStrategy);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A builder for {@code count} tasks of {@code taskDefinition} in {@code cluster}. */
    public static Builder builder(String cluster, String taskDefinition) {
        return builder().cluster(cluster).taskDefinition(taskDefinition);
    }

    /** A new builder with every component unset (or at its documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.cluster = cluster;
        b.taskDefinition = taskDefinition;
        b.count = count;
        b.launchType = launchType;
        b.group = group;
        b.startedBy = startedBy;
        b.overrides = overrides;
        b.placementConstraints = placementConstraints;
        b.placementStrategy = placementStrategy;
        b.networkConfiguration = networkConfiguration;
        b.tags = tags;
        b.clientToken = clientToken;
        b.enableECSManagedTags = enableECSManagedTags;
        b.propagateTags = propagateTags;
        b.platformVersion = platformVersion;
        b.enableExecuteCommand = enableExecuteCommand;
        return b;
    }

    /** Builds a {@link RunTaskRequest}. Not thread-safe. */
    public static final class Builder {
        private String cluster;
        private String taskDefinition;
        private int count = 1;
        private LaunchType launchType;
        private String group;
        private String startedBy;
        private TaskOverride overrides;
        private List<PlacementConstraint> placementConstraints = List.of();
        private List<PlacementStrategy> placementStrategy = List.of();
        private NetworkConfiguration networkConfiguration;
        private List<Tag> tags = List.of();
        private String clientToken;
        private boolean enableECSManagedTags;
        private String propagateTags;
        private String platformVersion;
        private boolean enableExecuteCommand;

        private Builder() {
        }

        /** Sets {@code cluster}: the cluster, or null for {@code default}. */
        public Builder cluster(String cluster) {
            this.cluster = cluster;
            return this;
        }

        /** Sets {@code taskDefinition}: {@code family}, {@code family:revision} or an ARN. */
        public Builder taskDefinition(String taskDefinition) {
            this.taskDefinition = taskDefinition;
            return this;
        }

        /** Sets {@code count}: how many tasks, 1–10; default 1. */
        public Builder count(int count) {
            this.count = count;
            return this;
        }

        /** Sets {@code launchType}: EC2 or FARGATE, or null (EC2). */
        public Builder launchType(LaunchType launchType) {
            this.launchType = launchType;
            return this;
        }

        /** Sets {@code group}: the task group, or null for {@code family:<family>}. */
        public Builder group(String group) {
            this.group = group;
            return this;
        }

        /** Sets {@code startedBy}: up to 128 characters, or null. */
        public Builder startedBy(String startedBy) {
            this.startedBy = startedBy;
            return this;
        }

        /** Sets {@code overrides}: overrides, or null. */
        public Builder overrides(TaskOverride overrides) {
            this.overrides = overrides;
            return this;
        }

        /** Sets {@code placementConstraints}: request placement constraints. */
        public Builder placementConstraints(List<PlacementConstraint> placementConstraints) {
            this.placementConstraints = placementConstraints;
            return this;
        }

        /** Sets {@code placementConstraints}. */
        public Builder placementConstraints(PlacementConstraint... placementConstraints) {
            this.placementConstraints = List.of(placementConstraints);
            return this;
        }

        /** Sets {@code placementStrategy}: placement strategies, in order. */
        public Builder placementStrategy(List<PlacementStrategy> placementStrategy) {
            this.placementStrategy = placementStrategy;
            return this;
        }

        /** Sets {@code placementStrategy}. */
        public Builder placementStrategy(PlacementStrategy... placementStrategy) {
            this.placementStrategy = List.of(placementStrategy);
            return this;
        }

        /** Sets {@code networkConfiguration}: required for awsvpc, else null. */
        public Builder networkConfiguration(NetworkConfiguration networkConfiguration) {
            this.networkConfiguration = networkConfiguration;
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

        /** Sets {@code clientToken}: an idempotency token, or null. */
        public Builder clientToken(String clientToken) {
            this.clientToken = clientToken;
            return this;
        }

        /** Sets {@code enableECSManagedTags}: add ECS managed tags. */
        public Builder enableECSManagedTags(boolean enableECSManagedTags) {
            this.enableECSManagedTags = enableECSManagedTags;
            return this;
        }

        /** Sets {@code propagateTags}: {@code TASK_DEFINITION} or null; SERVICE is an error for RunTask. */
        public Builder propagateTags(String propagateTags) {
            this.propagateTags = propagateTags;
            return this;
        }

        /** Sets {@code platformVersion}: Fargate platform version, or null (LATEST). */
        public Builder platformVersion(String platformVersion) {
            this.platformVersion = platformVersion;
            return this;
        }

        /** Sets {@code enableExecuteCommand}: ECS Exec. */
        public Builder enableExecuteCommand(boolean enableExecuteCommand) {
            this.enableExecuteCommand = enableExecuteCommand;
            return this;
        }

        /** Builds the record. */
        public RunTaskRequest build() {
            return new RunTaskRequest(cluster, taskDefinition, count, launchType, group, startedBy, overrides, placementConstraints, placementStrategy, networkConfiguration, tags, clientToken, enableECSManagedTags, propagateTags, platformVersion, enableExecuteCommand);
        }
    }
}
