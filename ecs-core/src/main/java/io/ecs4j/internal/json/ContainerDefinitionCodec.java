package io.ecs4j.internal.json;

import static io.ecs4j.internal.json.JsonReads.bool;
import static io.ecs4j.internal.json.JsonReads.child;
import static io.ecs4j.internal.json.JsonReads.integer;
import static io.ecs4j.internal.json.JsonReads.list;
import static io.ecs4j.internal.json.JsonReads.object;
import static io.ecs4j.internal.json.JsonReads.requiredString;
import static io.ecs4j.internal.json.JsonReads.string;
import static io.ecs4j.internal.json.JsonReads.stringEnum;
import static io.ecs4j.internal.json.JsonReads.stringMap;
import static io.ecs4j.internal.json.JsonReads.strings;
import static io.ecs4j.internal.json.JsonWrites.put;
import static io.ecs4j.internal.json.JsonWrites.putList;
import static io.ecs4j.internal.json.JsonWrites.putMap;
import static io.ecs4j.internal.json.JsonWrites.putStrings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecs4j.internal.taskdef.TaskDefinitionRules;
import io.ecs4j.model.ContainerCondition;
import io.ecs4j.model.ContainerDefinition;
import io.ecs4j.model.ContainerDependency;
import io.ecs4j.model.EnvironmentFile;
import io.ecs4j.model.HealthCheck;
import io.ecs4j.model.HostEntry;
import io.ecs4j.model.KernelCapabilities;
import io.ecs4j.model.LinuxParameters;
import io.ecs4j.model.LogConfiguration;
import io.ecs4j.model.MountPoint;
import io.ecs4j.model.PortMapping;
import io.ecs4j.model.RepositoryCredentials;
import io.ecs4j.model.ResourceRequirement;
import io.ecs4j.model.RestartPolicy;
import io.ecs4j.model.TransportProtocol;
import io.ecs4j.model.Ulimit;
import io.ecs4j.model.VolumeFrom;

/**
 * ECS JSON for {@code ContainerDefinition} and its value shapes. Member names are ECS's; unknown members are ignored.
 * {@code write} produces what {@code describe-task-definition} prints: nulls omitted, {@code cpu} and
 * {@code essential} always present, and the lists ECS always returns ({@code portMappings}, {@code environment},
 * {@code mountPoints}, {@code volumesFrom}) present even when empty. Stateless and thread-safe.
 */
public final class ContainerDefinitionCodec {
    /** Members read into modelled fields. */
    static final java.util.Set<String> KNOWN = java.util.Set.of("name", "image", "repositoryCredentials", "cpu",
            "memory", "memoryReservation", "essential", "links", "portMappings", "entryPoint", "command",
            "environment", "environmentFiles", "mountPoints", "volumesFrom", "linuxParameters", "secrets", "dependsOn",
            "startTimeout", "stopTimeout", "hostname", "user", "workingDirectory", "disableNetworking", "privileged",
            "readonlyRootFilesystem", "dnsServers", "dnsSearchDomains", "extraHosts", "dockerSecurityOptions",
            "interactive", "pseudoTerminal", "dockerLabels", "ulimits", "logConfiguration", "healthCheck",
            "resourceRequirements", "restartPolicy");

    private ContainerDefinitionCodec() {
    }

    /** Reads one container definition; {@code path} is its own path, e.g. {@code containerDefinitions[0]}. */
    public static ContainerDefinition read(JsonNode node, String path) {
        ObjectNode o = object(node, path);
        ContainerDefinition.Builder b = ContainerDefinition.builder()
                .name(string(o, "name", path))
                .image(string(o, "image", path))
                .memory(integer(o, "memory", path))
                .memoryReservation(integer(o, "memoryReservation", path))
                .links(strings(o, "links", path))
                .portMappings(list(o, "portMappings", path, ContainerDefinitionCodec::readPortMapping))
                .entryPoint(strings(o, "entryPoint", path))
                .command(strings(o, "command", path))
                .environment(list(o, "environment", path, CommonCodecs::readKeyValuePair))
                .environmentFiles(list(o, "environmentFiles", path, ContainerDefinitionCodec::readEnvironmentFile))
                .mountPoints(list(o, "mountPoints", path, ContainerDefinitionCodec::readMountPoint))
                .volumesFrom(list(o, "volumesFrom", path, ContainerDefinitionCodec::readVolumeFrom))
                .linuxParameters(readLinuxParameters(JsonReads.object(o, "linuxParameters", path), child(path, "linuxParameters")))
                .secrets(list(o, "secrets", path, CommonCodecs::readSecret))
                .dependsOn(list(o, "dependsOn", path, ContainerDefinitionCodec::readDependency))
                .startTimeout(integer(o, "startTimeout", path))
                .stopTimeout(integer(o, "stopTimeout", path))
                .hostname(string(o, "hostname", path))
                .user(string(o, "user", path))
                .workingDirectory(string(o, "workingDirectory", path))
                .disableNetworking(bool(o, "disableNetworking", path))
                .privileged(bool(o, "privileged", path))
                .readonlyRootFilesystem(bool(o, "readonlyRootFilesystem", path))
                .dnsServers(strings(o, "dnsServers", path))
                .dnsSearchDomains(strings(o, "dnsSearchDomains", path))
                .extraHosts(list(o, "extraHosts", path, ContainerDefinitionCodec::readHostEntry))
                .dockerSecurityOptions(strings(o, "dockerSecurityOptions", path))
                .interactive(bool(o, "interactive", path))
                .pseudoTerminal(bool(o, "pseudoTerminal", path))
                .dockerLabels(stringMap(o, "dockerLabels", path))
                .ulimits(list(o, "ulimits", path, ContainerDefinitionCodec::readUlimit))
                .logConfiguration(readLogConfiguration(JsonReads.object(o, "logConfiguration", path), child(path, "logConfiguration")))
                .healthCheck(readHealthCheck(JsonReads.object(o, "healthCheck", path), child(path, "healthCheck")))
                .resourceRequirements(list(o, "resourceRequirements", path, ContainerDefinitionCodec::readResourceRequirement))
                .restartPolicy(readRestartPolicy(JsonReads.object(o, "restartPolicy", path), child(path, "restartPolicy")))
                .otherMembers(JsonReads.otherMembers(o, KNOWN));
        Integer cpu = integer(o, "cpu", path);
        if (cpu != null) {
            b.cpu(cpu);
        }
        Boolean essential = bool(o, "essential", path);
        if (essential != null) {
            b.essential(essential);
        }
        ObjectNode credentials = JsonReads.object(o, "repositoryCredentials", path);
        if (credentials != null) {
            b.repositoryCredentials(new RepositoryCredentials(
                    requiredString(credentials, "credentialsParameter", child(path, "repositoryCredentials"))));
        }
        return b.build();
    }

    /** Writes one container definition in ECS's describe order. */
    public static ObjectNode write(ContainerDefinition c) {
        ObjectNode o = Json.object();
        put(o, "name", c.name());
        put(o, "image", c.image());
        if (c.repositoryCredentials() != null) {
            o.putObject("repositoryCredentials").put("credentialsParameter", c.repositoryCredentials().credentialsParameter());
        }
        o.put("cpu", c.cpu());
        put(o, "memory", c.memory());
        put(o, "memoryReservation", c.memoryReservation());
        putStrings(o, "links", c.links(), false);
        putList(o, "portMappings", c.portMappings(), true, ContainerDefinitionCodec::writePortMapping);
        o.put("essential", c.essential());
        putStrings(o, "entryPoint", c.entryPoint(), false);
        putStrings(o, "command", c.command(), false);
        putList(o, "environment", c.environment(), true, CommonCodecs::writeKeyValuePair);
        putList(o, "environmentFiles", c.environmentFiles(), false, ContainerDefinitionCodec::writeEnvironmentFile);
        putList(o, "mountPoints", c.mountPoints(), true, ContainerDefinitionCodec::writeMountPoint);
        putList(o, "volumesFrom", c.volumesFrom(), true, ContainerDefinitionCodec::writeVolumeFrom);
        if (c.linuxParameters() != null) {
            o.set("linuxParameters", writeLinuxParameters(c.linuxParameters()));
        }
        putList(o, "secrets", c.secrets(), false, CommonCodecs::writeSecret);
        putList(o, "dependsOn", c.dependsOn(), false, ContainerDefinitionCodec::writeDependency);
        put(o, "startTimeout", c.startTimeout());
        put(o, "stopTimeout", c.stopTimeout());
        put(o, "hostname", c.hostname());
        put(o, "user", c.user());
        put(o, "workingDirectory", c.workingDirectory());
        put(o, "disableNetworking", c.disableNetworking());
        put(o, "privileged", c.privileged());
        put(o, "readonlyRootFilesystem", c.readonlyRootFilesystem());
        putStrings(o, "dnsServers", c.dnsServers(), false);
        putStrings(o, "dnsSearchDomains", c.dnsSearchDomains(), false);
        putList(o, "extraHosts", c.extraHosts(), false, ContainerDefinitionCodec::writeHostEntry);
        putStrings(o, "dockerSecurityOptions", c.dockerSecurityOptions(), false);
        put(o, "interactive", c.interactive());
        put(o, "pseudoTerminal", c.pseudoTerminal());
        putMap(o, "dockerLabels", c.dockerLabels());
        putList(o, "ulimits", c.ulimits(), false, ContainerDefinitionCodec::writeUlimit);
        if (c.logConfiguration() != null) {
            o.set("logConfiguration", writeLogConfiguration(c.logConfiguration()));
        }
        if (c.healthCheck() != null) {
            o.set("healthCheck", writeHealthCheck(c.healthCheck()));
        }
        putList(o, "resourceRequirements", c.resourceRequirements(), false, ContainerDefinitionCodec::writeResourceRequirement);
        if (c.restartPolicy() != null) {
            o.set("restartPolicy", writeRestartPolicy(c.restartPolicy()));
        }
        JsonWrites.putOtherMembers(o, c.otherMembers());
        return o;
    }

    static PortMapping readPortMapping(JsonNode node, String path) {
        ObjectNode o = object(node, path);
        return PortMapping.builder()
                .containerPort(integer(o, "containerPort", path))
                .hostPort(integer(o, "hostPort", path))
                .protocol(JsonReads.enumValue(o, "protocol", path, TransportProtocol::fromValue, TaskDefinitionRules.PROTOCOLS))
                .name(string(o, "name", path))
                .appProtocol(stringEnum(o, "appProtocol", path, TaskDefinitionRules.APP_PROTOCOLS))
                .containerPortRange(string(o, "containerPortRange", path))
                .build();
    }

    static ObjectNode writePortMapping(PortMapping p) {
        ObjectNode o = Json.object();
        put(o, "containerPort", p.containerPort());
        put(o, "hostPort", p.hostPort());
        JsonWrites.putValue(o, "protocol", p.protocol());
        put(o, "name", p.name());
        put(o, "appProtocol", p.appProtocol());
        put(o, "containerPortRange", p.containerPortRange());
        return o;
    }

    static EnvironmentFile readEnvironmentFile(JsonNode node, String path) {
        ObjectNode o = object(node, path);
        String type = stringEnum(o, "type", path, TaskDefinitionRules.ENVIRONMENT_FILE_TYPES);
        if (type == null) {
            throw JsonReads.missing(child(path, "type"));
        }
        return new EnvironmentFile(requiredString(o, "value", path), type);
    }

    static ObjectNode writeEnvironmentFile(EnvironmentFile f) {
        ObjectNode o = Json.object();
        o.put("value", f.value());
        put(o, "type", f.type());
        return o;
    }

    static MountPoint readMountPoint(JsonNode node, String path) {
        ObjectNode o = object(node, path);
        return new MountPoint(string(o, "sourceVolume", path), string(o, "containerPath", path), bool(o, "readOnly", path));
    }

    static ObjectNode writeMountPoint(MountPoint m) {
        ObjectNode o = Json.object();
        put(o, "sourceVolume", m.sourceVolume());
        put(o, "containerPath", m.containerPath());
        put(o, "readOnly", m.readOnly());
        return o;
    }

    static VolumeFrom readVolumeFrom(JsonNode node, String path) {
        ObjectNode o = object(node, path);
        return new VolumeFrom(string(o, "sourceContainer", path), bool(o, "readOnly", path));
    }

    static ObjectNode writeVolumeFrom(VolumeFrom v) {
        ObjectNode o = Json.object();
        put(o, "sourceContainer", v.sourceContainer());
        put(o, "readOnly", v.readOnly());
        return o;
    }

    static LinuxParameters readLinuxParameters(ObjectNode o, String path) {
        if (o == null) {
            return null;
        }
        ObjectNode caps = JsonReads.object(o, "capabilities", path);
        KernelCapabilities capabilities = caps == null ? null : new KernelCapabilities(
                strings(caps, "add", child(path, "capabilities")), strings(caps, "drop", child(path, "capabilities")));
        return new LinuxParameters(bool(o, "initProcessEnabled", path), integer(o, "sharedMemorySize", path), capabilities);
    }

    static ObjectNode writeLinuxParameters(LinuxParameters p) {
        ObjectNode o = Json.object();
        if (p.capabilities() != null) {
            ObjectNode caps = o.putObject("capabilities");
            putStrings(caps, "add", p.capabilities().add(), false);
            putStrings(caps, "drop", p.capabilities().drop(), false);
        }
        put(o, "initProcessEnabled", p.initProcessEnabled());
        put(o, "sharedMemorySize", p.sharedMemorySize());
        return o;
    }

    static ContainerDependency readDependency(JsonNode node, String path) {
        ObjectNode o = object(node, path);
        String name = requiredString(o, "containerName", path);
        ContainerCondition condition = JsonReads.enumValue(o, "condition", path, ContainerCondition::fromValue,
                TaskDefinitionRules.CONDITIONS);
        if (condition == null) {
            throw JsonReads.missing(child(path, "condition"));
        }
        return new ContainerDependency(name, condition);
    }

    static ObjectNode writeDependency(ContainerDependency d) {
        ObjectNode o = Json.object();
        o.put("containerName", d.containerName());
        o.put("condition", d.condition().value());
        return o;
    }

    static HostEntry readHostEntry(JsonNode node, String path) {
        ObjectNode o = object(node, path);
        return new HostEntry(requiredString(o, "hostname", path), requiredString(o, "ipAddress", path));
    }

    static ObjectNode writeHostEntry(HostEntry h) {
        ObjectNode o = Json.object();
        o.put("hostname", h.hostname());
        o.put("ipAddress", h.ipAddress());
        return o;
    }

    static Ulimit readUlimit(JsonNode node, String path) {
        ObjectNode o = object(node, path);
        String name = stringEnum(o, "name", path, TaskDefinitionRules.ULIMIT_NAMES);
        if (name == null) {
            throw JsonReads.missing(child(path, "name"));
        }
        Integer soft = integer(o, "softLimit", path);
        Integer hard = integer(o, "hardLimit", path);
        if (soft == null) {
            throw JsonReads.missing(child(path, "softLimit"));
        }
        if (hard == null) {
            throw JsonReads.missing(child(path, "hardLimit"));
        }
        return new Ulimit(name, soft, hard);
    }

    static ObjectNode writeUlimit(Ulimit u) {
        ObjectNode o = Json.object();
        o.put("name", u.name());
        o.put("softLimit", u.softLimit());
        o.put("hardLimit", u.hardLimit());
        return o;
    }

    static LogConfiguration readLogConfiguration(ObjectNode o, String path) {
        if (o == null) {
            return null;
        }
        String driver = stringEnum(o, "logDriver", path, TaskDefinitionRules.LOG_DRIVERS);
        if (driver == null) {
            throw JsonReads.missing(child(path, "logDriver"));
        }
        return new LogConfiguration(driver, stringMap(o, "options", path), list(o, "secretOptions", path, CommonCodecs::readSecret));
    }

    static ObjectNode writeLogConfiguration(LogConfiguration l) {
        ObjectNode o = Json.object();
        o.put("logDriver", l.logDriver());
        putMap(o, "options", l.options());
        putList(o, "secretOptions", l.secretOptions(), false, CommonCodecs::writeSecret);
        return o;
    }

    static HealthCheck readHealthCheck(ObjectNode o, String path) {
        if (o == null) {
            return null;
        }
        return new HealthCheck(strings(o, "command", path), integer(o, "interval", path), integer(o, "timeout", path),
                integer(o, "retries", path), integer(o, "startPeriod", path));
    }

    static ObjectNode writeHealthCheck(HealthCheck h) {
        ObjectNode o = Json.object();
        putStrings(o, "command", h.command(), true);
        put(o, "interval", h.interval());
        put(o, "timeout", h.timeout());
        put(o, "retries", h.retries());
        put(o, "startPeriod", h.startPeriod());
        return o;
    }

    static ResourceRequirement readResourceRequirement(JsonNode node, String path) {
        ObjectNode o = object(node, path);
        String type = stringEnum(o, "type", path, TaskDefinitionRules.RESOURCE_TYPES);
        if (type == null) {
            throw JsonReads.missing(child(path, "type"));
        }
        return new ResourceRequirement(type, requiredString(o, "value", path));
    }

    static ObjectNode writeResourceRequirement(ResourceRequirement r) {
        ObjectNode o = Json.object();
        o.put("value", r.value());
        o.put("type", r.type());
        return o;
    }

    static RestartPolicy readRestartPolicy(ObjectNode o, String path) {
        if (o == null) {
            return null;
        }
        return new RestartPolicy(bool(o, "enabled", path), JsonReads.integers(o, "ignoredExitCodes", path),
                integer(o, "restartAttemptPeriod", path));
    }

    static ObjectNode writeRestartPolicy(RestartPolicy r) {
        ObjectNode o = Json.object();
        put(o, "enabled", r.enabled());
        JsonWrites.putIntegers(o, "ignoredExitCodes", r.ignoredExitCodes());
        put(o, "restartAttemptPeriod", r.restartAttemptPeriod());
        return o;
    }
}
