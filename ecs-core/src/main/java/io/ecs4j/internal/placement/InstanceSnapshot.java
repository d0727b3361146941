package io.ecs4j.internal.placement;

import io.ecs4j.model.ContainerInstanceStatus;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What placement needs to know about one container instance. Immutable.
 *
 * @param id               the container instance id; not null
 * @param arn              the container instance ARN, used in failures; not null
 * @param ec2InstanceId    the EC2 instance id, or null
 * @param status           the status; only ACTIVE instances receive tasks
 * @param agentConnected   whether the agent is connected; disconnected instances receive no tasks
 * @param agentVersion     the agent version, or null
 * @param registeredAt     when it registered, or null
 * @param attributes       name to value; a null value for value-less attributes. Unmodifiable, never null
 * @param cpu              registered CPU units
 * @param memory           registered memory in MiB
 * @param reservedTcpPorts TCP ports reserved at registration (the agent's defaults and ECS_RESERVED_PORTS)
 * @param reservedUdpPorts UDP ports reserved at registration
 */
public record InstanceSnapshot(
        String id,
        String arn,
        String ec2InstanceId,
        ContainerInstanceStatus status,
        boolean agentConnected,
        String agentVersion,
        Instant registeredAt,
        Map<String, String> attributes,
        int cpu,
        int memory,
        Set<Integer> reservedTcpPorts,
        Set<Integer> reservedUdpPorts) {

    public InstanceSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(status, "status");
        // Map.copyOf rejects null values, which value-less attributes need
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        if (cpu < 0 || memory < 0) {
            throw new IllegalArgumentException("cpu and memory must be >= 0, got " + cpu + " / " + memory);
        }
        reservedTcpPorts = reservedTcpPorts == null ? Set.of() : Set.copyOf(reservedTcpPorts);
        reservedUdpPorts = reservedUdpPorts == null ? Set.of() : Set.copyOf(reservedUdpPorts);
    }

    /** Whether placement may put tasks here: ACTIVE with a connected agent. */
    public boolean acceptsTasks() {
        return status == ContainerInstanceStatus.ACTIVE && agentConnected;
    }

    /** Whether the instance counts as registered: every status except INACTIVE and REGISTRATION_FAILED. */
    public boolean isRegistered() {
        return status != ContainerInstanceStatus.INACTIVE && status != ContainerInstanceStatus.REGISTRATION_FAILED;
    }
}
