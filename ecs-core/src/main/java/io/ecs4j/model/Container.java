package io.ecs4j.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A container of a task, as DescribeTasks shows it.
 *
 * <p>Immutable; build with {@link #builder()}. Lists and maps are unmodifiable and never null.
 *
 * @param containerArn the container ARN; not null
 * @param taskArn the task; not null
 * @param name the container name; not null
 * @param image the image
 * @param imageDigest the image digest once pulled, or null
 * @param runtimeId the runtime's id (Docker container id), or null before creation
 * @param lastStatus PENDING, RUNNING or STOPPED; not null
 * @param exitCode the exit code once stopped, or null if it never ran
 * @param reason why it stopped, or null
 * @param networkBindings published ports
 * @param networkInterfaces awsvpc interfaces
 * @param healthStatus HEALTHY, UNHEALTHY or UNKNOWN (also when it has no health check)
 * @param cpu CPU units
 * @param memory hard memory limit in MiB, or null
 * @param memoryReservation soft memory limit in MiB, or null
 * @param essential whether the task stops when this container stops (from the task definition)
 */
public record Container(
        ContainerArn containerArn,
        TaskArn taskArn,
        String name,
        String image,
        String imageDigest,
        String runtimeId,
        ContainerStatus lastStatus,
        Integer exitCode,
        String reason,
        List<NetworkBinding> networkBindings,
        List<NetworkInterface> networkInterfaces,
        HealthStatus healthStatus,
        int cpu,
        Integer memory,
        Integer memoryReservation,
        boolean essential) {

    public Container {
        Objects.requireNonNull(containerArn, "containerArn");
        Objects.requireNonNull(taskArn, "taskArn");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(lastStatus, "lastStatus");
        networkBindings = networkBindings == null ? List.of() : List.copyOf(networkBindings);
        networkInterfaces = networkInterfaces == null ? List.of() : List.copyOf(networkInterfaces);
    }

    /** A new builder with every component unset (or at its documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.containerArn = containerArn;
        b.taskArn = taskArn;
        b.name = name;
        b.image = image;
        b.imageDigest = imageDigest;
        b.runtimeId = runtimeId;
        b.lastStatus = lastStatus;
        b.exitCode = exitCode;
        b.reason = reason;
        b.networkBindings = networkBindings;
        b.networkInterfaces = networkInterfaces;
        b.healthStatus = healthStatus;
        b.cpu = cpu;
        b.memory = memory;
        b.memoryReservation = memoryReservation;
        b.essential = essential;
        return b;
    }

    /** Builds a {@link Container}. Not thread-safe. */
    public static final class Builder {
        private ContainerArn containerArn;
        private TaskArn taskArn;
        private String name;
        private String image;
        private String imageDigest;
        private String runtimeId;
        private ContainerStatus lastStatus;
        private Integer exitCode;
        private String reason;
        private List<NetworkBinding> networkBindings = List.of();
        private List<NetworkInterface> networkInterfaces = List.of();
        private HealthStatus healthStatus;
        private int cpu;
        private Integer memory;
        private Integer memoryReservation;
        private boolean essential;

        private Builder() {
        }

        /** Sets {@code containerArn}: the container ARN; not null. */
        public Builder containerArn(ContainerArn containerArn) {
            this.containerArn = containerArn;
            return this;
        }

        /** Sets {@code taskArn}: the task; not null. */
        public Builder taskArn(TaskArn taskArn) {
            this.taskArn = taskArn;
            return this;
        }

        /** Sets {@code name}: the container name; not null. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Sets {@code image}: the image. */
        public Builder image(String image) {
            this.image = image;
            return this;
        }

        /** Sets {@code imageDigest}: the image digest once pulled, or null. */
        public Builder imageDigest(String imageDigest) {
            this.imageDigest = imageDigest;
            return this;
        }

        /** Sets {@code runtimeId}: the runtime's id (Docker container id), or null before creation. */
        public Builder runtimeId(String runtimeId) {
            this.runtimeId = runtimeId;
            return this;
        }

        /** Sets {@code lastStatus}: PENDING, RUNNING or STOPPED; not null. */
        public Builder lastStatus(ContainerStatus lastStatus) {
            this.lastStatus = lastStatus;
            return this;
        }

        /** Sets {@code exitCode}: the exit code once stopped, or null if it never ran. */
        public Builder exitCode(Integer exitCode) {
            this.exitCode = exitCode;
            return this;
        }

        /** Sets {@code reason}: why it stopped, or null. */
        public Builder reason(String reason) {
            this.reason = reason;
            return this;
        }

        /** Sets {@code networkBindings}: published ports. */
        public Builder networkBindings(List<NetworkBinding> networkBindings) {
            this.networkBindings = networkBindings;
            return this;
        }

        /** Sets {@code networkBindings}. */
        public Builder networkBindings(NetworkBinding... networkBindings) {
            this.networkBindings = List.of(networkBindings);
            return this;
        }

        /** Sets {@code networkInterfaces}: awsvpc interfaces. */
        public Builder networkInterfaces(List<NetworkInterface> networkInterfaces) {
            this.networkInterfaces = networkInterfaces;
            return this;
        }

        /** Sets {@code networkInterfaces}. */
        public Builder networkInterfaces(NetworkInterface... networkInterfaces) {
            this.networkInterfaces = List.of(networkInterfaces);
            return this;
        }

        /** Sets {@code healthStatus}: HEALTHY, UNHEALTHY or UNKNOWN (also when it has no health check). */
        public Builder healthStatus(HealthStatus healthStatus) {
            this.healthStatus = healthStatus;
            return this;
        }

        /** Sets {@code cpu}: CPU units. */
        public Builder cpu(int cpu) {
            this.cpu = cpu;
            return this;
        }

        /** Sets {@code memory}: hard memory limit in MiB, or null. */
        public Builder memory(Integer memory) {
            this.memory = memory;
            return this;
        }

        /** Sets {@code memoryReservation}: soft memory limit in MiB, or null. */
        public Builder memoryReservation(Integer memoryReservation) {
            this.memoryReservation = memoryReservation;
            return this;
        }

        /** Sets {@code essential}: whether the task stops when this container stops (from the task definition). */
        public Builder essential(boolean essential) {
            this.essential = essential;
            return this;
        }

        /** Builds the record. */
        public Container build() {
            return new Container(containerArn, taskArn, name, image, imageDigest, runtimeId, lastStatus, exitCode, reason, networkBindings, networkInterfaces, healthStatus, cpu, memory, memoryReservation, essential);
        }
    }
}
