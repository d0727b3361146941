package io.ecs4j.internal.json;

import static io.ecs4j.internal.json.JsonReads.child;
import static io.ecs4j.internal.json.JsonReads.integer;
import static io.ecs4j.internal.json.JsonReads.list;
import static io.ecs4j.internal.json.JsonReads.object;
import static io.ecs4j.internal.json.JsonReads.string;
import static io.ecs4j.internal.json.JsonReads.stringEnum;
import static io.ecs4j.internal.json.JsonWrites.put;
import static io.ecs4j.internal.json.JsonWrites.putList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecs4j.EcsException;
import io.ecs4j.internal.taskdef.TaskDefinitionRules;
import io.ecs4j.model.DockerVolumeConfiguration;
import io.ecs4j.model.HostVolume;
import io.ecs4j.model.LaunchType;
import io.ecs4j.model.NetworkMode;
import io.ecs4j.model.RuntimePlatform;
import io.ecs4j.model.TaskDefinition;
import io.ecs4j.model.TaskDefinitionArn;
import io.ecs4j.model.TaskDefinitionStatus;
import io.ecs4j.model.Volume;

/**
 * ECS JSON for {@code TaskDefinition}: the {@code RegisterTaskDefinition} input shape on the way in, the
 * {@code DescribeTaskDefinition} {@code taskDefinition} shape on the way out. Hand-written on the tree model so the
 * domain records stay free of Jackson. Shared with the wire layer (which adds {@code tags} at the response level).
 *
 * <p>Stateless and thread-safe.
 */
public final class TaskDefinitionCodec {
    /** Members read into modelled fields, or output-only members that are ignored on input. */
    static final java.util.Set<String> KNOWN = java.util.Set.of("family", "taskRoleArn", "executionRoleArn",
            "networkMode", "containerDefinitions", "volumes", "placementConstraints", "requiresCompatibilities", "cpu",
            "memory", "pidMode", "ipcMode", "runtimePlatform", "ephemeralStorage", "tags", "taskDefinitionArn",
            "revision", "status", "compatibilities", "requiresAttributes", "registeredAt", "registeredBy",
            "deregisteredAt");
    private static final java.util.Set<String> KNOWN_VOLUME = java.util.Set.of("name", "host",
            "dockerVolumeConfiguration", "configuredAtLaunch");

    private TaskDefinitionCodec() {
    }

    /**
     * Reads register-task-definition input. Output-only members ({@code revision}, {@code status},
     * {@code taskDefinitionArn}, {@code registeredAt}, {@code registeredBy}, {@code deregisteredAt},
     * {@code compatibilities}, {@code requiresAttributes}) are ignored without being checked, as are unknown members;
     * a {@code tags} member is read into {@link TaskDefinition#tags()}.
     *
     * @param node the task definition object
     * @param path its path, {@code ""} at the document root; error paths are built on it
     * @throws EcsException {@code ClientException} naming the member path on a wrong type or unknown enum value
     */
    public static TaskDefinition read(JsonNode node, String path) {
        return builder(object(node, path), path).build();
    }

    /**
     * Reads a described task definition including its output-only members, for tools that compare what ECS printed.
     *
     * @throws EcsException as {@link #read}; also for a malformed {@code taskDefinitionArn}
     */
    public static TaskDefinition readDescribed(JsonNode node, String path) {
        ObjectNode o = object(node, path);
        TaskDefinition.Builder b = builder(o, path);
        String arn = string(o, "taskDefinitionArn", path);
        if (arn != null) {
            try {
                b.taskDefinitionArn(TaskDefinitionArn.parse(arn));
            } catch (EcsException e) {
                throw EcsException.client(child(path, "taskDefinitionArn"), e.getMessage());
            }
        }
        Integer revision = integer(o, "revision", path);
        return b.revision(revision == null ? 0 : revision)
                .status(JsonReads.enumValue(o, "status", path, TaskDefinitionStatus::fromValue, TaskDefinitionRules.STATUSES))
                .compatibilities(list(o, "compatibilities", path, TaskDefinitionCodec::readLaunchType))
                .requiresAttributes(list(o, "requiresAttributes", path, CommonCodecs::readAttribute))
                .registeredAt(JsonReads.timestamp(o, "registeredAt", path))
                .registeredBy(string(o, "registeredBy", path))
                .deregisteredAt(JsonReads.timestamp(o, "deregisteredAt", path))
                .build();
    }

    private static TaskDefinition.Builder builder(ObjectNode o, String path) {
        ObjectNode ephemeral = JsonReads.object(o, "ephemeralStorage", path);
        ObjectNode platform = JsonReads.object(o, "runtimePlatform", path);
        String platformPath = child(path, "runtimePlatform");
        return TaskDefinition.builder()
                .family(string(o, "family", path))
                .taskRoleArn(string(o, "taskRoleArn", path))
                .executionRoleArn(string(o, "executionRoleArn", path))
                .networkMode(JsonReads.enumValue(o, "networkMode", path, NetworkMode::fromValue, TaskDefinitionRules.NETWORK_MODES))
                .containerDefinitions(list(o, "containerDefinitions", path, ContainerDefinitionCodec::read))
                .volumes(list(o, "volumes", path, TaskDefinitionCodec::readVolume))
                .placementConstraints(list(o, "placementConstraints", path, CommonCodecs::readPlacementConstraint))
                .requiresCompatibilities(list(o, "requiresCompatibilities", path, TaskDefinitionCodec::readLaunchType))
                .cpu(JsonReads.stringOrNumber(o, "cpu", path))
                .memory(JsonReads.stringOrNumber(o, "memory", path))
                .pidMode(stringEnum(o, "pidMode", path, TaskDefinitionRules.PID_MODES))
                .ipcMode(stringEnum(o, "ipcMode", path, TaskDefinitionRules.IPC_MODES))
                .runtimePlatform(platform == null ? null : new RuntimePlatform(
                        stringEnum(platform, "cpuArchitecture", platformPath, TaskDefinitionRules.CPU_ARCHITECTURES),
                        stringEnum(platform, "operatingSystemFamily", platformPath, TaskDefinitionRules.OS_FAMILIES)))
                .ephemeralStorageGiB(ephemeral == null ? null : integer(ephemeral, "sizeInGiB", child(path, "ephemeralStorage")))
                .tags(CommonCodecs.readTags(o, path))
                .otherMembers(JsonReads.otherMembers(o, KNOWN));
    }

    /**
     * Writes the {@code taskDefinition} object of {@code describe-task-definition} output, in ECS's member order: nulls
     * omitted, {@code volumes}, {@code placementConstraints} (and {@code requiresAttributes}, {@code compatibilities}
     * once registered) present even when empty, timestamps as epoch seconds. Tags are not part of this shape.
     */
    public static ObjectNode write(TaskDefinition td) {
        ObjectNode o = Json.object();
        if (td.taskDefinitionArn() != null) {
            o.put("taskDefinitionArn", td.taskDefinitionArn().toString());
        }
        putList(o, "containerDefinitions", td.containerDefinitions(), true, ContainerDefinitionCodec::write);
        put(o, "family", td.family());
        put(o, "taskRoleArn", td.taskRoleArn());
        put(o, "executionRoleArn", td.executionRoleArn());
        JsonWrites.putValue(o, "networkMode", td.networkMode());
        if (td.revision() > 0) {
            o.put("revision", td.revision());
        }
        putList(o, "volumes", td.volumes(), true, TaskDefinitionCodec::writeVolume);
        JsonWrites.putValue(o, "status", td.status());
        boolean registered = td.status() != null;
        putList(o, "requiresAttributes", td.requiresAttributes(), registered, CommonCodecs::writeAttribute);
        putList(o, "placementConstraints", td.placementConstraints(), true, CommonCodecs::writePlacementConstraint);
        writeLaunchTypes(o, "compatibilities", td.compatibilities(), registered);
        if (td.runtimePlatform() != null) {
            ObjectNode platform = o.putObject("runtimePlatform");
            put(platform, "cpuArchitecture", td.runtimePlatform().cpuArchitecture());
            put(platform, "operatingSystemFamily", td.runtimePlatform().operatingSystemFamily());
        }
        writeLaunchTypes(o, "requiresCompatibilities", td.requiresCompatibilities(), false);
        put(o, "cpu", td.cpu());
        put(o, "memory", td.memory());
        if (td.ephemeralStorageGiB() != null) {
            o.putObject("ephemeralStorage").put("sizeInGiB", td.ephemeralStorageGiB());
        }
        put(o, "pidMode", td.pidMode());
        put(o, "ipcMode", td.ipcMode());
        JsonWrites.putTimestamp(o, "registeredAt", td.registeredAt());
        JsonWrites.putTimestamp(o, "deregisteredAt", td.deregisteredAt());
        put(o, "registeredBy", td.registeredBy());
        JsonWrites.putOtherMembers(o, td.otherMembers());
        return o;
    }

    static Volume readVolume(JsonNode node, String path) {
        ObjectNode o = object(node, path);
        String name = string(o, "name", path);
        if (name == null) {
            throw JsonReads.missing(child(path, "name"));
        }
        ObjectNode host = JsonReads.object(o, "host", path);
        ObjectNode docker = JsonReads.object(o, "dockerVolumeConfiguration", path);
        DockerVolumeConfiguration dockerConfig = null;
        if (docker != null) {
            String dockerPath = child(path, "dockerVolumeConfiguration");
            dockerConfig = DockerVolumeConfiguration.builder()
                    .scope(stringEnum(docker, "scope", dockerPath, TaskDefinitionRules.VOLUME_SCOPES))
                    .autoprovision(JsonReads.bool(docker, "autoprovision", dockerPath))
                    .driver(string(docker, "driver", dockerPath))
                    .driverOpts(JsonReads.stringMap(docker, "driverOpts", dockerPath))
                    .labels(JsonReads.stringMap(docker, "labels", dockerPath))
                    .build();
        }
        return new Volume(name, host == null ? null : new HostVolume(string(host, "sourcePath", child(path, "host"))),
                dockerConfig, JsonReads.bool(o, "configuredAtLaunch", path), JsonReads.otherMembers(o, KNOWN_VOLUME));
    }

    static ObjectNode writeVolume(Volume v) {
        ObjectNode o = Json.object();
        o.put("name", v.name());
        if (v.host() != null) {
            put(o.putObject("host"), "sourcePath", v.host().sourcePath());
        }
        DockerVolumeConfiguration d = v.dockerVolumeConfiguration();
        if (d != null) {
            ObjectNode docker = o.putObject("dockerVolumeConfiguration");
            put(docker, "scope", d.scope());
            put(docker, "autoprovision", d.autoprovision());
            put(docker, "driver", d.driver());
            JsonWrites.putMap(docker, "driverOpts", d.driverOpts());
            JsonWrites.putMap(docker, "labels", d.labels());
        }
        put(o, "configuredAtLaunch", v.configuredAtLaunch());
        JsonWrites.putOtherMembers(o, v.otherMembers());
        return o;
    }

    private static LaunchType readLaunchType(JsonNode node, String path) {
        if (!node.isTextual()) {
            throw JsonReads.typeError(path, "a string", node);
        }
        try {
            return LaunchType.fromValue(node.textValue());
        } catch (IllegalArgumentException e) {
            throw JsonReads.invalidEnum(path, node.textValue(), TaskDefinitionRules.LAUNCH_TYPES);
        }
    }

    private static void writeLaunchTypes(ObjectNode o, String member, java.util.List<LaunchType> types, boolean always) {
        if (types.isEmpty() && !always) {
            return;
        }
        ArrayNode array = o.putArray(member);
        types.forEach(t -> array.add(t.value()));
    }
}
