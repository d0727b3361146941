package io.ecs4j.server.internal.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecs4j.model.Attachment;
import io.ecs4j.model.Attribute;
import io.ecs4j.model.AwsVpcConfiguration;
import io.ecs4j.model.ContainerOverride;
import io.ecs4j.model.Failure;
import io.ecs4j.model.KeyValuePair;
import io.ecs4j.model.NetworkBinding;
import io.ecs4j.model.NetworkConfiguration;
import io.ecs4j.model.NetworkInterface;
import io.ecs4j.model.PlacementConstraint;
import io.ecs4j.model.PlacementConstraintType;
import io.ecs4j.model.PlacementStrategy;
import io.ecs4j.model.PlacementStrategyType;
import io.ecs4j.model.Resource;
import io.ecs4j.model.Tag;
import io.ecs4j.model.TaskOverride;
import io.ecs4j.model.VersionInfo;
import java.util.List;

/** Wire codecs of the small shapes every resource uses. Stateless. */
final class Shapes {
    private Shapes() {
    }

    // ------------------------------------------------------------------ input

    static Tag readTag(WireInput in) {
        return new Tag(in.requiredString("key"), in.string("value"));
    }

    static List<Tag> readTags(WireInput in) {
        return in.objects("tags", Shapes::readTag);
    }

    static KeyValuePair readKeyValuePair(WireInput in) {
        return new KeyValuePair(in.requiredString("name"), in.string("value"));
    }

    static Attribute readAttribute(WireInput in) {
        return new Attribute(in.requiredString("name"), in.string("value"), in.string("targetType"),
                in.string("targetId"));
    }

    static VersionInfo readVersionInfo(WireInput in) {
        return in == null ? null
                : new VersionInfo(in.string("agentVersion"), in.string("agentHash"), in.string("dockerVersion"));
    }

    static Resource readResource(WireInput in) {
        String name = in.requiredString("name");
        String type = in.enumValue("type", Enums.RESOURCE_TYPE);
        Integer integerValue = in.integer("integerValue");
        Long longValue = in.longValue("longValue");
        Double doubleValue = in.doubleValue("doubleValue");
        List<String> set = in.strings("stringSetValue");
        if (type == null) {
            type = in.has("stringSetValue") ? "STRINGSET" : "INTEGER";
        }
        return new Resource(name, type, integerValue, longValue, doubleValue, set);
    }

    static PlacementConstraint readPlacementConstraint(WireInput in) {
        PlacementConstraintType type = in.requiredEnum("type", Enums.CONSTRAINT_TYPE);
        return new PlacementConstraint(type, in.string("expression"));
    }

    static PlacementStrategy readPlacementStrategy(WireInput in) {
        PlacementStrategyType type = in.requiredEnum("type", Enums.STRATEGY_TYPE);
        return new PlacementStrategy(type, in.string("field"));
    }

    static NetworkConfiguration readNetworkConfiguration(WireInput in) {
        if (in == null) {
            return null;
        }
        WireInput vpc = in.object("awsvpcConfiguration");
        if (vpc == null) {
            return new NetworkConfiguration(null);
        }
        if (!vpc.has("subnets")) {
            throw vpc.missing("subnets");
        }
        return new NetworkConfiguration(new AwsVpcConfiguration(vpc.strings("subnets"), vpc.strings("securityGroups"),
                vpc.enumValue("assignPublicIp", Enums.ASSIGN_PUBLIC_IP)));
    }

    static TaskOverride readTaskOverride(WireInput in) {
        if (in == null) {
            return null;
        }
        return TaskOverride.builder()
                .containerOverrides(in.objects("containerOverrides", Shapes::readContainerOverride))
                .cpu(in.string("cpu"))
                .memory(in.string("memory"))
                .taskRoleArn(in.string("taskRoleArn"))
                .executionRoleArn(in.string("executionRoleArn"))
                .build();
    }

    static ContainerOverride readContainerOverride(WireInput in) {
        return ContainerOverride.builder()
                .name(in.string("name"))
                .command(in.strings("command"))
                .environment(in.objects("environment", Shapes::readKeyValuePair))
                .cpu(in.integer("cpu"))
                .memory(in.integer("memory"))
                .memoryReservation(in.integer("memoryReservation"))
                .build();
    }

    // ------------------------------------------------------------------ output

    static ObjectNode tag(Tag tag) {
        ObjectNode o = WireJson.object();
        o.put("key", tag.key());
        o.put("value", tag.value());
        return o;
    }

    static ObjectNode keyValuePair(KeyValuePair pair) {
        ObjectNode o = WireJson.object();
        o.put("name", pair.name());
        WireJson.put(o, "value", pair.value());
        return o;
    }

    static ObjectNode attribute(Attribute a) {
        ObjectNode o = WireJson.object();
        o.put("name", a.name());
        WireJson.put(o, "value", a.value());
        WireJson.put(o, "targetType", a.targetType());
        WireJson.put(o, "targetId", a.targetId());
        return o;
    }

    /** An attribute as a container instance or task prints it: name and value only. */
    static ObjectNode nameValue(Attribute a) {
        ObjectNode o = WireJson.object();
        o.put("name", a.name());
        WireJson.put(o, "value", a.value());
        return o;
    }

    static ObjectNode failure(Failure f) {
        ObjectNode o = WireJson.object();
        WireJson.put(o, "arn", f.arn());
        o.put("reason", f.reason());
        WireJson.put(o, "detail", f.detail());
        return o;
    }

    /** A resource as ECS prints it: all three numeric members, 0 when unused. */
    static ObjectNode resource(Resource r) {
        ObjectNode o = WireJson.object();
        o.put("name", r.name());
        o.put("type", r.type());
        o.put("doubleValue", r.doubleValue() == null ? 0.0 : r.doubleValue());
        o.put("longValue", r.longValue() == null ? 0L : r.longValue());
        o.put("integerValue", r.integerValue() == null ? 0 : r.integerValue());
        if ("STRINGSET".equals(r.type())) {
            WireJson.putStrings(o, "stringSetValue", r.stringSetValue(), true);
        }
        return o;
    }

    static ObjectNode versionInfo(VersionInfo v) {
        ObjectNode o = WireJson.object();
        WireJson.put(o, "agentVersion", v.agentVersion());
        WireJson.put(o, "agentHash", v.agentHash());
        WireJson.put(o, "dockerVersion", v.dockerVersion());
        return o;
    }

    static ObjectNode attachment(Attachment a) {
        ObjectNode o = WireJson.object();
        WireJson.put(o, "id", a.id());
        WireJson.put(o, "type", a.type());
        WireJson.put(o, "status", a.status());
        WireJson.putList(o, "details", a.details(), true, Shapes::keyValuePair);
        return o;
    }

    static ObjectNode networkBinding(NetworkBinding b) {
        ObjectNode o = WireJson.object();
        WireJson.put(o, "bindIP", b.bindIp());
        o.put("containerPort", b.containerPort());
        o.put("hostPort", b.hostPort());
        WireJson.putValue(o, "protocol", b.protocol());
        return o;
    }

    static ObjectNode networkInterface(NetworkInterface n) {
        ObjectNode o = WireJson.object();
        WireJson.put(o, "attachmentId", n.attachmentId());
        WireJson.put(o, "privateIpv4Address", n.privateIpv4Address());
        return o;
    }

    static ObjectNode taskOverride(TaskOverride t) {
        ObjectNode o = WireJson.object();
        WireJson.putList(o, "containerOverrides", t.containerOverrides(), true, Shapes::containerOverride);
        WireJson.put(o, "cpu", t.cpu());
        WireJson.put(o, "memory", t.memory());
        WireJson.put(o, "taskRoleArn", t.taskRoleArn());
        WireJson.put(o, "executionRoleArn", t.executionRoleArn());
        o.putArray("inferenceAcceleratorOverrides");
        return o;
    }

    static ObjectNode containerOverride(ContainerOverride c) {
        ObjectNode o = WireJson.object();
        WireJson.put(o, "name", c.name());
        WireJson.putStrings(o, "command", c.command(), false);
        WireJson.putList(o, "environment", c.environment(), false, Shapes::keyValuePair);
        WireJson.put(o, "cpu", c.cpu());
        WireJson.put(o, "memory", c.memory());
        WireJson.put(o, "memoryReservation", c.memoryReservation());
        return o;
    }
}
