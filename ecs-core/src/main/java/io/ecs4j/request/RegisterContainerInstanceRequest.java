package io.ecs4j.request;

import io.ecs4j.model.Attribute;
import io.ecs4j.model.Tag;
import io.ecs4j.model.VersionInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * RegisterContainerInstance: a (simulated) host joins a cluster. Unset values get sensible defaults: an m5.large (2048 CPU units, 7680 MiB), availability zone {@code <region>a}, instance type {@code m5.large}, the agent's default reserved ports.
 *
 * <p>Immutable; build with {@link #builder()}. Lists and maps are unmodifiable and never null.
 *
 * @param cluster the cluster name or ARN; null means {@code default}
 * @param ec2InstanceId the EC2 instance id, or null to make one up
 * @param availabilityZone the availability zone, or null for {@code <region>a}
 * @param instanceType the instance type, or null for {@code m5.large}
 * @param cpu CPU units to register, or null for 2048
 * @param memory MiB to register, or null for 7680
 * @param reservedTcpPorts reserved TCP ports; the builder starts with the agent's defaults [22, 2375, 2376, 51678, 51679]
 * @param reservedUdpPorts reserved UDP ports; none by default
 * @param attributes custom attributes (and overrides of standard {@code ecs.*} values)
 * @param versionInfo versions, or null for ecs4j's defaults
 * @param tags tags
 */
public record RegisterContainerInstanceRequest(
        String cluster,
        String ec2InstanceId,
        String availabilityZone,
        String instanceType,
        Integer cpu,
        Integer memory,
        List<Integer> reservedTcpPorts,
        List<Integer> reservedUdpPorts,
        List<Attribute> attributes,
        VersionInfo versionInfo,
        List<Tag> tags) {

    public RegisterContainerInstanceRequest {
        reservedTcpPorts = reservedTcpPorts == null ? List.of() : List.copyOf(reservedTcpPorts);
        reservedUdpPorts = reservedUdpPorts == null ? List.of() : List.copyOf(reservedUdpPorts);
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
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
        b.ec2InstanceId = ec2InstanceId;
        b.availabilityZone = availabilityZone;
        b.instanceType = instanceType;
        b.cpu = cpu;
        b.memory = memory;
        b.reservedTcpPorts = reservedTcpPorts;
        b.reservedUdpPorts = reservedUdpPorts;
        b.attributes = attributes;
        b.versionInfo = versionInfo;
        b.tags = tags;
        return b;
    }

    /** Builds a {@link RegisterContainerInstanceRequest}. Not thread-safe. */
    public static final class Builder {
        private String cluster;
        private String ec2InstanceId;
        private String availabilityZone;
        private String instanceType;
        private Integer cpu;
        private Integer memory;
        private List<Integer> reservedTcpPorts = List.of(22, 2375, 2376, 51678, 51679);
        private List<Integer> reservedUdpPorts = List.of();
        private List<Attribute> attributes = List.of();
        private VersionInfo versionInfo;
        private List<Tag> tags = List.of();

        private Builder() {
        }

        /** Sets {@code cluster}: the cluster name or ARN; null means {@code default}. */
        public Builder cluster(String cluster) {
            this.cluster = cluster;
            return this;
        }

        /** Sets {@code ec2InstanceId}: the EC2 instance id, or null to make one up. */
        public Builder ec2InstanceId(String ec2InstanceId) {
            this.ec2InstanceId = ec2InstanceId;
            return this;
        }

        /** Sets {@code availabilityZone}: the availability zone, or null for {@code <region>a}. */
        public Builder availabilityZone(String availabilityZone) {
            this.availabilityZone = availabilityZone;
            return this;
        }

        /** Sets {@code instanceType}: the instance type, or null for {@code m5.large}. */
        public Builder instanceType(String instanceType) {
            this.instanceType = instanceType;
            return this;
        }

        /** Sets {@code cpu}: CPU units to register, or null for 2048. */
        public Builder cpu(Integer cpu) {
            this.cpu = cpu;
            return this;
        }

        /** Sets {@code memory}: MiB to register, or null for 7680. */
        public Builder memory(Integer memory) {
            this.memory = memory;
            return this;
        }

        /** Sets {@code reservedTcpPorts}: reserved TCP ports; the builder starts with the agent's defaults [22, 2375, 2376, 51678, 51679]. */
        public Builder reservedTcpPorts(List<Integer> reservedTcpPorts) {
            this.reservedTcpPorts = reservedTcpPorts;
            return this;
        }

        /** Sets {@code reservedTcpPorts}. */
        public Builder reservedTcpPorts(Integer... reservedTcpPorts) {
            this.reservedTcpPorts = List.of(reservedTcpPorts);
            return this;
        }

        /** Sets {@code reservedUdpPorts}: reserved UDP ports; none by default. */
        public Builder reservedUdpPorts(List<Integer> reservedUdpPorts) {
            this.reservedUdpPorts = reservedUdpPorts;
            return this;
        }

        /** Sets {@code reservedUdpPorts}. */
        public Builder reservedUdpPorts(Integer... reservedUdpPorts) {
            this.reservedUdpPorts = List.of(reservedUdpPorts);
            return this;
        }

        /** Sets {@code attributes}: custom attributes (and overrides of standard {@code ecs.*} values). */
        public Builder attributes(List<Attribute> attributes) {
            this.attributes = attributes;
            return this;
        }

        /** Sets {@code attributes}. */
        public Builder attributes(Attribute... attributes) {
            this.attributes = List.of(attributes);
            return this;
        }

        /** Sets {@code versionInfo}: versions, or null for ecs4j's defaults. */
        public Builder versionInfo(VersionInfo versionInfo) {
            this.versionInfo = versionInfo;
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
        public RegisterContainerInstanceRequest build() {
            return new RegisterContainerInstanceRequest(cluster, ec2InstanceId, availabilityZone, instanceType, cpu, memory, reservedTcpPorts, reservedUdpPorts, attributes, versionInfo, tags);
        }
    }
}
