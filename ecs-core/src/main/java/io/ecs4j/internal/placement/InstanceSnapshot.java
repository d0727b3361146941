package io.ecs4j.internal.placement;

import io.ecs4j.model.ContainerInstanceStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** TEMPORARY: replaced by the placement implementation. */
public record InstanceSnapshot(String id, String arn, String ec2InstanceId, ContainerInstanceStatus status,
                               boolean agentConnected, String agentVersion, Instant registeredAt,
                               Map<String, String> attributes, int cpu, int memory, Set<Integer> reservedTcpPorts,
                               Set<Integer> reservedUdpPorts) {
}
