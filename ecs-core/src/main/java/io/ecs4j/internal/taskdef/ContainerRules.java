package io.ecs4j.internal.taskdef;

import io.ecs4j.EcsException;
import io.ecs4j.internal.taskdef.TaskDefinitionValidator.Context;
import io.ecs4j.model.ContainerDefinition;
import io.ecs4j.model.HealthCheck;
import io.ecs4j.model.KeyValuePair;
import io.ecs4j.model.LogConfiguration;
import io.ecs4j.model.MountPoint;
import io.ecs4j.model.NetworkMode;
import io.ecs4j.model.ResourceRequirement;
import io.ecs4j.model.RestartPolicy;
import io.ecs4j.model.Secret;
import io.ecs4j.model.Ulimit;
import io.ecs4j.model.Volume;
import io.ecs4j.model.VolumeFrom;
import java.util.List;
import java.util.regex.Pattern;

/** Per-container rules of {@link TaskDefinitionValidator}. Stateless. */
final class ContainerRules {
    /** Image references: letters, digits, {@code - _ : . / #} and {@code @} for digests (ECS parameter docs). */
    private static final Pattern IMAGE = Pattern.compile("[A-Za-z0-9_\\-:./#@]+");
    private static final Pattern DIGEST = Pattern.compile(".*@sha256:[0-9a-f]{64}");
    private static final int MIN_CONTAINER_MEMORY = 6;
    private static final int FARGATE_MIN_TIMEOUT = 2;
    private static final int FARGATE_MAX_TIMEOUT = 120;

    private ContainerRules() {
    }

    /** Name and image: checked for every container before anything refers to containers by name. */
    static void validateIdentity(ContainerDefinition c, String path) {
        if (c.name() == null || c.name().isEmpty()) {
            throw EcsException.client(path + ".name", "Container.name should not be null or empty.");
        }
        if (c.name().length() > TaskDefinitionRules.MAX_NAME_LENGTH || !TaskDefinitionRules.NAME.matcher(c.name()).matches()) {
            throw EcsException.client(path + ".name", "Container.name contains invalid characters.");
        }
        if (c.image() == null || c.image().isEmpty()) {
            throw EcsException.client(path + ".image", "Container.image should not be null or empty.");
        }
        if (c.image().length() > TaskDefinitionRules.MAX_NAME_LENGTH || !IMAGE.matcher(c.image()).matches()) {
            throw EcsException.client(path + ".image", "Container.image contains invalid characters.");
        }
        if (c.image().contains("@") && !DIGEST.matcher(c.image()).matches()) {
            throw EcsException.client(path + ".image", "Invalid 'image' setting for container '" + c.name()
                    + "'. A digest must be 'sha256:' followed by 64 lowercase hexadecimal characters.");
        }
    }

    static void validate(ContainerDefinition c, int index, Context ctx) {
        String path = ctx.path(index);
        validateResources(c, path, ctx);
        validateEnvironment(c, path, ctx);
        validateNetworking(c, path, ctx);
        validateStorage(c, path, ctx);
        validateHealthCheck(c.healthCheck(), c.name(), path + ".healthCheck");
        validateTimeouts(c, path, ctx);
        validateLogging(c, path, ctx);
        validateRestartPolicy(c.restartPolicy(), c.name(), path + ".restartPolicy");
        if (ctx.fargate) {
            validateFargate(c, path);
        }
    }

    private static void validateResources(ContainerDefinition c, String path, Context ctx) {
        if (c.cpu() < 0) {
            throw invalid(path + ".cpu", "cpu", c.name(), "It must not be negative.");
        }
        if (c.memory() != null && c.memory() < MIN_CONTAINER_MEMORY) {
            throw invalid(path + ".memory", "memory", c.name(), "The minimum is " + MIN_CONTAINER_MEMORY + " MiB.");
        }
        if (c.memoryReservation() != null && c.memoryReservation() < 0) {
            throw invalid(path + ".memoryReservation", "memoryReservation", c.name(), "It must not be negative.");
        }
        boolean hasMemory = c.memory() != null || (c.memoryReservation() != null && c.memoryReservation() > 0);
        if (ctx.td.memory() == null && !hasMemory) {
            throw EcsException.client(path + ".memory", "Invalid setting for container '" + c.name()
                    + "'. At least one of 'memory' or 'memoryReservation' must be specified.");
        }
        // Docker rejects a hard limit below the reservation; equal is accepted.
        if (c.memory() != null && c.memoryReservation() != null && c.memory() < c.memoryReservation()) {
            throw EcsException.client(path + ".memoryReservation", "Invalid setting for container '" + c.name()
                    + "'. 'memory' must be greater than or equal to 'memoryReservation'.");
        }
        if (ctx.taskMemory != null && !ctx.windows && c.memory() != null && c.memory() > ctx.taskMemory) {
            throw EcsException.client(path + ".memory",
                    "'memory' setting for container '" + c.name() + "' is greater than for task.");
        }
        for (int i = 0; i < c.resourceRequirements().size(); i++) {
            ResourceRequirement r = c.resourceRequirements().get(i);
            String rPath = path + ".resourceRequirements[" + i + "]";
            if (!TaskDefinitionRules.RESOURCE_TYPES.contains(r.type())) {
                throw invalid(rPath + ".type", "resourceRequirements", c.name(), "Valid types are GPU and InferenceAccelerator.");
            }
            if ("GPU".equals(r.type()) && !r.value().matches("[1-9][0-9]{0,3}")) {
                throw invalid(rPath + ".value", "resourceRequirements", c.name(), "A GPU value must be a positive whole number.");
            }
        }
    }

    /** Task-wide memory and cpu sums, once every container is valid on its own. */
    static void validateMemoryTotals(Context ctx) {
        if (ctx.windows) {
            return;
        }
        List<ContainerDefinition> containers = ctx.containers();
        if (ctx.taskMemory != null) {
            long hard = 0;
            long reserved = 0;
            for (ContainerDefinition c : containers) {
                hard += c.memory() == null ? 0 : c.memory();
                reserved += c.memoryReservation() != null ? c.memoryReservation() : (c.memory() == null ? 0 : c.memory());
            }
            if (hard > ctx.taskMemory || reserved > ctx.taskMemory) {
                throw EcsException.client(TaskDefinitionValidator.CONTAINERS, "The total memory of the containers ("
                        + Math.max(hard, reserved) + " MiB) is greater than the task memory (" + ctx.taskMemory + " MiB).");
            }
        }
        if (ctx.taskCpu != null) {
            long cpu = containers.stream().mapToLong(ContainerDefinition::cpu).sum();
            if (cpu > ctx.taskCpu) {
                throw EcsException.client(TaskDefinitionValidator.CONTAINERS, "The total cpu of the containers (" + cpu
                        + " units) is greater than the task cpu (" + ctx.taskCpu + " units).");
            }
        }
    }

    private static void validateEnvironment(ContainerDefinition c, String path, Context ctx) {
        for (int i = 0; i < c.environment().size(); i++) {
            KeyValuePair pair = c.environment().get(i);
            if (pair.name().isEmpty()) {
                throw invalid(path + ".environment[" + i + "].name", "environment", c.name(),
                        "Environment variable names must not be empty.");
            }
        }
        if (c.environmentFiles().size() > 10) {
            throw invalid(path + ".environmentFiles", "environmentFiles", c.name(), "At most 10 environment files are allowed.");
        }
        validateSecrets(c.secrets(), c.name(), path + ".secrets", ctx);
        for (int i = 0; i < c.ulimits().size(); i++) {
            Ulimit u = c.ulimits().get(i);
            String uPath = path + ".ulimits[" + i + "]";
            if (!TaskDefinitionRules.ULIMIT_NAMES.contains(u.name())) {
                throw invalid(uPath + ".name", "ulimits", c.name(), "'" + u.name() + "' is not a valid ulimit name.");
            }
            if (u.softLimit() > u.hardLimit()) {
                throw invalid(uPath + ".softLimit", "ulimits", c.name(),
                        "The soft limit of '" + u.name() + "' is greater than its hard limit.");
            }
        }
    }

    private static void validateSecrets(List<Secret> secrets, String container, String path, Context ctx) {
        for (int i = 0; i < secrets.size(); i++) {
            Secret s = secrets.get(i);
            if (s.name().isEmpty()) {
                throw invalid(path + "[" + i + "].name", "secrets", container, "A secret's 'name' must not be empty.");
            }
            if (s.valueFrom().isEmpty()) {
                throw invalid(path + "[" + i + "].valueFrom", "secrets", container, "A secret's 'valueFrom' must not be empty.");
            }
        }
        if (!secrets.isEmpty() && ctx.td.executionRoleArn() == null) {
            throw EcsException.client("executionRoleArn",
                    "When you are specifying container secrets, you must also specify a value for 'executionRoleArn'.");
        }
    }

    private static void validateNetworking(ContainerDefinition c, String path, Context ctx) {
        NetworkMode mode = ctx.mode;
        if (!c.links().isEmpty() && mode != NetworkMode.BRIDGE) {
            throw EcsException.client(path + ".links", "Links are not supported when networkMode=" + mode.value());
        }
        for (int i = 0; i < c.links().size(); i++) {
            String link = c.links().get(i);
            String target = link.contains(":") ? link.substring(0, link.indexOf(':')) : link;
            if (target.equals(c.name()) || ctx.td.container(target) == null) {
                throw invalid(path + ".links[" + i + "]", "links", c.name(),
                        "Link target '" + target + "' is not another container of this task definition.");
            }
        }
        if (mode == NetworkMode.AWSVPC) {
            if (c.hostname() != null) {
                throw EcsException.client(path + ".hostname", "hostname is not supported on container when networkMode=awsvpc");
            }
            if (!c.extraHosts().isEmpty()) {
                throw EcsException.client(path + ".extraHosts", "Extra hosts are not supported on container when networkMode=awsvpc");
            }
            if (!c.dnsServers().isEmpty()) {
                throw EcsException.client(path + ".dnsServers", "DNS servers are not supported on container when networkMode=awsvpc");
            }
            if (!c.dnsSearchDomains().isEmpty()) {
                throw EcsException.client(path + ".dnsSearchDomains",
                        "DNS search domains are not supported on container when networkMode=awsvpc");
            }
            if (c.disableNetworking() != null) {
                throw EcsException.client(path + ".disableNetworking",
                        "Disable Networking is not supported on container when networkMode=awsvpc");
            }
        }
    }

    private static void validateStorage(ContainerDefinition c, String path, Context ctx) {
        for (int i = 0; i < c.mountPoints().size(); i++) {
            MountPoint m = c.mountPoints().get(i);
            String mPath = path + ".mountPoints[" + i + "]";
            if (m.sourceVolume() == null || m.sourceVolume().isEmpty()) {
                throw invalid(mPath + ".sourceVolume", "mountPoints", c.name(), "'sourceVolume' is required.");
            }
            if (ctx.td.volumes().stream().map(Volume::name).noneMatch(m.sourceVolume()::equals)) {
                throw invalid(mPath + ".sourceVolume", "mountPoints", c.name(), "Volume '" + m.sourceVolume()
                        + "' is not declared in the task definition's volumes.");
            }
            if (m.containerPath() == null || m.containerPath().isEmpty()) {
                throw invalid(mPath + ".containerPath", "mountPoints", c.name(), "'containerPath' is required.");
            }
        }
        for (int i = 0; i < c.volumesFrom().size(); i++) {
            VolumeFrom v = c.volumesFrom().get(i);
            String source = v.sourceContainer();
            if (source == null || source.equals(c.name()) || ctx.td.container(source) == null) {
                throw invalid(path + ".volumesFrom[" + i + "].sourceContainer", "volumesFrom", c.name(),
                        "Source container '" + source + "' is not another container of this task definition.");
            }
        }
        if (c.linuxParameters() != null && c.linuxParameters().sharedMemorySize() != null
                && c.linuxParameters().sharedMemorySize() <= 0) {
            throw invalid(path + ".linuxParameters.sharedMemorySize", "sharedMemorySize", c.name(), "It must be positive.");
        }
    }

    static void validateHealthCheck(HealthCheck h, String container, String path) {
        if (h == null) {
            return;
        }
        List<String> command = h.command();
        if (command.isEmpty() || !("CMD".equals(command.get(0)) || "CMD-SHELL".equals(command.get(0)))) {
            throw invalid(path + ".command", "healthCheck.command", container,
                    "The command must start with 'CMD' or 'CMD-SHELL'.");
        }
        if (command.size() < 2 || command.subList(1, command.size()).stream().allMatch(String::isBlank)) {
            throw invalid(path + ".command", "healthCheck.command", container,
                    "The command must name what to run after '" + command.get(0) + "'.");
        }
        range(h.interval(), 5, 300, path + ".interval", "healthCheck.interval", container, "seconds");
        range(h.timeout(), 2, 60, path + ".timeout", "healthCheck.timeout", container, "seconds");
        range(h.retries(), 1, 10, path + ".retries", "healthCheck.retries", container, "");
        range(h.startPeriod(), 0, 300, path + ".startPeriod", "healthCheck.startPeriod", container, "seconds");
    }

    private static void validateTimeouts(ContainerDefinition c, String path, Context ctx) {
        if (ctx.fargate) {
            range(c.startTimeout(), FARGATE_MIN_TIMEOUT, FARGATE_MAX_TIMEOUT, path + ".startTimeout", "startTimeout",
                    c.name(), "seconds on Fargate");
            range(c.stopTimeout(), FARGATE_MIN_TIMEOUT, FARGATE_MAX_TIMEOUT, path + ".stopTimeout", "stopTimeout",
                    c.name(), "seconds on Fargate");
        } else {
            range(c.startTimeout(), 0, Integer.MAX_VALUE, path + ".startTimeout", "startTimeout", c.name(), "seconds");
            range(c.stopTimeout(), 0, Integer.MAX_VALUE, path + ".stopTimeout", "stopTimeout", c.name(), "seconds");
        }
    }

    private static void validateLogging(ContainerDefinition c, String path, Context ctx) {
        LogConfiguration log = c.logConfiguration();
        if (log == null) {
            return;
        }
        String lPath = path + ".logConfiguration";
        if (!TaskDefinitionRules.LOG_DRIVERS.contains(log.logDriver())) {
            throw invalid(lPath + ".logDriver", "logDriver", c.name(), "'" + log.logDriver()
                    + "' is not a supported log driver. Valid values: " + String.join(", ", TaskDefinitionRules.LOG_DRIVERS) + ".");
        }
        if (ctx.fargate && !TaskDefinitionRules.FARGATE_LOG_DRIVERS.contains(log.logDriver())) {
            throw invalid(lPath + ".logDriver", "logDriver", c.name(), "Tasks using the Fargate launch type support only "
                    + "the awslogs, splunk and awsfirelens log drivers.");
        }
        if ("awslogs".equals(log.logDriver())) {
            String group = log.options().get("awslogs-group");
            if (group == null || group.isEmpty()) {
                throw EcsException.client(lPath + ".options.awslogs-group",
                        "Log driver awslogs option 'awslogs-group' should not be null or empty.");
            }
            if (ctx.fargate && ctx.td.executionRoleArn() == null) {
                throw EcsException.client("executionRoleArn",
                        "Fargate requires task definition to have execution role ARN to support log driver awslogs.");
            }
        }
        validateSecrets(log.secretOptions(), c.name(), lPath + ".secretOptions", ctx);
    }

    private static void validateRestartPolicy(RestartPolicy r, String container, String path) {
        if (r == null) {
            return;
        }
        if (r.enabled() == null) {
            throw invalid(path + ".enabled", "restartPolicy", container, "'enabled' is required.");
        }
        if (r.ignoredExitCodes().size() > 50) {
            throw invalid(path + ".ignoredExitCodes", "restartPolicy", container, "At most 50 ignored exit codes are allowed.");
        }
        range(r.restartAttemptPeriod(), 60, 1800, path + ".restartAttemptPeriod", "restartPolicy.restartAttemptPeriod",
                container, "seconds");
    }

    private static void validateFargate(ContainerDefinition c, String path) {
        if (Boolean.TRUE.equals(c.privileged())) {
            throw EcsException.client(path + ".privileged", "Tasks using the Fargate launch type do not support "
                    + "privileged containers (container '" + c.name() + "').");
        }
        if (!c.dockerSecurityOptions().isEmpty()) {
            throw EcsException.client(path + ".dockerSecurityOptions", "Tasks using the Fargate launch type do not "
                    + "support 'dockerSecurityOptions' (container '" + c.name() + "').");
        }
        if (c.resourceRequirements().stream().anyMatch(r -> "GPU".equals(r.type()))) {
            throw EcsException.client(path + ".resourceRequirements", "Tasks using the Fargate launch type do not "
                    + "support GPUs (container '" + c.name() + "').");
        }
        if (c.linuxParameters() != null && c.linuxParameters().capabilities() != null
                && c.linuxParameters().capabilities().add().stream().anyMatch(cap -> !"SYS_PTRACE".equals(cap))) {
            throw EcsException.client(path + ".linuxParameters.capabilities.add", "Tasks using the Fargate launch "
                    + "type can only add the SYS_PTRACE kernel capability (container '" + c.name() + "').");
        }
    }

    private static void range(Integer value, int min, int max, String path, String member, String container, String unit) {
        if (value != null && (value < min || value > max)) {
            String bounds = max == Integer.MAX_VALUE ? "at least " + min : "between " + min + " and " + max;
            throw invalid(path, member, container, "It must be " + bounds + (unit.isEmpty() ? "" : " " + unit) + ".");
        }
    }

    /** ECS's wording for a bad container setting ({@code Invalid 'containerPort' setting for container 'web'.}). */
    static EcsException invalid(String path, String member, String container, String detail) {
        return EcsException.client(path, "Invalid '" + member + "' setting for container '" + container + "'. " + detail);
    }
}
