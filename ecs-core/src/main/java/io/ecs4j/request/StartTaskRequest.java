package io.ecs4j.request;

import io.ecs4j.model.NetworkConfiguration;
import io.ecs4j.model.Tag;
import io.ecs4j.model.TaskOverride;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * StartTask: start a task on each of the named container instances (no placement strategy).
 *
 * <p>Immutable; build with {@link #builder()}. Lists and maps are unmodifiable and never null.
 *
 * @param cluster the cluster, or null for {@code default}
 * @param taskDefinition {@code family}, {@code family:revision} or an ARN
 * @param containerInstances 1–10 container instance ids or ARNs
 * @param group the task group, or null
 * @param startedBy up to 128 characters, or null
 * @param overrides overrides, or null
 * @param networkConfiguration required for awsvpc, else null
 * @param tags tags
 * @param enableECSManagedTags add ECS managed tags
 * @param propagateTags {@code TASK_DEFINITION} or null
 * @param enableExecuteCommand ECS Exec
 */
public record StartTaskRequest(
        String cluster,
        String taskDefinition,
        List<String> containerInstances,
        String group,
        String startedBy,
        TaskOverride overrides,
        NetworkConfiguration networkConfiguration,
        List<Tag> tags,
        boolean enableECSManagedTags,
        String propagateTags,
        boolean enableExecuteCommand) {

    public StartTaskRequest {
        containerInstances = containerInstances == null ? List.of() : List.copyOf(containerInstances);
        tags = tags == null ? List.of() : List.copyOf(tags);
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
        b.containerInstances = containerInstances;
        b.group = group;
        b.startedBy = startedBy;
        b.overrides = overrides;
        b.networkConfiguration = networkConfiguration;
        b.tags = tags;
        b.enableECSManagedTags = enableECSManagedTags;
        b.propagateTags = propagateTags;
        b.enableExecuteCommand = enableExecuteCommand;
        return b;
    }

    /** Builds a {@link StartTaskRequest}. Not thread-safe. */
    public static final class Builder {
        private String cluster;
        private String taskDefinition;
        private List<String> containerInstances = List.of();
        private String group;
        private String startedBy;
        private TaskOverride overrides;
        private NetworkConfiguration networkConfiguration;
        private List<Tag> tags = List.of();
        private boolean enableECSManagedTags;
        private String propagateTags;
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

        /** Sets {@code containerInstances}: 1–10 container instance ids or ARNs. */
        public Builder containerInstances(List<String> containerInstances) {
            this.containerInstances = containerInstances;
            return this;
        }

        /** Sets {@code containerInstances}. */
        public Builder containerInstances(String... containerInstances) {
            this.containerInstances = List.of(containerInstances);
            return this;
        }

        /** Sets {@code group}: the task group, or null. */
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

        /** Sets {@code enableECSManagedTags}: add ECS managed tags. */
        public Builder enableECSManagedTags(boolean enableECSManagedTags) {
            this.enableECSManagedTags = enableECSManagedTags;
            return this;
        }

        /** Sets {@code propagateTags}: {@code TASK_DEFINITION} or null. */
        public Builder propagateTags(String propagateTags) {
            this.propagateTags = propagateTags;
            return this;
        }

        /** Sets {@code enableExecuteCommand}: ECS Exec. */
        public Builder enableExecuteCommand(boolean enableExecuteCommand) {
            this.enableExecuteCommand = enableExecuteCommand;
            return this;
        }

        /** Builds the record. */
        public StartTaskRequest build() {
            return new StartTaskRequest(cluster, taskDefinition, containerInstances, group, startedBy, overrides, networkConfiguration, tags, enableECSManagedTags, propagateTags, enableExecuteCommand);
        }
    }
}
