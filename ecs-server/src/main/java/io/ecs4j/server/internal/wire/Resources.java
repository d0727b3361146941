package io.ecs4j.server.internal.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecs4j.model.Cluster;
import io.ecs4j.model.ClusterSetting;
import io.ecs4j.model.Container;
import io.ecs4j.model.ContainerInstance;
import io.ecs4j.model.KeyValuePair;
import io.ecs4j.model.Task;
import java.util.List;

/** Wire codecs of the resources: Cluster, ContainerInstance, Task and Container. Stateless. */
final class Resources {
    private Resources() {
    }

    /**
     * A cluster. ECS always prints the counters and the {@code statistics}, {@code tags}, {@code settings},
     * {@code capacityProviders} and {@code defaultCapacityProviderStrategy} lists; the first three are filled only
     * when {@code include} asks for them (CreateCluster echoes tags and settings).
     *
     * @param statistics the statistics to print (empty unless STATISTICS was asked for)
     */
    static ObjectNode cluster(Cluster c, boolean tags, boolean settings, List<KeyValuePair> statistics) {
        ObjectNode o = WireJson.object();
        o.put("clusterArn", c.clusterArn().toString());
        o.put("clusterName", c.clusterName());
        o.put("status", c.status().value());
        o.put("registeredContainerInstancesCount", c.registeredContainerInstancesCount());
        o.put("runningTasksCount", c.runningTasksCount());
        o.put("pendingTasksCount", c.pendingTasksCount());
        o.put("activeServicesCount", c.activeServicesCount());
        WireJson.putList(o, "statistics", statistics, true, Shapes::keyValuePair);
        WireJson.putList(o, "tags", tags ? c.tags() : List.of(), true, Shapes::tag);
        WireJson.putList(o, "settings", settings ? clusterSettings(c) : List.of(), true, Resources::setting);
        WireJson.putStrings(o, "capacityProviders", c.capacityProviders(), true);
        o.putArray("defaultCapacityProviderStrategy");
        return o;
    }

    /** The cluster's settings; ECS reports {@code containerInsights: disabled} when it was never set. */
    private static List<ClusterSetting> clusterSettings(Cluster c) {
        for (ClusterSetting s : c.settings()) {
            if ("containerInsights".equals(s.name())) {
                return c.settings();
            }
        }
        java.util.ArrayList<ClusterSetting> out = new java.util.ArrayList<>(c.settings());
        out.add(0, new ClusterSetting("containerInsights", "disabled"));
        return out;
    }

    private static ObjectNode setting(ClusterSetting s) {
        ObjectNode o = WireJson.object();
        WireJson.put(o, "name", s.name());
        WireJson.put(o, "value", s.value());
        return o;
    }

    /** A container instance; {@code tags} only with include TAGS. */
    static ObjectNode containerInstance(ContainerInstance ci, boolean tags) {
        ObjectNode o = WireJson.object();
        o.put("containerInstanceArn", ci.containerInstanceArn().toString());
        WireJson.put(o, "ec2InstanceId", ci.ec2InstanceId());
        WireJson.put(o, "capacityProviderName", ci.capacityProviderName());
        o.put("version", ci.version());
        if (ci.versionInfo() != null) {
            o.set("versionInfo", Shapes.versionInfo(ci.versionInfo()));
        }
        WireJson.putList(o, "remainingResources", ci.remainingResources(), true, Shapes::resource);
        WireJson.putList(o, "registeredResources", ci.registeredResources(), true, Shapes::resource);
        o.put("status", ci.status().value());
        WireJson.put(o, "statusReason", ci.statusReason());
        o.put("agentConnected", ci.agentConnected());
        o.put("runningTasksCount", ci.runningTasksCount());
        o.put("pendingTasksCount", ci.pendingTasksCount());
        WireJson.putList(o, "attributes", ci.attributes(), true, Shapes::nameValue);
        WireJson.putTimestamp(o, "registeredAt", ci.registeredAt());
        o.putArray("attachments");
        WireJson.putList(o, "tags", tags ? ci.tags() : List.of(), true, Shapes::tag);
        return o;
    }

    /** A task; {@code tags} only with include TAGS (RunTask and StartTask print them). */
    static ObjectNode task(Task t, boolean tags) {
        ObjectNode o = WireJson.object();
        WireJson.putList(o, "attachments", t.attachments(), true, Shapes::attachment);
        WireJson.putList(o, "attributes", t.attributes(), true, Shapes::nameValue);
        WireJson.put(o, "availabilityZone", t.availabilityZone());
        WireJson.put(o, "capacityProviderName", t.capacityProviderName());
        o.put("clusterArn", t.clusterArn().toString());
        WireJson.putValue(o, "connectivity", t.connectivity());
        WireJson.putTimestamp(o, "connectivityAt", t.connectivityAt());
        if (t.containerInstanceArn() != null) {
            o.put("containerInstanceArn", t.containerInstanceArn().toString());
        }
        WireJson.putList(o, "containers", t.containers(), true, Resources::container);
        WireJson.putNumberString(o, "cpu", t.cpu());
        WireJson.putTimestamp(o, "createdAt", t.createdAt());
        o.put("desiredStatus", t.desiredStatus().value());
        o.put("enableExecuteCommand", t.enableExecuteCommand());
        WireJson.putTimestamp(o, "executionStoppedAt", t.executionStoppedAt());
        WireJson.put(o, "group", t.group());
        WireJson.putValue(o, "healthStatus", t.healthStatus());
        o.putArray("inferenceAccelerators");
        o.put("lastStatus", t.lastStatus().value());
        WireJson.putValue(o, "launchType", t.launchType());
        WireJson.putNumberString(o, "memory", t.memory());
        if (t.overrides() != null) {
            o.set("overrides", Shapes.taskOverride(t.overrides()));
        }
        WireJson.put(o, "platformVersion", t.platformVersion());
        WireJson.put(o, "platformFamily", t.platformFamily());
        WireJson.putTimestamp(o, "pullStartedAt", t.pullStartedAt());
        WireJson.putTimestamp(o, "pullStoppedAt", t.pullStoppedAt());
        WireJson.putTimestamp(o, "startedAt", t.startedAt());
        WireJson.put(o, "startedBy", t.startedBy());
        WireJson.putValue(o, "stopCode", t.stopCode());
        WireJson.putTimestamp(o, "stoppedAt", t.stoppedAt());
        WireJson.put(o, "stoppedReason", t.stoppedReason());
        WireJson.putTimestamp(o, "stoppingAt", t.stoppingAt());
        WireJson.putList(o, "tags", tags ? t.tags() : List.of(), true, Shapes::tag);
        o.put("taskArn", t.taskArn().toString());
        o.put("taskDefinitionArn", t.taskDefinitionArn().toString());
        o.put("version", t.version());
        return o;
    }

    /** A container of a task: cpu, memory and memoryReservation are strings on the wire. */
    static ObjectNode container(Container c) {
        ObjectNode o = WireJson.object();
        if (c.containerArn() != null) {
            o.put("containerArn", c.containerArn().toString());
        }
        if (c.taskArn() != null) {
            o.put("taskArn", c.taskArn().toString());
        }
        o.put("name", c.name());
        WireJson.put(o, "image", c.image());
        WireJson.put(o, "imageDigest", c.imageDigest());
        WireJson.put(o, "runtimeId", c.runtimeId());
        WireJson.putValue(o, "lastStatus", c.lastStatus());
        WireJson.put(o, "exitCode", c.exitCode());
        WireJson.put(o, "reason", c.reason());
        WireJson.putList(o, "networkBindings", c.networkBindings(), true, Shapes::networkBinding);
        WireJson.putList(o, "networkInterfaces", c.networkInterfaces(), true, Shapes::networkInterface);
        WireJson.putValue(o, "healthStatus", c.healthStatus());
        o.put("cpu", Integer.toString(c.cpu()));
        WireJson.putNumberString(o, "memory", c.memory());
        WireJson.putNumberString(o, "memoryReservation", c.memoryReservation());
        return o;
    }
}
