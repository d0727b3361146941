package io.ecs4j.internal.engine;

import io.ecs4j.EcsException;
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
        VersionInfo version = r.versionInfo() != null ? r.versionInfo()
                : new VersionInfo(InstanceDefaults.AGENT_VERSION, InstanceDefaults.AGENT_HASH,
                InstanceDefaults.DOCKER_VERSION);
        String id = ecs.ids().hex32();
        String ec2 = r.ec2InstanceId() == null ? ecs.ids().ec2InstanceId() : r.ec2InstanceId();
        for (InstanceState existing : cluster.instances.values()) {
            if (existing.ec2InstanceId.equals(ec2) && existing.status != ContainerInstanceStatus.INACTIVE) {
                // ECS returns the existing registration when the same EC2 instance registers again.
                return cluster.instanceViews.get(existing.id());
            }
        }
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
        for (Attribute a : r.attributes()) {
            instance.putAttribute(a.name(), a.value());
        }
        cluster.instances.put(id, instance);
        cluster.instanceOrder.add(id);
        cluster.placement.upsertInstance(instance.placementView());
        cluster.instanceChanged(id);
        cluster.flush();
        return cluster.instanceViews.get(id);
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
            task.requestStop(TaskStopCode.INFRASTRUCTURE_HEALTH, "Container instance deregistered");
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
}
