package io.ecs4j.model;

import java.util.Objects;

/**
 * A port mapping of a container definition.
 *
 * <p>Immutable; build with {@link #builder()}. Lists and maps are unmodifiable and never null.
 *
 * @param containerPort the port inside the container (1–65535), or null when {@code containerPortRange} is used
 * @param hostPort the host port; null or 0 means dynamic in {@code bridge} mode and "same as containerPort" in {@code awsvpc} and {@code host} mode
 * @param protocol tcp or udp; null means tcp (registration fills it in)
 * @param name a name for Service Connect / VPC Lattice, or null
 * @param appProtocol {@code http}, {@code http2} or {@code grpc}, or null
 * @param containerPortRange a {@code first-last} range, or null
 */
public record PortMapping(
        Integer containerPort,
        Integer hostPort,
        TransportProtocol protocol,
        String name,
        String appProtocol,
        String containerPortRange) {

    public PortMapping {

    }

    /** A TCP mapping of {@code containerPort} to {@code hostPort} (0 or null for a dynamic host port). */
    public static PortMapping tcp(int containerPort, Integer hostPort) {
        return new PortMapping(containerPort, hostPort, TransportProtocol.TCP, null, null, null);
    }

    /** The protocol, tcp when unset. */
    public TransportProtocol protocolOrDefault() {
        return protocol == null ? TransportProtocol.TCP : protocol;
    }

    /** A new builder with every component unset (or at its documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.containerPort = containerPort;
        b.hostPort = hostPort;
        b.protocol = protocol;
        b.name = name;
        b.appProtocol = appProtocol;
        b.containerPortRange = containerPortRange;
        return b;
    }

    /** Builds a {@link PortMapping}. Not thread-safe. */
    public static final class Builder {
        private Integer containerPort;
        private Integer hostPort;
        private TransportProtocol protocol;
        private String name;
        private String appProtocol;
        private String containerPortRange;

        private Builder() {
        }

        /** Sets {@code containerPort}: the port inside the container (1–65535), or null when {@code containerPortRange} is used. */
        public Builder containerPort(Integer containerPort) {
            this.containerPort = containerPort;
            return this;
        }

        /** Sets {@code hostPort}: the host port; null or 0 means dynamic in {@code bridge} mode and "same as containerPort" in {@code awsvpc} and {@code host} mode. */
        public Builder hostPort(Integer hostPort) {
            this.hostPort = hostPort;
            return this;
        }

        /** Sets {@code protocol}: tcp or udp; null means tcp (registration fills it in). */
        public Builder protocol(TransportProtocol protocol) {
            this.protocol = protocol;
            return this;
        }

        /** Sets {@code name}: a name for Service Connect / VPC Lattice, or null. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Sets {@code appProtocol}: {@code http}, {@code http2} or {@code grpc}, or null. */
        public Builder appProtocol(String appProtocol) {
            this.appProtocol = appProtocol;
            return this;
        }

        /** Sets {@code containerPortRange}: a {@code first-last} range, or null. */
        public Builder containerPortRange(String containerPortRange) {
            this.containerPortRange = containerPortRange;
            return this;
        }

        /** Builds the record. */
        public PortMapping build() {
            return new PortMapping(containerPort, hostPort, protocol, name, appProtocol, containerPortRange);
        }
    }
}
