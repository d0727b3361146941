package io.ecs4j.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A container instance: a host registered to a cluster, with its resources and attributes.
 *
 * <p>Immutable; build with {@link #builder()}. Lists and maps are unmodifiable and never null.
 *
 * @param containerInstanceArn the ARN; not null
 * @param ec2InstanceId the EC2 instance id (ecs4j makes up {@code i-...} ids when none is given)
 * @param status the status; not null
 * @param statusReason why it has this status, or null
 * @param agentConnected whether the agent is connected; tasks are placed only on connected instances
 * @param versionInfo agent and Docker versions, or null
 * @param registeredResources what it registered with
 * @param remainingResources registered minus what its tasks use
 * @param runningTasksCount tasks with desiredStatus RUNNING in RUNNING
 * @param pendingTasksCount tasks in PENDING
 * @param attributes standard {@code ecs.*} and custom attributes
 * @param registeredAt when it registered
 * @param version incremented on every change
 * @param capacityProviderName capacity provider, or null
 * @param tags tags
 */
public record ContainerInstance(
        ContainerInstanceArn containerInstanceArn,
        String ec2InstanceId,
        ContainerInstanceStatus status,
        String statusReason,
        boolean agentConnected,
        VersionInfo versionInfo,
        List<Resource> registeredResources,
        List<Resource> remainingResources,
        int runningTasksCount,
        int pendingTasksCount,
        List<Attribute> attributes,
        Instant registeredAt,
        long version,
        String capacityProviderName,
        List<Tag> tags) {

    public ContainerInstance {
        Objects.requireNonNull(containerInstanceArn, "containerInstanceArn");
        Objects.requireNonNull(status, "status");
        registeredResources = registeredResources == null ? List.of() : List.copyOf(registeredResources);
        remainingResources = remainingResources == null ? List.of() : List.copyOf(remainingResources);
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The container instance id (the last part of the ARN). */
    public String id() {
        return containerInstanceArn.id();
    }

    /** The value of attribute {@code name}, or null. */
    public String attribute(String name) {
        for (Attribute a : attributes) {
            if (a.name().equals(name)) {
                return a.value();
            }
        }
        return null;
    }

    /** The {@code ecs.availability-zone} attribute, or null. */
    public String availabilityZone() {
        return attribute("ecs.availability-zone");
    }

    /** The INTEGER value of remaining resource {@code name} (CPU, MEMORY), or 0. */
    public int remaining(String name) {
        return integerResource(remainingResources, name);
    }

    /** The INTEGER value of registered resource {@code name} (CPU, MEMORY), or 0. */
    public int registered(String name) {
        return integerResource(registeredResources, name);
    }

    private static int integerResource(List<Resource> resources, String name) {
        for (Resource r : resources) {
            if (r.name().equals(name) && r.integerValue() != null) {
                return r.integerValue();
            }
        }
        return 0;
    }

    /** A new builder with every component unset (or at its documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.containerInstanceArn = containerInstanceArn;
        b.ec2InstanceId = ec2InstanceId;
        b.status = status;
        b.statusReason = statusReason;
        b.agentConnected = agentConnected;
        b.versionInfo = versionInfo;
        b.registeredResources = registeredResources;
        b.remainingResources = remainingResources;
        b.runningTasksCount = runningTasksCount;
        b.pendingTasksCount = pendingTasksCount;
        b.attributes = attributes;
        b.registeredAt = registeredAt;
        b.version = version;
        b.capacityProviderName = capacityProviderName;
        b.tags = tags;
        return b;
    }

    /** Builds a {@link ContainerInstance}. Not thread-safe. */
    public static final class Builder {
        private ContainerInstanceArn containerInstanceArn;
        private String ec2InstanceId;
        private ContainerInstanceStatus status;
        private String statusReason;
        private boolean agentConnected;
        private VersionInfo versionInfo;
        private List<Resource> registeredResources = List.of();
        private List<Resource> remainingResources = List.of();
        private int runningTasksCount;
        private int pendingTasksCount;
        private List<Attribute> attributes = List.of();
        private Instant registeredAt;
        private long version;
        private String capacityProviderName;
        private List<Tag> tags = List.of();

        private Builder() {
        }

        /** Sets {@code containerInstanceArn}: the ARN; not null. */
        public Builder containerInstanceArn(ContainerInstanceArn containerInstanceArn) {
            this.containerInstanceArn = containerInstanceArn;
            return this;
        }

        /** Sets {@code ec2InstanceId}: the EC2 instance id (ecs4j makes up {@code i-...} ids when none is given). */
        public Builder ec2InstanceId(String ec2InstanceId) {
            this.ec2InstanceId = ec2InstanceId;
            return this;
        }

        /** Sets {@code status}: the status; not null. */
        public Builder status(ContainerInstanceStatus status) {
            this.status = status;
            return this;
        }

        /** Sets {@code statusReason}: why it has this status, or null. */
        public Builder statusReason(String statusReason) {
            this.statusReason = statusReason;
            return this;
        }

        /** Sets {@code agentConnected}: whether the agent is connected; tasks are placed only on connected instances. */
        public Builder agentConnected(boolean agentConnected) {
            this.agentConnected = agentConnected;
            return this;
        }

        /** Sets {@code versionInfo}: agent and Docker versions, or null. */
        public Builder versionInfo(VersionInfo versionInfo) {
            this.versionInfo = versionInfo;
            return this;
        }

        /** Sets {@code registeredResources}: what it registered with. */
        public Builder registeredResources(List<Resource> registeredResources) {
            this.registeredResources = registeredResources;
            return this;
        }

        /** Sets {@code registeredResources}. */
        public Builder registeredResources(Resource... registeredResources) {
            this.registeredResources = List.of(registeredResources);
            return this;
        }

        /** Sets {@code remainingResources}: registered minus what its tasks use. */
        public Builder remainingResources(List<Resource> remainingResources) {
            this.remainingResources = remainingResources;
            return this;
        }

        /** Sets {@code remainingResources}. */
        public Builder remainingResources(Resource... remainingResources) {
            this.remainingResources = List.of(remainingResources);
            return this;
        }

        /** Sets {@code runningTasksCount}: tasks with desiredStatus RUNNING in RUNNING. */
        public Builder runningTasksCount(int runningTasksCount) {
            this.runningTasksCount = runningTasksCount;
            return this;
        }

        /** Sets {@code pendingTasksCount}: tasks in PENDING. */
        public Builder pendingTasksCount(int pendingTasksCount) {
            this.pendingTasksCount = pendingTasksCount;
            return this;
        }

        /** Sets {@code attributes}: standard {@code ecs.*} and custom attributes. */
        public Builder attributes(List<Attribute> attributes) {
            this.attributes = attributes;
            return this;
        }

        /** Sets {@code attributes}. */
        public Builder attributes(Attribute... attributes) {
            this.attributes = List.of(attributes);
            return this;
        }

        /** Sets {@code registeredAt}: when it registered. */
        public Builder registeredAt(Instant registeredAt) {
            this.registeredAt = registeredAt;
            return this;
        }

        /** Sets {@code version}: incremented on every change. */
        public Builder version(long version) {
            this.version = version;
            return this;
        }

        /** Sets {@code capacityProviderName}: capacity provider, or null. */
        public Builder capacityProviderName(String capacityProviderName) {
            this.capacityProviderName = capacityProviderName;
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
        public ContainerInstance build() {
            return new ContainerInstance(containerInstanceArn, ec2InstanceId, status, statusReason, agentConnected, versionInfo, registeredResources, remainingResources, runningTasksCount, pendingTasksCount, attributes, registeredAt, version, capacityProviderName, tags);
        }
    }
}
