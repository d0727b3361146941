package io.ecs4j.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A task: one running instance of a task definition, as DescribeTasks shows it.
 *
 * <p>Immutable; build with {@link #builder()}. Lists and maps are unmodifiable and never null.
 *
 * @param taskArn the task ARN; not null
 * @param clusterArn the cluster; not null
 * @param taskDefinitionArn the task definition revision; not null
 * @param containerInstanceArn the container instance (EC2), or null (Fargate)
 * @param availabilityZone the availability zone, or null
 * @param containers the containers, in task definition order
 * @param overrides the overrides it was started with; never null after launch
 * @param lastStatus the last status; not null
 * @param desiredStatus RUNNING or STOPPED; not null
 * @param cpu task CPU units (task-level or the sum of the containers'), or null
 * @param memory task memory in MiB, or null
 * @param launchType EC2 or FARGATE
 * @param group the task group: {@code service:<name>} or {@code family:<family>} by default
 * @param startedBy who started it (a service's deployment id for service tasks), or null
 * @param createdAt when it was created
 * @param pullStartedAt when the first image pull started, or null
 * @param pullStoppedAt when the last image pull finished, or null
 * @param startedAt when it reached RUNNING, or null
 * @param connectivityAt when it connected, or null
 * @param stoppingAt when it began to stop, or null
 * @param executionStoppedAt when its first essential container stopped, or null
 * @param stoppedAt when it reached STOPPED, or null
 * @param stopCode why it stopped, or null
 * @param stoppedReason why it stopped, in words, or null
 * @param healthStatus the task's health from its essential containers
 * @param connectivity CONNECTED or DISCONNECTED
 * @param attachments the ENI of an awsvpc task
 * @param attributes attributes (ecs.cpu-architecture ...)
 * @param version incremented on every change
 * @param tags tags
 * @param platformVersion Fargate platform version, or null
 * @param platformFamily Fargate platform family, or null
 * @param capacityProviderName capacity provider, or null
 * @param enableExecuteCommand whether ECS Exec is enabled
 */
public record Task(
        TaskArn taskArn,
        ClusterArn clusterArn,
        TaskDefinitionArn taskDefinitionArn,
        ContainerInstanceArn containerInstanceArn,
        String availabilityZone,
        List<Container> containers,
        TaskOverride overrides,
        TaskStatus lastStatus,
        DesiredStatus desiredStatus,
        Integer cpu,
        Integer memory,
        LaunchType launchType,
        String group,
        String startedBy,
        Instant createdAt,
        Instant pullStartedAt,
        Instant pullStoppedAt,
        Instant startedAt,
        Instant connectivityAt,
        Instant stoppingAt,
        Instant executionStoppedAt,
        Instant stoppedAt,
        TaskStopCode stopCode,
        String stoppedReason,
        HealthStatus healthStatus,
        Connectivity connectivity,
        List<Attachment> attachments,
        List<Attribute> attributes,
        long version,
        List<Tag> tags,
        String platformVersion,
        String platformFamily,
        String capacityProviderName,
        boolean enableExecuteCommand) {

    public Task {
        Objects.requireNonNull(taskArn, "taskArn");
        Objects.requireNonNull(clusterArn, "clusterArn");
        Objects.requireNonNull(taskDefinitionArn, "taskDefinitionArn");
        containers = containers == null ? List.of() : List.copyOf(containers);
        Objects.requireNonNull(lastStatus, "lastStatus");
        Objects.requireNonNull(desiredStatus, "desiredStatus");
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The container called {@code name}, or null. */
    public Container container(String name) {
        for (Container c : containers) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** The task id (the last part of the ARN). */
    public String taskId() {
        return taskArn.taskId();
    }

    /** A new builder with every component unset (or at its documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.taskArn = taskArn;
        b.clusterArn = clusterArn;
        b.taskDefinitionArn = taskDefinitionArn;
        b.containerInstanceArn = containerInstanceArn;
        b.availabilityZone = availabilityZone;
        b.containers = containers;
        b.overrides = overrides;
        b.lastStatus = lastStatus;
        b.desiredStatus = desiredStatus;
        b.cpu = cpu;
        b.memory = memory;
        b.launchType = launchType;
        b.group = group;
        b.startedBy = startedBy;
        b.createdAt = createdAt;
        b.pullStartedAt = pullStartedAt;
        b.pullStoppedAt = pullStoppedAt;
        b.startedAt = startedAt;
        b.connectivityAt = connectivityAt;
        b.stoppingAt = stoppingAt;
        b.executionStoppedAt = executionStoppedAt;
        b.stoppedAt = stoppedAt;
        b.stopCode = stopCode;
        b.stoppedReason = stoppedReason;
        b.healthStatus = healthStatus;
        b.connectivity = connectivity;
        b.attachments = attachments;
        b.attributes = attributes;
        b.version = version;
        b.tags = tags;
        b.platformVersion = platformVersion;
        b.platformFamily = platformFamily;
        b.capacityProviderName = capacityProviderName;
        b.enableExecuteCommand = enableExecuteCommand;
        return b;
    }

    /** Builds a {@link Task}. Not thread-safe. */
    public static final class Builder {
        private TaskArn taskArn;
        private ClusterArn clusterArn;
        private TaskDefinitionArn taskDefinitionArn;
        private ContainerInstanceArn containerInstanceArn;
        private String availabilityZone;
        private List<Container> containers = List.of();
        private TaskOverride overrides;
        private TaskStatus lastStatus;
        private DesiredStatus desiredStatus;
        private Integer cpu;
        private Integer memory;
        private LaunchType launchType;
        private String group;
        private String startedBy;
        private Instant createdAt;
        private Instant pullStartedAt;
        private Instant pullStoppedAt;
        private Instant startedAt;
        private Instant connectivityAt;
        private Instant stoppingAt;
        private Instant executionStoppedAt;
        private Instant stoppedAt;
        private TaskStopCode stopCode;
        private String stoppedReason;
        private HealthStatus healthStatus;
        private Connectivity connectivity;
        private List<Attachment> attachments = List.of();
        private List<Attribute> attributes = List.of();
        private long version;
        private List<Tag> tags = List.of();
        private String platformVersion;
        private String platformFamily;
        private String capacityProviderName;
        private boolean enableExecuteCommand;

        private Builder() {
        }

        /** Sets {@code taskArn}: the task ARN; not null. */
        public Builder taskArn(TaskArn taskArn) {
            this.taskArn = taskArn;
            return this;
        }

        /** Sets {@code clusterArn}: the cluster; not null. */
        public Builder clusterArn(ClusterArn clusterArn) {
            this.clusterArn = clusterArn;
            return this;
        }

        /** Sets {@code taskDefinitionArn}: the task definition revision; not null. */
        public Builder taskDefinitionArn(TaskDefinitionArn taskDefinitionArn) {
            this.taskDefinitionArn = taskDefinitionArn;
            return this;
        }

        /** Sets {@code containerInstanceArn}: the container instance (EC2), or null (Fargate). */
        public Builder containerInstanceArn(ContainerInstanceArn containerInstanceArn) {
            this.containerInstanceArn = containerInstanceArn;
            return this;
        }

        /** Sets {@code availabilityZone}: the availability zone, or null. */
        public Builder availabilityZone(String availabilityZone) {
            this.availabilityZone = availabilityZone;
            return this;
        }

        /** Sets {@code containers}: the containers, in task definition order. */
        public Builder containers(List<Container> containers) {
            this.containers = containers;
            return this;
        }

        /** Sets {@code containers}. */
        public Builder containers(Container... containers) {
            this.containers = List.of(containers);
            return this;
        }

        /** Sets {@code overrides}: the overrides it was started with; never null after launch. */
        public Builder overrides(TaskOverride overrides) {
            this.overrides = overrides;
            return this;
        }

        /** Sets {@code lastStatus}: the last status; not null. */
        public Builder lastStatus(TaskStatus lastStatus) {
            this.lastStatus = lastStatus;
            return this;
        }

        /** Sets {@code desiredStatus}: RUNNING or STOPPED; not null. */
        public Builder desiredStatus(DesiredStatus desiredStatus) {
            this.desiredStatus = desiredStatus;
            return this;
        }

        /** Sets {@code cpu}: task CPU units (task-level or the sum of the containers'), or null. */
        public Builder cpu(Integer cpu) {
            this.cpu = cpu;
            return this;
        }

        /** Sets {@code memory}: task memory in MiB, or null. */
        public Builder memory(Integer memory) {
            this.memory = memory;
            return this;
        }

        /** Sets {@code launchType}: EC2 or FARGATE. */
        public Builder launchType(LaunchType launchType) {
            this.launchType = launchType;
            return this;
        }

        /** Sets {@code group}: the task group: {@code service:<name>} or {@code family:<family>} by default. */
        public Builder group(String group) {
            this.group = group;
            return this;
        }

        /** Sets {@code startedBy}: who started it (a service's deployment id for service tasks), or null. */
        public Builder startedBy(String startedBy) {
            this.startedBy = startedBy;
            return this;
        }

        /** Sets {@code createdAt}: when it was created. */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /** Sets {@code pullStartedAt}: when the first image pull started, or null. */
        public Builder pullStartedAt(Instant pullStartedAt) {
            this.pullStartedAt = pullStartedAt;
            return this;
        }

        /** Sets {@code pullStoppedAt}: when the last image pull finished, or null. */
        public Builder pullStoppedAt(Instant pullStoppedAt) {
            this.pullStoppedAt = pullStoppedAt;
            return this;
        }

        /** Sets {@code startedAt}: when it reached RUNNING, or null. */
        public Builder startedAt(Instant startedAt) {
            this.startedAt = startedAt;
            return this;
        }

        /** Sets {@code connectivityAt}: when it connected, or null. */
        public Builder connectivityAt(Instant connectivityAt) {
            this.connectivityAt = connectivityAt;
            return this;
        }

        /** Sets {@code stoppingAt}: when it began to stop, or null. */
        public Builder stoppingAt(Instant stoppingAt) {
            this.stoppingAt = stoppingAt;
            return this;
        }

        /** Sets {@code executionStoppedAt}: when its first essential container stopped, or null. */
        public Builder executionStoppedAt(Instant executionStoppedAt) {
            this.executionStoppedAt = executionStoppedAt;
            return this;
        }

        /** Sets {@code stoppedAt}: when it reached STOPPED, or null. */
        public Builder stoppedAt(Instant stoppedAt) {
            this.stoppedAt = stoppedAt;
            return this;
        }

        /** Sets {@code stopCode}: why it stopped, or null. */
        public Builder stopCode(TaskStopCode stopCode) {
            this.stopCode = stopCode;
            return this;
        }

        /** Sets {@code stoppedReason}: why it stopped, in words, or null. */
        public Builder stoppedReason(String stoppedReason) {
            this.stoppedReason = stoppedReason;
            return this;
        }

        /** Sets {@code healthStatus}: the task's health from its essential containers. */
        public Builder healthStatus(HealthStatus healthStatus) {
            this.healthStatus = healthStatus;
            return this;
        }

        /** Sets {@code connectivity}: CONNECTED or DISCONNECTED. */
        public Builder connectivity(Connectivity connectivity) {
            this.connectivity = connectivity;
            return this;
        }

        /** Sets {@code attachments}: the ENI of an awsvpc task. */
        public Builder attachments(List<Attachment> attachments) {
            this.attachments = attachments;
            return this;
        }

        /** Sets {@code attachments}. */
        public Builder attachments(Attachment... attachments) {
            this.attachments = List.of(attachments);
            return this;
        }

        /** Sets {@code attributes}: attributes (ecs.cpu-architecture ...). */
        public Builder attributes(List<Attribute> attributes) {
            this.attributes = attributes;
            return this;
        }

        /** Sets {@code attributes}. */
        public Builder attributes(Attribute... attributes) {
            this.attributes = List.of(attributes);
            return this;
        }

        /** Sets {@code version}: incremented on every change. */
        public Builder version(long version) {
            this.version = version;
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

        /** Sets {@code platformVersion}: Fargate platform version, or null. */
        public Builder platformVersion(String platformVersion) {
            this.platformVersion = platformVersion;
            return this;
        }

        /** Sets {@code platformFamily}: Fargate platform family, or null. */
        public Builder platformFamily(String platformFamily) {
            this.platformFamily = platformFamily;
            return this;
        }

        /** Sets {@code capacityProviderName}: capacity provider, or null. */
        public Builder capacityProviderName(String capacityProviderName) {
            this.capacityProviderName = capacityProviderName;
            return this;
        }

        /** Sets {@code enableExecuteCommand}: whether ECS Exec is enabled. */
        public Builder enableExecuteCommand(boolean enableExecuteCommand) {
            this.enableExecuteCommand = enableExecuteCommand;
            return this;
        }

        /** Builds the record. */
        public Task build() {
            return new Task(taskArn, clusterArn, taskDefinitionArn, containerInstanceArn, availabilityZone, containers, overrides, lastStatus, desiredStatus, cpu, memory, launchType, group, startedBy, createdAt, pullStartedAt, pullStoppedAt, startedAt, connectivityAt, stoppingAt, executionStoppedAt, stoppedAt, stopCode, stoppedReason, healthStatus, connectivity, attachments, attributes, version, tags, platformVersion, platformFamily, capacityProviderName, enableExecuteCommand);
        }
    }
}
