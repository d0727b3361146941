package io.ecs4j.internal.taskdef;

import io.ecs4j.EcsException;
import io.ecs4j.internal.json.Json;
import io.ecs4j.internal.json.TaskDefinitionCodec;
import io.ecs4j.model.ContainerDefinition;
import io.ecs4j.model.LaunchType;
import io.ecs4j.model.NetworkMode;
import io.ecs4j.model.PlacementConstraint;
import io.ecs4j.model.PlacementConstraintType;
import io.ecs4j.model.TaskDefinition;
import io.ecs4j.model.Volume;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The registration rules of ECS task definitions (ecs-semantics §1.3, §1.4, §2.1–2.9). {@link #validate} reports the
 * first violation as an {@link EcsException} whose {@code field()} is the member path and whose message reuses ECS's
 * wording where it is known (§8). Stateless and thread-safe.
 */
public final class TaskDefinitionValidator {
    static final String CONTAINERS = "containerDefinitions";
    private static final int MAX_PLACEMENT_CONSTRAINTS = 10;
    private static final int MAX_EXPRESSION_LENGTH = 2000;

    private TaskDefinitionValidator() {
    }

    /**
     * Checks {@code td} as RegisterTaskDefinition does.
     *
     * @throws EcsException {@code ClientException} (tag problems: {@code InvalidParameterException}) on the first
     *                      violation
     */
    public static void validate(TaskDefinition td) {
        Context ctx = new Context(td);
        validateFamily(td.family());
        List<ContainerDefinition> containers = td.containerDefinitions();
        if (containers.isEmpty()) {
            throw EcsException.client(CONTAINERS, "Container list cannot be empty.");
        }
        if (containers.size() > TaskDefinitionRules.MAX_CONTAINERS) {
            throw EcsException.client(CONTAINERS, "Too many containers.");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < containers.size(); i++) {
            ContainerRules.validateIdentity(containers.get(i), ctx.path(i));
            if (!names.add(containers.get(i).name())) {
                throw EcsException.client(ctx.path(i) + ".name", "Duplicate container name '" + containers.get(i).name()
                        + "'. Container names must be unique within a task definition.");
            }
        }
        validateCompatibilities(ctx);
        validateTaskSize(ctx);
        for (int i = 0; i < containers.size(); i++) {
            ContainerRules.validate(containers.get(i), i, ctx);
        }
        ContainerRules.validateMemoryTotals(ctx);
        if (containers.stream().noneMatch(ContainerDefinition::essential)) {
            throw EcsException.client(CONTAINERS, "Task definition doesn't have any essential container.");
        }
        PortMappingRules.validate(ctx);
        DependencyRules.validate(ctx);
        validateVolumes(ctx);
        validatePlacementConstraints(ctx);
        validateNamespaces(ctx);
        if (td.ephemeralStorageGiB() != null && (td.ephemeralStorageGiB() < 21 || td.ephemeralStorageGiB() > 200)) {
            throw EcsException.client("ephemeralStorage.sizeInGiB",
                    "Invalid 'ephemeralStorage.sizeInGiB' setting for task. It must be between 21 and 200 GiB.");
        }
        TagRules.validate(td.tags(), "tags");
        validateSize(td);
    }

    static void validateFamily(String family) {
        if (family == null || family.isEmpty()) {
            throw EcsException.client("family", "Family should not be null or empty.");
        }
        if (family.length() > TaskDefinitionRules.MAX_NAME_LENGTH) {
            throw EcsException.client("family", "Family name is longer than 255 characters.");
        }
        if (!TaskDefinitionRules.NAME.matcher(family).matches()) {
            throw EcsException.client("family", "Family contains invalid characters.");
        }
    }

    private static void validateCompatibilities(Context ctx) {
        TaskDefinition td = ctx.td;
        NetworkMode mode = td.networkModeOrDefault();
        if (ctx.fargate && mode != NetworkMode.AWSVPC) {
            throw EcsException.client("networkMode", "Fargate only supports network mode \u2018awsvpc\u2019.");
        }
        if (td.requiresCompatibilities().contains(LaunchType.EXTERNAL) && mode == NetworkMode.AWSVPC) {
            throw EcsException.client("networkMode",
                    "Task definitions for the EXTERNAL launch type do not support network mode 'awsvpc'.");
        }
        if (td.requiresCompatibilities().contains(LaunchType.MANAGED_INSTANCES)
                && mode != NetworkMode.AWSVPC && mode != NetworkMode.HOST) {
            throw EcsException.client("networkMode",
                    "Task definitions for the MANAGED_INSTANCES launch type support only network modes 'awsvpc' and 'host'.");
        }
    }

    private static void validateTaskSize(Context ctx) {
        TaskDefinition td = ctx.td;
        if (td.cpu() != null && (ctx.taskCpu == null || (!ctx.fargate && !ctx.windows
                && (ctx.taskCpu < TaskSizes.MIN_EC2_CPU || ctx.taskCpu > TaskSizes.MAX_EC2_CPU)))) {
            throw EcsException.client("cpu", "Invalid 'cpu' setting for task.");
        }
        if (td.memory() != null && ctx.taskMemory == null) {
            throw EcsException.client("memory", "Invalid 'memory' setting for task.");
        }
        if (!ctx.fargate) {
            return;
        }
        if (td.cpu() == null) {
            throw EcsException.client("cpu", "Fargate requires that 'cpu' be defined at the task level.");
        }
        if (td.memory() == null) {
            throw EcsException.client("memory", "Fargate requires that 'memory' be defined at the task level.");
        }
        if (!TaskSizes.isFargateSize(ctx.taskCpu, ctx.taskMemory)) {
            throw EcsException.client(TaskSizes.isFargateCpu(ctx.taskCpu) ? "memory" : "cpu",
                    "No Fargate configuration exists for given values.");
        }
    }

    private static void validateVolumes(Context ctx) {
        List<Volume> volumes = ctx.td.volumes();
        Set<String> names = new HashSet<>();
        int atLaunch = 0;
        for (int i = 0; i < volumes.size(); i++) {
            Volume v = volumes.get(i);
            String path = "volumes[" + i + "]";
            if (v.name().isEmpty() || v.name().length() > TaskDefinitionRules.MAX_NAME_LENGTH
                    || !TaskDefinitionRules.NAME.matcher(v.name()).matches()) {
                throw EcsException.client(path + ".name", "Volume name '" + v.name() + "' is invalid. Up to 255 letters "
                        + "(uppercase and lowercase), numbers, underscores and hyphens are allowed.");
            }
            if (!names.add(v.name())) {
                throw EcsException.client(path + ".name", "Duplicate volume name '" + v.name() + "'.");
            }
            if (v.host() != null && v.dockerVolumeConfiguration() != null) {
                throw EcsException.client(path, "Volume '" + v.name()
                        + "' cannot specify both 'host' and 'dockerVolumeConfiguration'.");
            }
            if (v.dockerVolumeConfiguration() != null) {
                var docker = v.dockerVolumeConfiguration();
                if (docker.scope() != null && !TaskDefinitionRules.VOLUME_SCOPES.contains(docker.scope())) {
                    throw EcsException.client(path + ".dockerVolumeConfiguration.scope", "Invalid 'scope' setting for volume '"
                            + v.name() + "'. Valid values are task and shared.");
                }
                if (Boolean.TRUE.equals(docker.autoprovision()) && !"shared".equals(docker.scope())) {
                    throw EcsException.client(path + ".dockerVolumeConfiguration.autoprovision",
                            "Invalid 'autoprovision' setting for volume '" + v.name()
                                    + "'. Autoprovision is only supported when the scope is 'shared'.");
                }
                if (ctx.fargate) {
                    throw EcsException.client(path + ".dockerVolumeConfiguration",
                            "Tasks using the Fargate launch type do not support Docker volumes (volume '" + v.name() + "').");
                }
            }
            if (ctx.fargate && v.host() != null && v.host().sourcePath() != null) {
                throw EcsException.client(path + ".host.sourcePath",
                        "Tasks using the Fargate launch type do not support host 'sourcePath' (volume '" + v.name() + "').");
            }
            if (Boolean.TRUE.equals(v.configuredAtLaunch()) && ++atLaunch > 1) {
                throw EcsException.client(path + ".configuredAtLaunch",
                        "A task definition can have at most one volume with 'configuredAtLaunch' set to true.");
            }
        }
    }

    private static void validatePlacementConstraints(Context ctx) {
        List<PlacementConstraint> constraints = ctx.td.placementConstraints();
        if (constraints.isEmpty()) {
            return;
        }
        if (ctx.fargate) {
            throw EcsException.client("placementConstraints",
                    "Tasks using the Fargate launch type do not support placement constraints.");
        }
        if (constraints.size() > MAX_PLACEMENT_CONSTRAINTS) {
            throw EcsException.client("placementConstraints",
                    "Too many placement constraints: at most 10 are allowed per task.");
        }
        for (int i = 0; i < constraints.size(); i++) {
            PlacementConstraint c = constraints.get(i);
            String path = "placementConstraints[" + i + "]";
            if (c.type() != PlacementConstraintType.MEMBER_OF) {
                throw EcsException.client(path + ".type", "Invalid placement constraint type '" + c.type()
                        + "' for a task definition. Only 'memberOf' is supported.");
            }
            if (c.expression() == null || c.expression().isBlank()) {
                throw EcsException.client(path + ".expression", "A 'memberOf' placement constraint requires an expression.");
            }
            if (c.expression().length() > MAX_EXPRESSION_LENGTH) {
                throw EcsException.client(path + ".expression",
                        "Placement constraint expression is longer than 2000 characters.");
            }
        }
    }

    private static void validateNamespaces(Context ctx) {
        String pid = ctx.td.pidMode();
        String ipc = ctx.td.ipcMode();
        if (pid != null && !TaskDefinitionRules.PID_MODES.contains(pid)) {
            throw EcsException.client("pidMode", "Invalid 'pidMode' setting for task. Valid values are host and task.");
        }
        if (ipc != null && !TaskDefinitionRules.IPC_MODES.contains(ipc)) {
            throw EcsException.client("ipcMode", "Invalid 'ipcMode' setting for task. Valid values are host, task and none.");
        }
        if (ctx.fargate && "host".equals(pid)) {
            throw EcsException.client("pidMode", "Tasks using the Fargate launch type do not support pidMode 'host'. "
                    + "The supported value for pidMode is 'task'.");
        }
        if (ctx.fargate && ipc != null) {
            throw EcsException.client("ipcMode", "Tasks using the Fargate launch type do not support ipcMode.");
        }
    }

    private static void validateSize(TaskDefinition td) {
        // An upper bound first, without Jackson: the JSON text of a definition is at most 7 times its toString (every
        // character escaped as \\uXXXX, 6 bytes, at worst; quotes around names and values; nulls omitted), so one
        // far below the limit needs no serialization. Serializing loads Jackson, which was a third of a test
        // fixture's cold start when its task definitions come from builders.
        if ((long) td.toString().length() * 7 + SIZE_BOUND_SLACK <= TaskDefinitionRules.MAX_JSON_BYTES) {
            return;
        }
        int bytes = Json.write(TaskDefinitionCodec.write(td), false).getBytes(StandardCharsets.UTF_8).length;
        if (bytes > TaskDefinitionRules.MAX_JSON_BYTES) {
            throw EcsException.client(null, "Actual length: '" + bytes + "'. Max allowed length is '"
                    + TaskDefinitionRules.MAX_JSON_BYTES + "' bytes.");
        }
    }

    /** Room in the size bound for members the JSON has and toString does not show the same way. */
    private static final int SIZE_BOUND_SLACK = 4096;

    /** What every rule needs to know about the definition being checked, computed once. */
    static final class Context {
        final TaskDefinition td;
        final NetworkMode mode;
        final boolean fargate;
        final boolean windows;
        final Integer taskCpu;
        final Integer taskMemory;

        Context(TaskDefinition td) {
            this.td = td;
            this.mode = td.networkModeOrDefault();
            this.fargate = td.requiresCompatibilities().contains(LaunchType.FARGATE);
            this.windows = td.runtimePlatform() != null && td.runtimePlatform().operatingSystemFamily() != null
                    && td.runtimePlatform().operatingSystemFamily().startsWith("WINDOWS");
            this.taskCpu = td.cpu() == null ? null : TaskSizes.parseCpu(td.cpu());
            this.taskMemory = td.memory() == null ? null : TaskSizes.parseMemory(td.memory());
        }

        String path(int container) {
            return CONTAINERS + "[" + container + "]";
        }

        List<ContainerDefinition> containers() {
            return td.containerDefinitions();
        }
    }
}
