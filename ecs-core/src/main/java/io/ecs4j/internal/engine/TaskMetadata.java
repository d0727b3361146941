package io.ecs4j.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecs4j.internal.json.CommonCodecs;
import io.ecs4j.internal.json.Json;
import io.ecs4j.internal.json.JsonReads;
import io.ecs4j.internal.json.JsonWrites;
import io.ecs4j.internal.json.TaskDefinitionCodec;
import io.ecs4j.model.AwsVpcConfiguration;
import io.ecs4j.model.ContainerOverride;
import io.ecs4j.model.LaunchType;
import io.ecs4j.model.NetworkConfiguration;
import io.ecs4j.model.TaskDefinition;
import io.ecs4j.model.TaskOverride;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the control plane writes on every container it launches (as labels) so that a new process can re-adopt the
 * task after a restart: the task's own facts, and its task definition as {@code describe-task-definition} prints it.
 */
final class TaskMetadata {
    /** Label holding the task's facts as JSON. */
    static final String TASK_LABEL = "io.ecs4j.task";
    /** Label holding the task definition as JSON. */
    static final String TASK_DEFINITION_LABEL = "io.ecs4j.task-definition";

    /**
     * Facts read back from a container's labels.
     */
    record Facts(String group, String startedBy, LaunchType launchType, String containerInstanceArn,
                 String ec2InstanceId, String instanceType, Integer instanceCpu, Integer instanceMemory,
                 String availabilityZone, Instant createdAt, Integer cpu, Integer memory, TaskOverride overrides,
                 NetworkConfiguration networkConfiguration, List<String> networkAliases, String platformVersion) {
    }

    private TaskMetadata() {
    }

    static Map<String, String> labels(TaskFacts facts, InstanceState instance) {
        ObjectNode o = Json.object();
        o.put("v", 1);
        JsonWrites.put(o, "group", facts.group());
        JsonWrites.put(o, "startedBy", facts.startedBy());
        JsonWrites.putValue(o, "launchType", facts.launchType());
        if (instance != null) {
            o.put("containerInstanceArn", instance.arn.toString());
            o.put("ec2InstanceId", instance.ec2InstanceId);
            o.put("instanceCpu", instance.cpu);
            o.put("instanceMemory", instance.memory);
            var type = instance.attributes.get("ecs.instance-type");
            JsonWrites.put(o, "instanceType", type == null ? null : type.value());
        }
        JsonWrites.put(o, "availabilityZone", facts.availabilityZone());
        JsonWrites.putTimestamp(o, "createdAt", facts.createdAt());
        JsonWrites.put(o, "cpu", facts.cpu());
        JsonWrites.put(o, "memory", facts.memory());
        JsonWrites.put(o, "platformVersion", facts.platformVersion());
        if (facts.overrides() != null && !facts.overrides().containerOverrides().isEmpty()) {
            ArrayNode overrides = o.putArray("containerOverrides");
            for (ContainerOverride co : facts.overrides().containerOverrides()) {
                ObjectNode c = overrides.addObject();
                JsonWrites.put(c, "name", co.name());
                JsonWrites.putStrings(c, "command", co.command(), false);
                JsonWrites.putList(c, "environment", co.environment(), false, CommonCodecs::writeKeyValuePair);
                JsonWrites.put(c, "cpu", co.cpu());
                JsonWrites.put(c, "memory", co.memory());
                JsonWrites.put(c, "memoryReservation", co.memoryReservation());
            }
        }
        if (facts.networkConfiguration() != null && facts.networkConfiguration().awsvpcConfiguration() != null) {
            AwsVpcConfiguration vpc = facts.networkConfiguration().awsvpcConfiguration();
            ObjectNode n = o.putObject("awsvpcConfiguration");
            JsonWrites.putStrings(n, "subnets", vpc.subnets(), true);
            JsonWrites.putStrings(n, "securityGroups", vpc.securityGroups(), false);
            JsonWrites.put(n, "assignPublicIp", vpc.assignPublicIp());
        }
        JsonWrites.putStrings(o, "networkAliases", facts.networkAliases(), false);
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(TASK_LABEL, Json.write(o, false));
        labels.put(TASK_DEFINITION_LABEL, Json.write(TaskDefinitionCodec.write(facts.taskDefinition()), false));
        return labels;
    }

    /** The task definition stored in {@code labels}, or null when absent. */
    static TaskDefinition taskDefinition(Map<String, String> labels) {
        String json = labels.get(TASK_DEFINITION_LABEL);
        return json == null ? null : TaskDefinitionCodec.readDescribed(Json.parse(json), "");
    }

    /** The facts stored in {@code labels}, or null when absent. */
    static Facts facts(Map<String, String> labels) {
        String json = labels.get(TASK_LABEL);
        if (json == null) {
            return null;
        }
        ObjectNode o = (ObjectNode) Json.parse(json);
        List<ContainerOverride> overrides = new ArrayList<>();
        if (o.get("containerOverrides") != null) {
            for (JsonNode c : o.get("containerOverrides")) {
                ObjectNode co = (ObjectNode) c;
                overrides.add(ContainerOverride.builder()
                        .name(JsonReads.string(co, "name", ""))
                        .command(JsonReads.strings(co, "command", ""))
                        .environment(JsonReads.list(co, "environment", "", CommonCodecs::readKeyValuePair))
                        .cpu(JsonReads.integer(co, "cpu", ""))
                        .memory(JsonReads.integer(co, "memory", ""))
                        .memoryReservation(JsonReads.integer(co, "memoryReservation", ""))
                        .build());
            }
        }
        NetworkConfiguration nc = null;
        ObjectNode vpc = JsonReads.object(o, "awsvpcConfiguration", "");
        if (vpc != null) {
            nc = new NetworkConfiguration(new AwsVpcConfiguration(JsonReads.strings(vpc, "subnets", ""),
                    JsonReads.strings(vpc, "securityGroups", ""), JsonReads.string(vpc, "assignPublicIp", "")));
        }
        String launchType = JsonReads.string(o, "launchType", "");
        return new Facts(JsonReads.string(o, "group", ""), JsonReads.string(o, "startedBy", ""),
                launchType == null ? LaunchType.EC2 : LaunchType.fromValue(launchType),
                JsonReads.string(o, "containerInstanceArn", ""), JsonReads.string(o, "ec2InstanceId", ""),
                JsonReads.string(o, "instanceType", ""), JsonReads.integer(o, "instanceCpu", ""),
                JsonReads.integer(o, "instanceMemory", ""), JsonReads.string(o, "availabilityZone", ""),
                JsonReads.timestamp(o, "createdAt", ""), JsonReads.integer(o, "cpu", ""),
                JsonReads.integer(o, "memory", ""), TaskOverride.builder().containerOverrides(overrides).build(), nc,
                JsonReads.strings(o, "networkAliases", ""), JsonReads.string(o, "platformVersion", ""));
    }
}
