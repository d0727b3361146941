package io.ecs4j.internal.engine;

import io.ecs4j.EcsException;
import io.ecs4j.internal.placement.AttributeRules;
import io.ecs4j.internal.util.ArnParts;
import io.ecs4j.internal.util.Pagination;
import io.ecs4j.model.Attribute;
import io.ecs4j.model.ContainerInstance;
import io.ecs4j.model.ContainerInstanceArn;
import io.ecs4j.model.ContainerInstanceStatus;
import io.ecs4j.model.DesiredStatus;
import io.ecs4j.model.Failure;
import io.ecs4j.model.TaskStopCode;
import io.ecs4j.model.VersionInfo;
import io.ecs4j.request.DescribeResult;
import io.ecs4j.request.ListContainerInstancesRequest;
import io.ecs4j.request.Page;
import io.ecs4j.request.RegisterContainerInstanceRequest;
import io.ecs4j.request.UpdateContainerInstancesStateResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * RegisterContainerInstance, DeregisterContainerInstance, DescribeContainerInstances, ListContainerInstances,
 * UpdateContainerInstancesState and the agent-connection knob, for one cluster.
 */
final class InstanceOperations {
    private static final Pattern EC2_ID = Pattern.compile("i-[0-9a-f]{8,17}|mi-[0-9a-f]{8,17}");

    private final DefaultLocalEcs ecs;

    InstanceOperations(DefaultLocalEcs ecs) {
        this.ecs = ecs;
    }

    ContainerInstance register(ClusterContext cluster, RegisterContainerInstanceRequest r) {
        cluster.requireActive();
        var host = ecs.runtime().hostResources();
        int cpu = r.cpu() != null ? r.cpu() : host.map(h -> h.cpuUnits()).orElse(InstanceDefaults.CPU);
        int memory = r.memory() != null ? r.memory() : host.map(h -> h.memoryMiB()).orElse(InstanceDefaults.MEMORY);
        if (cpu < 0) {
            throw EcsException.invalidParameter("cpu", "cpu must not be negative.");
        }
        if (memory < 0) {
            throw EcsException.invalidParameter("memory", "memory must not be negative.");
        }
        if (r.ec2InstanceId() != null && !EC2_ID.matcher(r.ec2InstanceId()).matches()) {
            throw EcsException.invalidParameter("ec2InstanceId",
                    "ec2InstanceId must look like i-0123456789abcdef0, but was '" + r.ec2InstanceId() + "'.");
        }
        Set<Integer> tcp = ports(r.reservedTcpPorts(), "reservedTcpPorts");
        Set<Integer> udp = ports(r.reservedUdpPorts(), "reservedUdpPorts");
        for (int i = 0; i < r.attributes().size(); i++) {
            Attribute a = r.attributes().get(i);
            if (a.name() == null || a.name().isEmpty() || a.name().length() > 128) {
                throw EcsException.invalidParameter("attributes[" + i + "].name",
                        "Attribute names must be 1-128 characters.");
            }
        }
        List<io.ecs4j.model.Tag> tags = Tags.validate(r.tags(), "tags");
        String zone = r.availabilityZone() == null ? ecs.config().region() + "a" : r.availabilityZone();
        String type = r.instanceType() == null ? InstanceDefaults.INSTANCE_TYPE : r.instanceType();
        VersionInfo version = r.versionInfo() != null ? r.versionInfo() : defaultVersionInfo();
        String id = ecs.ids().hex32();
        String ec2 = r.ec2InstanceId() == null ? ecs.ids().ec2InstanceId() : r.ec2InstanceId();
        for (InstanceState existing : cluster.instances.values()) {
            if (existing.ec2InstanceId.equals(ec2) && existing.status != ContainerInstanceStatus.INACTIVE) {
                // ECS returns the existing registration when the same EC2 instance registers again.
                return cluster.instanceViews.get(existing.id());
            }
        }
        InstanceState instance = create(cluster, id, ec2, version, cpu, memory, tcp, udp, zone, type, r.attributes(),
                tags);
        return cluster.instanceViews.get(instance.id());
    }

    /** Adds an instance with the standard {@code ecs.*} and capability attributes; publishes it. */
    InstanceState create(ClusterContext cluster, String id, String ec2, VersionInfo version, int cpu, int memory,
                         Set<Integer> tcp, Set<Integer> udp, String zone, String type, List<Attribute> custom,
                         List<io.ecs4j.model.Tag> tags) {
        InstanceState instance = new InstanceState(new ContainerInstanceArn(cluster.arn.region(),
                cluster.arn.accountId(), cluster.name, id), ec2, version, cpu, memory, tcp, udp,
                cluster.clock().instant(), tags);
        instance.putAttribute("ecs.ami-id", "ami-" + id.substring(0, 17));
        instance.putAttribute("ecs.availability-zone", zone);
        instance.putAttribute("ecs.instance-type", type);
        instance.putAttribute("ecs.os-type", "linux");
        instance.putAttribute("ecs.os-family", "LINUX");
        instance.putAttribute("ecs.cpu-architecture", type.contains("g.") ? "arm64" : "x86_64");
        instance.putAttribute("ecs.vpc-id", "vpc-local");
        instance.putAttribute("ecs.subnet-id", "subnet-" + zone);
        for (String capability : InstanceDefaults.CAPABILITIES) {
            instance.putAttribute(capability, null);
        }
        for (Attribute a : custom) {
            instance.putAttribute(a.name(), a.value());
        }
        cluster.instances.put(id, instance);
        cluster.instanceOrder.add(id);
        cluster.placement.upsertInstance(instance.placementView());
        cluster.instanceChanged(id);
        cluster.flush();
        return instance;
    }

    /** The default version info a simulated agent reports. */
    static VersionInfo defaultVersionInfo() {
        return new VersionInfo(InstanceDefaults.AGENT_VERSION, InstanceDefaults.AGENT_HASH,
                InstanceDefaults.DOCKER_VERSION);
    }

    private static Set<Integer> ports(List<Integer> ports, String field) {
        Set<Integer> set = new LinkedHashSet<>();
        for (Integer p : ports) {
            if (p == null || p < 1 || p > 65535) {
                throw EcsException.invalidParameter(field, "Ports must be between 1 and 65535, but was " + p + ".");
            }
            set.add(p);
        }
        if (set.size() > 100) {
            throw EcsException.invalidParameter(field, "At most 100 reserved ports are allowed per container instance.");
        }
        return set;
    }

    ContainerInstance deregister(ClusterContext cluster, String ref, boolean force) {
        InstanceState instance = require(cluster, ref);
        if (instance.status == ContainerInstanceStatus.INACTIVE) {
            return cluster.instanceViews.get(instance.id());
        }
        List<TaskRun> active = new ArrayList<>(cluster.activeTasksByInstance.getOrDefault(instance.id(), Set.of()));
        boolean hasRunning = active.stream().anyMatch(t -> t.desiredStatus == DesiredStatus.RUNNING);
        if (hasRunning && !force) {
            throw EcsException.invalidParameter("containerInstance", "Found running tasks on the instance. Set force"
                    + " to true to deregister the container instance and stop its tasks.");
        }
        for (TaskRun task : active) {
            task.requestStop(TaskStopCode.INFRASTRUCTURE_HEALTH, "Container instance deregistration forced by user");
        }
        instance.status = ContainerInstanceStatus.INACTIVE;
        instance.statusReason = "Container instance deregistered";
        cluster.placement.upsertInstance(instance.placementView());
        cluster.instanceChanged(instance.id());
        cluster.flush();
        return cluster.instanceViews.get(instance.id());
    }

    UpdateContainerInstancesStateResult updateState(ClusterContext cluster, List<String> refs,
                                                    ContainerInstanceStatus status) {
        if (status != ContainerInstanceStatus.ACTIVE && status != ContainerInstanceStatus.DRAINING) {
            throw EcsException.invalidParameter("status", "Container instances status can only be updated to ACTIVE"
                    + " or DRAINING.");
        }
        if (refs == null || refs.isEmpty() || refs.size() > 10) {
            throw EcsException.invalidParameter("containerInstances",
                    "containerInstances must contain between 1 and 10 container instances.");
        }
        List<Failure> failures = new ArrayList<>();
        for (String ref : refs) {
            InstanceState instance = find(cluster, ref);
            if (instance == null) {
                failures.add(Failure.missing(arnFor(cluster, ref)));
                continue;
            }
            if (instance.status != ContainerInstanceStatus.ACTIVE
                    && instance.status != ContainerInstanceStatus.DRAINING) {
                failures.add(new Failure(instance.arn.toString(), instance.status.value(),
                        "Only ACTIVE or DRAINING container instances can be updated."));
                continue;
            }
            instance.status = status;
            cluster.placement.upsertInstance(instance.placementView());
            cluster.instanceChanged(instance.id());
        }
        cluster.flush();
        List<ContainerInstance> views = new ArrayList<>();
        for (String ref : refs) {
            InstanceState instance = find(cluster, ref);
            if (instance != null && instance.status == status) {
                views.add(cluster.instanceViews.get(instance.id()));
            }
        }
        return new UpdateContainerInstancesStateResult(views, failures);
    }

    ContainerInstance setAgentConnected(ClusterContext cluster, String ref, boolean connected) {
        InstanceState instance = require(cluster, ref);
        instance.agentConnected = connected;
        cluster.placement.upsertInstance(instance.placementView());
        cluster.instanceChanged(instance.id());
        cluster.flush();
        return cluster.instanceViews.get(instance.id());
    }

    DescribeResult<ContainerInstance> describe(ClusterContext cluster, List<String> refs) {
        if (refs == null || refs.isEmpty()) {
            throw EcsException.invalidParameter("containerInstances", "Container Instances cannot be empty.");
        }
        if (refs.size() > 100) {
            throw EcsException.invalidParameter("containerInstances", "containerInstances can have at most 100 items.");
        }
        List<ContainerInstance> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String ref : refs) {
            String id = instanceId(cluster, ref);
            ContainerInstance ci = id == null ? null : cluster.instanceViews.get(id);
            if (ci == null) {
                failures.add(Failure.missing(arnFor(cluster, ref)));
            } else {
                found.add(ci);
            }
        }
        return new DescribeResult<>(found, failures);
    }

    Page<String> list(ClusterContext cluster, ListContainerInstancesRequest r) {
        List<String> ids;
        if (r.filter() != null) {
            ids = cluster.call(() -> cluster.placement.filterInstances(r.filter()));
        } else {
            ids = cluster.instanceOrder;
        }
        List<String> arns = new ArrayList<>();
        for (String id : ids) {
            ContainerInstance ci = cluster.instanceViews.get(id);
            if (ci == null) {
                continue;
            }
            boolean match = r.status() == null ? ci.status() != ContainerInstanceStatus.INACTIVE
                    : ci.status() == r.status();
            if (match) {
                arns.add(ci.containerInstanceArn().toString());
            }
        }
        return Pagination.page(arns, arn -> arn, r.maxResults(), r.nextToken(),
                "ListContainerInstances/" + cluster.name + "/" + r.filter() + "/" + r.status(), 100, 100);
    }

    static InstanceState require(ClusterContext cluster, String ref) {
        InstanceState instance = find(cluster, ref);
        if (instance == null) {
            throw EcsException.invalidParameter("containerInstance", "The referenced container instance "
                    + ref + " was not found.");
        }
        return instance;
    }

    static InstanceState find(ClusterContext cluster, String ref) {
        String id = instanceId(cluster, ref);
        return id == null ? null : cluster.instances.get(id);
    }

    private static String instanceId(ClusterContext cluster, String ref) {
        if (ref == null || ref.isEmpty()) {
            throw EcsException.invalidParameter("containerInstance", "Container instance identifier is invalid.");
        }
        if (ArnParts.isArn(ref)) {
            ContainerInstanceArn arn = ContainerInstanceArn.parse(ref);
            if (arn.clusterName() != null && !arn.clusterName().equals(cluster.name)) {
                return null;
            }
            return arn.id();
        }
        return ref;
    }

    static String arnFor(ClusterContext cluster, String ref) {
        return ArnParts.isArn(ref) ? ref
                : new ContainerInstanceArn(cluster.arn.region(), cluster.arn.accountId(), cluster.name, ref).toString();
    }

    // ------------------------------------------------------------------ attributes

    /** PutAttributes: sets custom attributes on container instances; all validated before any is applied. */
    List<Attribute> putAttributes(ClusterContext cluster, List<Attribute> attributes) {
        cluster.requireActive();
        AttributeRules.checkCustom(attributes);
        java.util.Map<InstanceState, java.util.Map<String, String>> changes = new java.util.LinkedHashMap<>();
        for (int i = 0; i < attributes.size(); i++) {
            Attribute a = attributes.get(i);
            InstanceState instance = target(cluster, a, "attributes[" + i + "]");
            changes.computeIfAbsent(instance, k -> new java.util.LinkedHashMap<>()).put(a.name(), a.value());
        }
        for (var entry : changes.entrySet()) {
            Set<String> custom = customNames(entry.getKey());
            custom.addAll(entry.getValue().keySet());
            AttributeRules.checkLimit(custom.size());
        }
        List<Attribute> applied = new ArrayList<>();
        for (var entry : changes.entrySet()) {
            InstanceState instance = entry.getKey();
            entry.getValue().forEach(instance::putAttribute);
            entry.getValue().keySet().forEach(name -> applied.add(instance.attributes.get(name)));
            cluster.placement.upsertInstance(instance.placementView());
            cluster.instanceChanged(instance.id());
        }
        cluster.flush();
        return applied;
    }

    /** DeleteAttributes: removes custom attributes; attributes an instance does not have are ignored. */
    List<Attribute> deleteAttributes(ClusterContext cluster, List<Attribute> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            throw EcsException.invalidParameter("attributes", "Attributes cannot be empty.");
        }
        List<InstanceState> targets = new ArrayList<>();
        for (int i = 0; i < attributes.size(); i++) {
            Attribute a = attributes.get(i);
            AttributeRules.checkName(a.name(), "attributes[" + i + "].name");
            if (a.name().startsWith(AttributeRules.RESERVED_PREFIX)) {
                throw EcsException.invalidParameter("attributes[" + i + "].name", "Attribute name '" + a.name()
                        + "' is reserved: attributes starting with 'ecs.' cannot be deleted.");
            }
            targets.add(target(cluster, a, "attributes[" + i + "]"));
        }
        List<Attribute> deleted = new ArrayList<>();
        for (int i = 0; i < attributes.size(); i++) {
            InstanceState instance = targets.get(i);
            Attribute removed = instance.removeAttribute(attributes.get(i).name());
            deleted.add(removed != null ? removed : new Attribute(attributes.get(i).name(), attributes.get(i).value(),
                    "container-instance", instance.arn.toString()));
            cluster.placement.upsertInstance(instance.placementView());
            cluster.instanceChanged(instance.id());
        }
        cluster.flush();
        return deleted;
    }

    Page<Attribute> listAttributes(ClusterContext cluster, io.ecs4j.request.ListAttributesRequest r) {
        if (!"container-instance".equals(r.targetType())) {
            throw EcsException.invalidParameter("targetType", "targetType must be container-instance.");
        }
        if (r.attributeValue() != null && r.attributeName() == null) {
            throw EcsException.invalidParameter("attributeValue",
                    "attributeValue can only be specified together with attributeName.");
        }
        List<Attribute> matches = new ArrayList<>();
        for (String id : cluster.instanceOrder) {
            ContainerInstance ci = cluster.instanceViews.get(id);
            if (ci == null || ci.status() == ContainerInstanceStatus.INACTIVE) {
                continue;
            }
            for (Attribute a : ci.attributes()) {
                if ((r.attributeName() == null || r.attributeName().equals(a.name()))
                        && (r.attributeValue() == null || r.attributeValue().equals(a.value()))) {
                    matches.add(a);
                }
            }
        }
        return Pagination.page(matches, a -> a.targetId() + "|" + a.name(), r.maxResults(), r.nextToken(),
                "ListAttributes/" + cluster.name + "/" + r.attributeName() + "/" + r.attributeValue(), 100, 100);
    }

    private static Set<String> customNames(InstanceState instance) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : instance.attributes.keySet()) {
            if (!name.startsWith("ecs.") && !name.startsWith("com.amazonaws.ecs.")) {
                names.add(name);
            }
        }
        return names;
    }

    private static InstanceState target(ClusterContext cluster, Attribute a, String field) {
        if (a.targetType() != null && !a.targetType().equals("container-instance")) {
            throw EcsException.invalidParameter(field + ".targetType", "targetType must be container-instance.");
        }
        if (a.targetId() == null || a.targetId().isEmpty()) {
            throw EcsException.invalidParameter(field + ".targetId",
                    "targetId is required: the container instance id or ARN.");
        }
        InstanceState instance = find(cluster, a.targetId());
        if (instance == null || instance.status == ContainerInstanceStatus.INACTIVE) {
            throw new EcsException(io.ecs4j.EcsErrorCode.TARGET_NOT_FOUND, "Could not find " + a.targetId() + ".",
                    field + ".targetId");
        }
        return instance;
    }
}
