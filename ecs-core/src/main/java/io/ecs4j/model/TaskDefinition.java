package io.ecs4j.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A task definition revision. Before registration {@code revision} is 0 and the registration-only fields are null; registration normalises the definition the way ECS does (defaults filled in, cpu/memory as unit strings).
 *
 * <p>Immutable; build with {@link #builder()}. Lists and maps are unmodifiable and never null.
 *
 * @param family the family name
 * @param revision the revision, from 1; 0 before registration
 * @param taskDefinitionArn the ARN, or null before registration
 * @param status ACTIVE, INACTIVE or DELETE_IN_PROGRESS, or null before registration
 * @param containerDefinitions the containers, 1–10
 * @param networkMode the network mode, or null ({@code bridge})
 * @param cpu task CPU as ECS writes it ({@code "1024"} or {@code "1 vCPU"}), or null; normalised to units at registration
 * @param memory task memory as ECS writes it ({@code "2048"} or {@code "2GB"}), or null; normalised to MiB at registration
 * @param taskRoleArn the task role, or null
 * @param executionRoleArn the execution role, or null
 * @param requiresCompatibilities launch types the definition must be valid for
 * @param compatibilities launch types it is valid for (set at registration)
 * @param requiresAttributes instance capabilities it needs (set at registration)
 * @param volumes volumes
 * @param placementConstraints memberOf constraints
 * @param pidMode {@code host} or {@code task}, or null
 * @param ipcMode {@code host}, {@code task} or {@code none}, or null
 * @param runtimePlatform the platform, or null
 * @param ephemeralStorageGiB Fargate ephemeral storage in GiB, or null
 * @param registeredAt when it was registered, or null
 * @param registeredBy who registered it, or null
 * @param deregisteredAt when it was deregistered, or null
 * @param tags tags
 * @param otherMembers ECS members ecs4j does not model (for example {@code firelensConfiguration}), kept verbatim
 *                     as JSON-like values (String, Number, Boolean, List, Map) so that a pasted definition
 *                     round-trips; they do not change how containers run
 */
public record TaskDefinition(
        String family,
        int revision,
        TaskDefinitionArn taskDefinitionArn,
        TaskDefinitionStatus status,
        List<ContainerDefinition> containerDefinitions,
        NetworkMode networkMode,
        String cpu,
        String memory,
        String taskRoleArn,
        String executionRoleArn,
        List<LaunchType> requiresCompatibilities,
        List<LaunchType> compatibilities,
        List<Attribute> requiresAttributes,
        List<Volume> volumes,
        List<PlacementConstraint> placementConstraints,
        String pidMode,
        String ipcMode,
        RuntimePlatform runtimePlatform,
        Integer ephemeralStorageGiB,
        Instant registeredAt,
        String registeredBy,
        Instant deregisteredAt,
        List<Tag> tags,
        Map<String, Object> otherMembers) {

    public TaskDefinition {
        otherMembers = otherMembers == null || otherMembers.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(otherMembers));
        containerDefinitions = containerDefinitions == null ? List.of() : List.copyOf(containerDefinitions);
        requiresCompatibilities = requiresCompatibilities == null ? List.of() : List.copyOf(requiresCompatibilities);
        compatibilities = compatibilities == null ? List.of() : List.copyOf(compatibilities);
        requiresAttributes = requiresAttributes == null ? List.of() : List.copyOf(requiresAttributes);
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
        placementConstraints = placementConstraints == null ? List.of() : List.copyOf(placementConstraints);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A builder for family {@code family}. */
    public static Builder builder(String family) {
        return builder().family(family);
    }

    /** The network mode, {@code bridge} when unset. */
    public NetworkMode networkModeOrDefault() {
        return networkMode == null ? NetworkMode.BRIDGE : networkMode;
    }

    /** The container called {@code name}, or null. */
    public ContainerDefinition container(String name) {
        for (ContainerDefinition c : containerDefinitions) {
            if (c.name() != null && c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** A new builder with every component unset (or at its documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.family = family;
        b.revision = revision;
        b.taskDefinitionArn = taskDefinitionArn;
        b.status = status;
        b.containerDefinitions = containerDefinitions;
        b.networkMode = networkMode;
        b.cpu = cpu;
        b.memory = memory;
        b.taskRoleArn = taskRoleArn;
        b.executionRoleArn = executionRoleArn;
        b.requiresCompatibilities = requiresCompatibilities;
        b.compatibilities = compatibilities;
        b.requiresAttributes = requiresAttributes;
        b.volumes = volumes;
        b.placementConstraints = placementConstraints;
        b.pidMode = pidMode;
        b.ipcMode = ipcMode;
        b.runtimePlatform = runtimePlatform;
        b.ephemeralStorageGiB = ephemeralStorageGiB;
        b.registeredAt = registeredAt;
        b.registeredBy = registeredBy;
        b.deregisteredAt = deregisteredAt;
        b.tags = tags;
        b.otherMembers = otherMembers;
        return b;
    }

    /** Builds a {@link TaskDefinition}. Not thread-safe. */
    public static final class Builder {
        private String family;
        private int revision;
        private TaskDefinitionArn taskDefinitionArn;
        private TaskDefinitionStatus status;
        private List<ContainerDefinition> containerDefinitions = List.of();
        private NetworkMode networkMode;
        private String cpu;
        private String memory;
        private String taskRoleArn;
        private String executionRoleArn;
        private List<LaunchType> requiresCompatibilities = List.of();
        private List<LaunchType> compatibilities = List.of();
        private List<Attribute> requiresAttributes = List.of();
        private List<Volume> volumes = List.of();
        private List<PlacementConstraint> placementConstraints = List.of();
        private String pidMode;
        private String ipcMode;
        private RuntimePlatform runtimePlatform;
        private Integer ephemeralStorageGiB;
        private Instant registeredAt;
        private String registeredBy;
        private Instant deregisteredAt;
        private List<Tag> tags = List.of();
        private Map<String, Object> otherMembers = Map.of();

        private Builder() {
        }

        /** Sets {@code family}: the family name. */
        public Builder family(String family) {
            this.family = family;
            return this;
        }

        /** Sets {@code revision}: the revision, from 1; 0 before registration. */
        public Builder revision(int revision) {
            this.revision = revision;
            return this;
        }

        /** Sets {@code taskDefinitionArn}: the ARN, or null before registration. */
        public Builder taskDefinitionArn(TaskDefinitionArn taskDefinitionArn) {
            this.taskDefinitionArn = taskDefinitionArn;
            return this;
        }

        /** Sets {@code status}: ACTIVE, INACTIVE or DELETE_IN_PROGRESS, or null before registration. */
        public Builder status(TaskDefinitionStatus status) {
            this.status = status;
            return this;
        }

        /** Sets {@code containerDefinitions}: the containers, 1–10. */
        public Builder containerDefinitions(List<ContainerDefinition> containerDefinitions) {
            this.containerDefinitions = containerDefinitions;
            return this;
        }

        /** Sets {@code containerDefinitions}. */
        public Builder containerDefinitions(ContainerDefinition... containerDefinitions) {
            this.containerDefinitions = List.of(containerDefinitions);
            return this;
        }

        /** Sets {@code networkMode}: the network mode, or null ({@code bridge}). */
        public Builder networkMode(NetworkMode networkMode) {
            this.networkMode = networkMode;
            return this;
        }

        /** Sets {@code cpu}: task CPU as ECS writes it ({@code "1024"} or {@code "1 vCPU"}), or null; normalised to units at registration. */
        public Builder cpu(String cpu) {
            this.cpu = cpu;
            return this;
        }

        /** Sets {@code memory}: task memory as ECS writes it ({@code "2048"} or {@code "2GB"}), or null; normalised to MiB at registration. */
        public Builder memory(String memory) {
            this.memory = memory;
            return this;
        }

        /** Sets {@code taskRoleArn}: the task role, or null. */
        public Builder taskRoleArn(String taskRoleArn) {
            this.taskRoleArn = taskRoleArn;
            return this;
        }

        /** Sets {@code executionRoleArn}: the execution role, or null. */
        public Builder executionRoleArn(String executionRoleArn) {
            this.executionRoleArn = executionRoleArn;
            return this;
        }

        /** Sets {@code requiresCompatibilities}: launch types the definition must be valid for. */
        public Builder requiresCompatibilities(List<LaunchType> requiresCompatibilities) {
            this.requiresCompatibilities = requiresCompatibilities;
            return this;
        }

        /** Sets {@code requiresCompatibilities}. */
        public Builder requiresCompatibilities(LaunchType... requiresCompatibilities) {
            this.requiresCompatibilities = List.of(requiresCompatibilities);
            return this;
        }

        /** Sets {@code compatibilities}: launch types it is valid for (set at registration). */
        public Builder compatibilities(List<LaunchType> compatibilities) {
            this.compatibilities = compatibilities;
            return this;
        }

        /** Sets {@code compatibilities}. */
        public Builder compatibilities(LaunchType... compatibilities) {
            this.compatibilities = List.of(compatibilities);
            return this;
        }

        /** Sets {@code requiresAttributes}: instance capabilities it needs (set at registration). */
        public Builder requiresAttributes(List<Attribute> requiresAttributes) {
            this.requiresAttributes = requiresAttributes;
            return this;
        }

        /** Sets {@code requiresAttributes}. */
        public Builder requiresAttributes(Attribute... requiresAttributes) {
            this.requiresAttributes = List.of(requiresAttributes);
            return this;
        }

        /** Sets {@code volumes}: volumes. */
        public Builder volumes(List<Volume> volumes) {
            this.volumes = volumes;
            return this;
        }

        /** Sets {@code volumes}. */
        public Builder volumes(Volume... volumes) {
            this.volumes = List.of(volumes);
            return this;
        }

        /** Sets {@code placementConstraints}: memberOf constraints. */
        public Builder placementConstraints(List<PlacementConstraint> placementConstraints) {
            this.placementConstraints = placementConstraints;
            return this;
        }

        /** Sets {@code placementConstraints}. */
        public Builder placementConstraints(PlacementConstraint... placementConstraints) {
            this.placementConstraints = List.of(placementConstraints);
            return this;
        }

        /** Sets {@code pidMode}: {@code host} or {@code task}, or null. */
        public Builder pidMode(String pidMode) {
            this.pidMode = pidMode;
            return this;
        }

        /** Sets {@code ipcMode}: {@code host}, {@code task} or {@code none}, or null. */
        public Builder ipcMode(String ipcMode) {
            this.ipcMode = ipcMode;
            return this;
        }

        /** Sets {@code runtimePlatform}: the platform, or null. */
        public Builder runtimePlatform(RuntimePlatform runtimePlatform) {
            this.runtimePlatform = runtimePlatform;
            return this;
        }

        /** Sets {@code ephemeralStorageGiB}: Fargate ephemeral storage in GiB, or null. */
        public Builder ephemeralStorageGiB(Integer ephemeralStorageGiB) {
            this.ephemeralStorageGiB = ephemeralStorageGiB;
            return this;
        }

        /** Sets {@code registeredAt}: when it was registered, or null. */
        public Builder registeredAt(Instant registeredAt) {
            this.registeredAt = registeredAt;
            return this;
        }

        /** Sets {@code registeredBy}: who registered it, or null. */
        public Builder registeredBy(String registeredBy) {
            this.registeredBy = registeredBy;
            return this;
        }

        /** Sets {@code deregisteredAt}: when it was deregistered, or null. */
        public Builder deregisteredAt(Instant deregisteredAt) {
            this.deregisteredAt = deregisteredAt;
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

        /** Sets {@code otherMembers}: ECS members ecs4j does not model, kept verbatim. */
        public Builder otherMembers(Map<String, Object> otherMembers) {
            this.otherMembers = otherMembers;
            return this;
        }

        /** Builds the record. */
        public TaskDefinition build() {
            return new TaskDefinition(family, revision, taskDefinitionArn, status, containerDefinitions, networkMode, cpu, memory, taskRoleArn, executionRoleArn, requiresCompatibilities, compatibilities, requiresAttributes, volumes, placementConstraints, pidMode, ipcMode, runtimePlatform, ephemeralStorageGiB, registeredAt, registeredBy, deregisteredAt, tags, otherMembers);
        }
    }
}
