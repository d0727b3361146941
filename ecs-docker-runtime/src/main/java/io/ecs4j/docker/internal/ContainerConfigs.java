package io.ecs4j.docker.internal;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.Link;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Ulimit;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.api.model.VolumesFrom;
import io.ecs4j.model.NetworkMode;
import io.ecs4j.model.TaskArn;
import io.ecs4j.model.TransportProtocol;
import io.ecs4j.spi.runtime.ContainerLaunchSpec;
import io.ecs4j.spi.runtime.HealthCheckSpec;
import io.ecs4j.spi.runtime.MountSpec;
import io.ecs4j.spi.runtime.PortSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Maps a {@link ContainerLaunchSpec} onto Docker's create-container request, as the ECS agent does. */
final class ContainerConfigs {
    private ContainerConfigs() {
    }

    /**
     * The Docker name of a task's container: {@code ecs-<family>-<revision>-<container>-<taskId>}, the agent's pattern
     * with the task id as suffix. Deterministic, so links and {@code volumesFrom} can name the task's other containers.
     */
    static String dockerName(String family, int revision, String containerName, TaskArn taskArn) {
        return sanitize("ecs-" + family + "-" + revision + "-" + containerName + "-" + taskArn.taskId());
    }

    static String dockerName(ContainerLaunchSpec spec, String otherContainer) {
        return dockerName(spec.family(), spec.revision(), otherContainer, spec.handle().taskArn());
    }

    /** The task-scoped scratch volume for {@code volumeName}. */
    static String scratchVolumeName(String prefix, TaskArn taskArn, String volumeName) {
        return sanitize(prefix + taskArn.taskId() + "-" + volumeName);
    }

    static String sanitize(String name) {
        return name.replaceAll("[^a-zA-Z0-9_.-]", "_");
    }

    static void apply(CreateContainerCmd cmd, ContainerLaunchSpec spec, Settings settings, String scratchPrefix) {
        HostConfig host = HostConfig.newHostConfig();
        cmd.withName(dockerName(spec, spec.containerName()))
                .withLabels(Labels.forContainer(spec, settings.scopeLabels()))
                .withEnv(env(spec.environment()))
                .withTty(spec.pseudoTerminal())
                .withStdinOpen(spec.interactive())
                .withStopTimeout(seconds(spec.stopTimeout()));
        if (!spec.entryPoint().isEmpty()) {
            cmd.withEntrypoint(spec.entryPoint());
        }
        if (!spec.command().isEmpty()) {
            cmd.withCmd(spec.command());
        }
        if (spec.workingDirectory() != null) {
            cmd.withWorkingDir(spec.workingDirectory());
        }
        if (spec.user() != null) {
            cmd.withUser(spec.user());
        }
        if (spec.healthCheck() != null) {
            cmd.withHealthcheck(healthCheck(spec.healthCheck()));
        }

        // ECS: cpu → CpuShares (at least 2), memory → hard limit, memoryReservation → soft limit
        host.withCpuShares(Math.max(2, spec.cpuShares()));
        if (spec.memoryLimitMiB() != null) {
            host.withMemory(mib(spec.memoryLimitMiB()));
        }
        if (spec.memoryReservationMiB() != null) {
            host.withMemoryReservation(mib(spec.memoryReservationMiB()));
        }
        if (!spec.ulimits().isEmpty()) {
            host.withUlimits(spec.ulimits().stream()
                    .map(u -> new Ulimit(u.name(), u.softLimit(), u.hardLimit())).toList());
        }
        host.withPrivileged(spec.privileged())
                .withReadonlyRootfs(spec.readonlyRootFilesystem());
        if (spec.initProcessEnabled()) {
            host.withInit(true);
        }
        applyMounts(host, spec, scratchPrefix);
        applyNetwork(cmd, host, spec, settings);
        cmd.withHostConfig(host);
    }

    private static void applyNetwork(CreateContainerCmd cmd, HostConfig host, ContainerLaunchSpec spec,
                                     Settings settings) {
        NetworkMode mode = spec.networkMode();
        switch (mode) {
            case AWSVPC -> {
                // Docker rejects hostname, ports and aliases with container: mode; the pause container holds them
                String sandboxId = spec.sandbox() == null ? null : spec.sandbox().sandboxId();
                if (sandboxId == null) {
                    throw new IllegalArgumentException("awsvpc container " + spec.handle()
                            + " has no sandbox: call prepareTask and wait for SandboxReady before launch");
                }
                host.withNetworkMode("container:" + sandboxId);
            }
            case HOST -> {
                host.withNetworkMode("host");
                extraHostsAndHostname(cmd, host, spec);
            }
            case NONE -> {
                host.withNetworkMode("none");
                extraHostsAndHostname(cmd, host, spec);
            }
            case BRIDGE -> {
                host.withNetworkMode("bridge");
                extraHostsAndHostname(cmd, host, spec);
                if (!spec.ports().isEmpty()) {
                    cmd.withExposedPorts(exposed(spec.ports()));
                    host.withPortBindings(bindings(spec.ports(), settings.bindAddress()));
                }
                if (!spec.links().isEmpty()) {
                    host.withLinks(spec.links().stream()
                            .map(l -> new Link(dockerName(spec, l.containerName()), l.alias())).toList());
                }
            }
        }
    }

    private static void extraHostsAndHostname(CreateContainerCmd cmd, HostConfig host, ContainerLaunchSpec spec) {
        if (spec.hostname() != null && spec.networkMode() != NetworkMode.HOST) {
            cmd.withHostName(spec.hostname());
        }
        if (!spec.extraHosts().isEmpty()) {
            host.withExtraHosts(spec.extraHosts().toArray(String[]::new));
        }
    }

    private static void applyMounts(HostConfig host, ContainerLaunchSpec spec, String scratchPrefix) {
        List<Bind> binds = new ArrayList<>();
        for (MountSpec m : spec.mounts()) {
            String source = m.kind() == MountSpec.Kind.TASK_SCRATCH
                    ? scratchVolumeName(scratchPrefix, spec.handle().taskArn(), m.source())
                    : m.source();
            binds.add(new Bind(source, new Volume(m.containerPath()), m.readOnly() ? AccessMode.ro : AccessMode.rw));
        }
        if (!binds.isEmpty()) {
            host.withBinds(binds);
        }
        if (!spec.volumesFrom().isEmpty()) {
            host.withVolumesFrom(spec.volumesFrom().stream()
                    .map(v -> new VolumesFrom(dockerName(spec, v.containerName()),
                            v.readOnly() ? AccessMode.ro : AccessMode.rw))
                    .toList());
        }
    }

    static List<ExposedPort> exposed(List<PortSpec> ports) {
        return ports.stream().map(ContainerConfigs::exposedPort).distinct().toList();
    }

    static ExposedPort exposedPort(PortSpec p) {
        return new ExposedPort(p.containerPort(),
                p.protocol() == TransportProtocol.UDP ? InternetProtocol.UDP : InternetProtocol.TCP);
    }

    static Ports bindings(List<PortSpec> ports, String bindAddress) {
        Ports bindings = new Ports();
        for (PortSpec p : ports) {
            bindings.bind(exposedPort(p), p.dynamic()
                    ? Ports.Binding.bindIp(bindAddress)
                    : Ports.Binding.bindIpAndPort(bindAddress, p.hostPort()));
        }
        return bindings;
    }

    static HealthCheck healthCheck(HealthCheckSpec hc) {
        // no start-interval: it needs API 1.44 and the ECS health check has no such field
        return new HealthCheck()
                .withTest(hc.command())
                .withInterval(hc.interval().toNanos())
                .withTimeout(hc.timeout().toNanos())
                .withRetries(hc.retries())
                .withStartPeriod(hc.startPeriod().toNanos());
    }

    static List<String> env(Map<String, String> environment) {
        return environment.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    /** Docker's stop timeout is whole seconds; round up so the process never gets less grace than asked for. */
    static int seconds(Duration d) {
        if (d.isNegative() || d.isZero()) {
            return 0;
        }
        long s = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
        return (int) Math.min(Integer.MAX_VALUE, s);
    }

    private static long mib(int mib) {
        return ((long) mib) << 20;
    }
}
