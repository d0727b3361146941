package io.ecs4j.internal.engine;

import io.ecs4j.SecretResolver;
import io.ecs4j.model.ContainerCondition;
import io.ecs4j.model.ContainerDefinition;
import io.ecs4j.model.ContainerDependency;
import io.ecs4j.model.ContainerOverride;
import io.ecs4j.model.EnvironmentFile;
import io.ecs4j.model.HealthCheck;
import io.ecs4j.model.HostEntry;
import io.ecs4j.model.KeyValuePair;
import io.ecs4j.model.MountPoint;
import io.ecs4j.model.NetworkMode;
import io.ecs4j.model.PortMapping;
import io.ecs4j.model.Secret;
import io.ecs4j.model.TaskDefinition;
import io.ecs4j.model.TaskOverride;
import io.ecs4j.model.TransportProtocol;
import io.ecs4j.model.Ulimit;
import io.ecs4j.model.Volume;
import io.ecs4j.model.VolumeFrom;
import io.ecs4j.spi.runtime.ContainerLaunchSpec;
import io.ecs4j.spi.runtime.HealthCheckSpec;
import io.ecs4j.spi.runtime.MountSpec;
import io.ecs4j.spi.runtime.PortSpec;
import io.ecs4j.spi.runtime.TaskSandbox;
import io.ecs4j.spi.runtime.TaskSandboxSpec;
import io.ecs4j.spi.runtime.UlimitSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns task definitions into what the Runtime SPI takes: overrides applied, environment resolved, ports, mounts and
 * health checks in the runtime's terms.
 */
final class LaunchSpecs {

    /** The label keys the ECS agent puts on every container it starts; ecs4j uses the same. */
    static final String LABEL_CLUSTER = "com.amazonaws.ecs.cluster";
    static final String LABEL_TASK_ARN = "com.amazonaws.ecs.task-arn";
    static final String LABEL_FAMILY = "com.amazonaws.ecs.task-definition-family";
    static final String LABEL_REVISION = "com.amazonaws.ecs.task-definition-version";

    private LaunchSpecs() {
    }

    /** The containers with RunTask/StartTask overrides applied. */
    static List<ContainerDefinition> applyOverrides(TaskDefinition td, TaskOverride overrides) {
        if (overrides == null || overrides.containerOverrides().isEmpty()) {
            return td.containerDefinitions();
        }
        List<ContainerDefinition> out = new ArrayList<>();
        for (ContainerDefinition c : td.containerDefinitions()) {
            ContainerDefinition effective = c;
            for (ContainerOverride o : overrides.containerOverrides()) {
                if (c.name().equals(o.name())) {
                    effective = apply(effective, o);
                }
            }
            out.add(effective);
        }
        return out;
    }

    private static ContainerDefinition apply(ContainerDefinition c, ContainerOverride o) {
        ContainerDefinition.Builder b = c.toBuilder();
        if (!o.command().isEmpty()) {
            b.command(o.command());
        }
        if (!o.environment().isEmpty()) {
            Map<String, String> env = new LinkedHashMap<>();
            c.environment().forEach(kv -> env.put(kv.name(), kv.value()));
            o.environment().forEach(kv -> env.put(kv.name(), kv.value()));
            List<KeyValuePair> merged = new ArrayList<>();
            env.forEach((k, v) -> merged.add(KeyValuePair.of(k, v)));
            b.environment(merged);
        }
        if (o.cpu() != null) {
            b.cpu(o.cpu());
        }
        if (o.memory() != null) {
            b.memory(o.memory());
        }
        if (o.memoryReservation() != null) {
            b.memoryReservation(o.memoryReservation());
        }
        return b.build();
    }

    /** {@code dependsOn} plus the implicit START dependencies of {@code links} and {@code volumesFrom}. */
    static List<ContainerDependency> dependencies(ContainerDefinition c) {
        if (c.links().isEmpty() && c.volumesFrom().isEmpty()) {
            return c.dependsOn();
        }
        List<ContainerDependency> deps = new ArrayList<>(c.dependsOn());
        for (String link : c.links()) {
            deps.add(ContainerDependency.of(linkTarget(link), ContainerCondition.START));
        }
        for (VolumeFrom vf : c.volumesFrom()) {
            deps.add(ContainerDependency.of(vf.sourceContainer(), ContainerCondition.START));
        }
        return deps;
    }

    private static String linkTarget(String link) {
        int colon = link.indexOf(':');
        return colon < 0 ? link : link.substring(0, colon);
    }

    static Duration stopTimeout(ContainerDefinition c, EngineConfig config) {
        return c.stopTimeout() != null ? Duration.ofSeconds(c.stopTimeout()) : config.defaultStopTimeout();
    }

    /**
     * Resolves every container's environment: environment files first, then {@code environment} (explicit entries
     * win), then secrets. Returns null, or the reason the task cannot start.
     */
    static String resolveEnvironments(List<ContainerRun> containers, SecretResolver secrets) {
        for (ContainerRun c : containers) {
            Map<String, String> env = new LinkedHashMap<>();
            for (EnvironmentFile file : c.definition.environmentFiles()) {
                String failure = loadEnvironmentFile(file, env);
                if (failure != null) {
                    return failure;
                }
            }
            for (KeyValuePair kv : c.definition.environment()) {
                env.put(kv.name(), kv.value() == null ? "" : kv.value());
            }
            for (Secret secret : c.definition.secrets()) {
                String value = secrets.resolve(secret.valueFrom());
                if (value == null) {
                    return "ResourceInitializationError: unable to pull secrets or registry auth: unable to retrieve"
                            + " secret '" + secret.valueFrom() + "' for container '" + c.name()
                            + "': no such secret (give it to LocalEcs.builder().secret(...) or a SecretResolver)";
                }
                env.put(secret.name(), value);
            }
            c.resolvedEnvironment = env.isEmpty() ? Map.of() : env;
        }
        return null;
    }

    private static String loadEnvironmentFile(EnvironmentFile file, Map<String, String> env) {
        String location = file.value();
        Path path = location.startsWith("file:") ? Path.of(java.net.URI.create(location))
                : location.startsWith("/") ? Path.of(location) : null;
        if (path == null || !Files.isRegularFile(path)) {
            return "ResourceInitializationError: failed to download env files: ecs4j reads environment files from"
                    + " local paths (file:/... or /...) only; cannot read '" + location + "'";
        }
        try {
            for (String line : Files.readAllLines(path)) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int eq = trimmed.indexOf('=');
                if (eq > 0) {
                    env.putIfAbsent(trimmed.substring(0, eq), trimmed.substring(eq + 1));
                }
            }
            return null;
        } catch (IOException e) {
            return "ResourceInitializationError: failed to download env files: " + e.getMessage();
        }
    }

    static TaskSandboxSpec sandboxSpec(TaskFacts facts, List<ContainerDefinition> containers, boolean labelled) {
        NetworkMode mode = facts.taskDefinition().networkModeOrDefault();
        List<PortSpec> ports = new ArrayList<>();
        if (mode == NetworkMode.AWSVPC) {
            for (ContainerDefinition c : containers) {
                for (PortMapping pm : c.portMappings()) {
                    for (int port : containerPorts(pm)) {
                        ports.add(new PortSpec(port, 0, pm.protocolOrDefault()));
                    }
                }
            }
        }
        return new TaskSandboxSpec(facts.arn(), facts.arn().clusterName(), facts.containerInstanceId(), mode, ports,
                facts.networkAliases(), labelled ? identityLabels(facts) : Map.of());
    }

    static Map<String, String> identityLabels(TaskFacts facts) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(LABEL_CLUSTER, facts.clusterArn().toString());
        labels.put(LABEL_TASK_ARN, facts.arn().toString());
        labels.put(LABEL_FAMILY, facts.taskDefinition().family());
        labels.put(LABEL_REVISION, Integer.toString(facts.taskDefinition().revision()));
        return labels;
    }

    /** Whether container {@code c} maps {@code port}/{@code protocol}. */
    static boolean exposes(ContainerDefinition c, int port, TransportProtocol protocol) {
        for (PortMapping pm : c.portMappings()) {
            if (pm.protocolOrDefault() == protocol && containerPorts(pm).contains(port)) {
                return true;
            }
        }
        return false;
    }

    private static List<Integer> containerPorts(PortMapping pm) {
        if (pm.containerPort() != null && pm.containerPort() > 0) {
            return List.of(pm.containerPort());
        }
        if (pm.containerPortRange() != null) {
            String[] parts = pm.containerPortRange().split("-");
            List<Integer> ports = new ArrayList<>();
            for (int p = Integer.parseInt(parts[0].strip()); p <= Integer.parseInt(parts[1].strip()); p++) {
                ports.add(p);
            }
            return ports;
        }
        return List.of();
    }

    static ContainerLaunchSpec launchSpec(TaskFacts facts, ContainerRun run, TaskSandbox sandbox, EngineConfig config,
                                          Map<String, String> metadataLabels, String taskDefinitionArn) {
        ContainerDefinition c = run.definition;
        TaskDefinition td = facts.taskDefinition();
        NetworkMode mode = td.networkModeOrDefault();
        List<PortSpec> ports = new ArrayList<>();
        if (mode == NetworkMode.BRIDGE || mode == NetworkMode.HOST) {
            for (PortMapping pm : c.portMappings()) {
                for (int port : containerPorts(pm)) {
                    int host = mode == NetworkMode.HOST ? port
                            : pm.containerPortRange() == null && pm.hostPort() != null ? pm.hostPort() : 0;
                    ports.add(new PortSpec(port, host, pm.protocolOrDefault()));
                }
            }
        }
        List<ContainerLaunchSpec.Link> links = new ArrayList<>();
        for (String link : c.links()) {
            int colon = link.indexOf(':');
            links.add(colon < 0 ? new ContainerLaunchSpec.Link(link, link)
                    : new ContainerLaunchSpec.Link(link.substring(0, colon), link.substring(colon + 1)));
        }
        List<ContainerLaunchSpec.VolumesFrom> volumesFrom = c.volumesFrom().stream()
                .map(v -> new ContainerLaunchSpec.VolumesFrom(v.sourceContainer(), Boolean.TRUE.equals(v.readOnly())))
                .toList();
        List<String> extraHosts = c.extraHosts().stream().map(h -> h.hostname() + ":" + h.ipAddress()).toList();
        return ContainerLaunchSpec.builder()
                .handle(run.handle)
                .clusterName(facts.arn().clusterName())
                .containerArn(run.arn.toString())
                .taskDefinitionArn(taskDefinitionArn)
                .family(td.family())
                .revision(td.revision())
                .group(facts.group())
                .hostId(facts.containerInstanceId())
                .image(c.image())
                .registryCredentials(c.repositoryCredentials() == null ? null
                        : c.repositoryCredentials().credentialsParameter())
                .entryPoint(c.entryPoint())
                .command(c.command())
                .environment(run.resolvedEnvironment)
                .workingDirectory(c.workingDirectory())
                .user(c.user())
                .hostname(c.hostname())
                .labels(labels(c.dockerLabels(), metadataLabels))
                .cpuShares(Math.max(2, c.cpu()))
                .memoryLimitMiB(c.memory())
                .memoryReservationMiB(c.memoryReservation())
                .ulimits(c.ulimits().stream().map(LaunchSpecs::ulimit).toList())
                .stopTimeout(stopTimeout(c, config))
                .healthCheck(healthCheck(c.healthCheck()))
                .networkMode(mode)
                .ports(ports)
                .links(links)
                .mounts(mounts(td, c))
                .volumesFrom(volumesFrom)
                .extraHosts(extraHosts)
                .sandbox(sandbox)
                .privileged(Boolean.TRUE.equals(c.privileged()))
                .readonlyRootFilesystem(Boolean.TRUE.equals(c.readonlyRootFilesystem()))
                .initProcessEnabled(c.linuxParameters() != null
                        && Boolean.TRUE.equals(c.linuxParameters().initProcessEnabled()))
                .interactive(Boolean.TRUE.equals(c.interactive()))
                .pseudoTerminal(Boolean.TRUE.equals(c.pseudoTerminal()))
                .build();
    }

    private static Map<String, String> labels(Map<String, String> dockerLabels, Map<String, String> metadata) {
        if (dockerLabels.isEmpty() && metadata.isEmpty()) {
            return Map.of();
        }
        Map<String, String> labels = new LinkedHashMap<>(dockerLabels);
        labels.putAll(metadata);
        return labels;
    }

    private static UlimitSpec ulimit(Ulimit u) {
        return new UlimitSpec(u.name(), u.softLimit(), u.hardLimit());
    }

    static HealthCheckSpec healthCheck(HealthCheck hc) {
        if (hc == null) {
            return null;
        }
        return new HealthCheckSpec(hc.command(), Duration.ofSeconds(hc.intervalOrDefault()),
                Duration.ofSeconds(hc.timeoutOrDefault()), hc.retriesOrDefault(),
                Duration.ofSeconds(hc.startPeriodOrDefault()));
    }

    private static List<MountSpec> mounts(TaskDefinition td, ContainerDefinition c) {
        List<MountSpec> mounts = new ArrayList<>();
        for (MountPoint mp : c.mountPoints()) {
            Volume volume = null;
            for (Volume v : td.volumes()) {
                if (v.name().equals(mp.sourceVolume())) {
                    volume = v;
                }
            }
            if (volume == null || mp.containerPath() == null) {
                continue;
            }
            boolean readOnly = Boolean.TRUE.equals(mp.readOnly());
            if (volume.host() != null && volume.host().sourcePath() != null) {
                mounts.add(new MountSpec(MountSpec.Kind.BIND, volume.host().sourcePath(), mp.containerPath(), readOnly));
            } else if (volume.dockerVolumeConfiguration() != null
                    && "shared".equals(volume.dockerVolumeConfiguration().scope())) {
                mounts.add(new MountSpec(MountSpec.Kind.VOLUME, volume.name(), mp.containerPath(), readOnly));
            } else {
                mounts.add(new MountSpec(MountSpec.Kind.TASK_SCRATCH, volume.name(), mp.containerPath(), readOnly));
            }
        }
        return mounts;
    }
}
