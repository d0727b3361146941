package io.ecs4j.internal.engine;

import io.ecs4j.internal.placement.InstanceSnapshot;
import io.ecs4j.internal.placement.Remaining;
import io.ecs4j.model.Attribute;
import io.ecs4j.model.ContainerInstance;
import io.ecs4j.model.ContainerInstanceArn;
import io.ecs4j.model.ContainerInstanceStatus;
import io.ecs4j.model.Resource;
import io.ecs4j.model.Tag;
import io.ecs4j.model.VersionInfo;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One container instance of a cluster. Loop-confined.
 */
final class InstanceState {
    final ContainerInstanceArn arn;
    final String ec2InstanceId;
    ContainerInstanceStatus status = ContainerInstanceStatus.ACTIVE;
    String statusReason;
    boolean agentConnected = true;
    final VersionInfo versionInfo;
    final int cpu;
    final int memory;
    final Set<Integer> reservedTcpPorts;
    final Set<Integer> reservedUdpPorts;
    private final Map<String, Attribute> attributeMap = new LinkedHashMap<>();
    /** The attributes by name, in registration order; change them with putAttribute / removeAttribute. */
    final Map<String, Attribute> attributes = java.util.Collections.unmodifiableMap(attributeMap);
    /** Caches for snapshots (one per change of the instance's tasks): rebuilt only when what they show changes. */
    private List<Attribute> attributeList;
    private List<Resource> registeredResources;
    final Instant registeredAt;
    long version = 1;
    /** Active tasks on this instance whose desired status is RUNNING (its {@code runningTasksCount}). */
    int runningTasksCount;
    /** Active tasks on this instance that are PROVISIONING, PENDING or ACTIVATING (its {@code pendingTasksCount}). */
    int pendingTasksCount;
    List<Tag> tags;

    InstanceState(ContainerInstanceArn arn, String ec2InstanceId, VersionInfo versionInfo, int cpu, int memory,
                  Set<Integer> reservedTcpPorts, Set<Integer> reservedUdpPorts, Instant registeredAt, List<Tag> tags) {
        this.arn = arn;
        this.ec2InstanceId = ec2InstanceId;
        this.versionInfo = versionInfo;
        this.cpu = cpu;
        this.memory = memory;
        this.reservedTcpPorts = Set.copyOf(reservedTcpPorts);
        this.reservedUdpPorts = Set.copyOf(reservedUdpPorts);
        this.registeredAt = registeredAt;
        this.tags = List.copyOf(tags);
    }

    String id() {
        return arn.id();
    }

    void putAttribute(String name, String value) {
        attributeMap.put(name, new Attribute(name, value, "container-instance", arn.toString()));
        attributeList = null;
    }

    /** Removes attribute {@code name}; returns it, or null when the instance had none by that name. */
    Attribute removeAttribute(String name) {
        Attribute removed = attributeMap.remove(name);
        if (removed != null) {
            attributeList = null;
        }
        return removed;
    }

    InstanceSnapshot placementView() {
        Map<String, String> attrs = new LinkedHashMap<>();
        attributes.forEach((k, v) -> attrs.put(k, v.value()));
        return new InstanceSnapshot(id(), arn.toString(), ec2InstanceId, status, agentConnected,
                versionInfo.agentVersion(), registeredAt, attrs, cpu, memory, reservedTcpPorts, reservedUdpPorts);
    }

    ContainerInstance snapshot(Remaining remaining, int runningTasks, int pendingTasks) {
        if (registeredResources == null) {
            registeredResources = resources(cpu, memory, reservedTcpPorts, reservedUdpPorts);
        }
        if (attributeList == null) {
            attributeList = List.copyOf(attributeMap.values());
        }
        List<Resource> registered = registeredResources;
        List<Resource> left = remaining == null ? registered
                : resources(remaining.cpu(), remaining.memory(), remaining.tcpPorts(), remaining.udpPorts());
        return ContainerInstance.builder()
                .containerInstanceArn(arn)
                .ec2InstanceId(ec2InstanceId)
                .status(status)
                .statusReason(statusReason)
                .agentConnected(agentConnected)
                .versionInfo(versionInfo)
                .registeredResources(registered)
                .remainingResources(left)
                .runningTasksCount(runningTasks)
                .pendingTasksCount(pendingTasks)
                .attributes(attributeList)
                .registeredAt(registeredAt)
                .version(version)
                .tags(tags)
                .build();
    }

    private static List<Resource> resources(int cpu, int memory, Set<Integer> tcp, Set<Integer> udp) {
        return List.of(Resource.integer("CPU", cpu), Resource.integer("MEMORY", memory),
                Resource.stringSet("PORTS", ports(tcp)), Resource.stringSet("PORTS_UDP", ports(udp)));
    }

    private static List<String> ports(Set<Integer> ports) {
        return new TreeSet<>(ports).stream().map(String::valueOf).toList();
    }
}
