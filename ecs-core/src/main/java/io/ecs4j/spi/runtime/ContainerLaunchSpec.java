package io.ecs4j.spi.runtime;

import io.ecs4j.model.NetworkMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a runtime needs to start one container, resolved by the control plane from the task definition, the
 * task's overrides and its placement. Backend-neutral: no Docker types, no ECS rules left to apply.
 *
 * <p>Immutable; build with {@link #builder()}. Lists and maps are never null (empty when unset) and keep their order.
 *
 * @param handle                 the container's handle; not null
 * @param clusterName            the cluster's name; not null
 * @param containerArn           the container's ARN; not null
 * @param taskDefinitionArn      the task definition ARN; not null
 * @param family                 the task definition family; not null
 * @param revision               the task definition revision
 * @param group                  the task group ({@code service:<name>} or {@code family:<family>}); not null
 * @param hostId                 the container instance id the task was placed on, or null (Fargate)
 * @param image                  the image reference; not null
 * @param registryCredentials    the {@code repositoryCredentials.credentialsParameter}, or null
 * @param entryPoint             overrides the image's entry point when not empty
 * @param command                overrides the image's command when not empty
 * @param environment            environment variables, secrets already resolved, in order
 * @param workingDirectory       overrides the image's working directory, or null
 * @param user                   the user to run as, or null
 * @param hostname               the container's host name, or null
 * @param labels                 the task definition's {@code dockerLabels}; the runtime adds its own identity labels
 * @param cpuShares              relative CPU weight (ECS passes at least 2)
 * @param memoryLimitMiB         hard memory limit in MiB, or null
 * @param memoryReservationMiB   soft memory limit in MiB, or null
 * @param ulimits                resource limits
 * @param stopTimeout            the container's grace period between SIGTERM and SIGKILL; not null
 * @param healthCheck            the health check, or null for none
 * @param networkMode            the task's network mode; not null
 * @param ports                  ports to publish ({@code bridge} and {@code host}; for {@code awsvpc} the sandbox
 *                               publishes them)
 * @param links                  {@code bridge} links to other containers of the same task
 * @param mounts                 mounts
 * @param volumesFrom            containers of the same task whose volumes this container mounts
 * @param extraHosts             {@code host:ip} entries for {@code /etc/hosts}
 * @param sandbox                what {@link ContainerRuntime#prepareTask} returned for the task, or null
 * @param privileged             run privileged
 * @param readonlyRootFilesystem mount the root filesystem read-only
 * @param initProcessEnabled     run an init process as PID 1 that forwards signals
 * @param interactive            keep stdin open
 * @param pseudoTerminal         allocate a TTY
 */
public record ContainerLaunchSpec(
        ContainerHandle handle,
        String clusterName,
        String containerArn,
        String taskDefinitionArn,
        String family,
        int revision,
        String group,
        String hostId,
        String image,
        String registryCredentials,
        List<String> entryPoint,
        List<String> command,
        Map<String, String> environment,
        String workingDirectory,
        String user,
        String hostname,
        Map<String, String> labels,
        int cpuShares,
        Integer memoryLimitMiB,
        Integer memoryReservationMiB,
        List<UlimitSpec> ulimits,
        Duration stopTimeout,
        HealthCheckSpec healthCheck,
        NetworkMode networkMode,
        List<PortSpec> ports,
        List<Link> links,
        List<MountSpec> mounts,
        List<VolumesFrom> volumesFrom,
        List<String> extraHosts,
        TaskSandbox sandbox,
        boolean privileged,
        boolean readonlyRootFilesystem,
        boolean initProcessEnabled,
        boolean interactive,
        boolean pseudoTerminal) {

    /**
     * A {@code bridge} link: this container can reach {@code containerName} of the same task as {@code alias}.
     *
     * @param containerName the linked container's name in the task definition
     * @param alias         the host name it is reachable under
     */
    public record Link(String containerName, String alias) {
        public Link {
            Objects.requireNonNull(containerName, "containerName");
            Objects.requireNonNull(alias, "alias");
        }
    }

    /**
     * Mount the volumes of another container of the same task.
     *
     * @param containerName the other container's name in the task definition
     * @param readOnly      mount read-only
     */
    public record VolumesFrom(String containerName, boolean readOnly) {
        public VolumesFrom {
            Objects.requireNonNull(containerName, "containerName");
        }
    }

    public ContainerLaunchSpec {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(containerArn, "containerArn");
        Objects.requireNonNull(taskDefinitionArn, "taskDefinitionArn");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        Objects.requireNonNull(networkMode, "networkMode");
        entryPoint = list(entryPoint);
        command = list(command);
        environment = orderedMap(environment);
        labels = orderedMap(labels);
        ulimits = list(ulimits);
        ports = list(ports);
        links = list(links);
        mounts = list(mounts);
        volumesFrom = list(volumesFrom);
        extraHosts = list(extraHosts);
    }

    /** The container's name (from its handle). */
    public String containerName() {
        return handle.containerName();
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this spec's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.handle = handle;
        b.clusterName = clusterName;
        b.containerArn = containerArn;
        b.taskDefinitionArn = taskDefinitionArn;
        b.family = family;
        b.revision = revision;
        b.group = group;
        b.hostId = hostId;
        b.image = image;
        b.registryCredentials = registryCredentials;
        b.entryPoint = entryPoint;
        b.command = command;
        b.environment = environment;
        b.workingDirectory = workingDirectory;
        b.user = user;
        b.hostname = hostname;
        b.labels = labels;
        b.cpuShares = cpuShares;
        b.memoryLimitMiB = memoryLimitMiB;
        b.memoryReservationMiB = memoryReservationMiB;
        b.ulimits = ulimits;
        b.stopTimeout = stopTimeout;
        b.healthCheck = healthCheck;
        b.networkMode = networkMode;
        b.ports = ports;
        b.links = links;
        b.mounts = mounts;
        b.volumesFrom = volumesFrom;
        b.extraHosts = extraHosts;
        b.sandbox = sandbox;
        b.privileged = privileged;
        b.readonlyRootFilesystem = readonlyRootFilesystem;
        b.initProcessEnabled = initProcessEnabled;
        b.interactive = interactive;
        b.pseudoTerminal = pseudoTerminal;
        return b;
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    private static Map<String, String> orderedMap(Map<String, String> values) {
        return values == null || values.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Builds a {@link ContainerLaunchSpec}. Not thread-safe. */
    public static final class Builder {
        private ContainerHandle handle;
        private String clusterName;
        private String containerArn;
        private String taskDefinitionArn;
        private String family;
        private int revision = 1;
        private String group;
        private String hostId;
        private String image;
        private String registryCredentials;
        private List<String> entryPoint = new ArrayList<>();
        private List<String> command = new ArrayList<>();
        private Map<String, String> environment = new LinkedHashMap<>();
        private String workingDirectory;
        private String user;
        private String hostname;
        private Map<String, String> labels = new LinkedHashMap<>();
        private int cpuShares = 2;
        private Integer memoryLimitMiB;
        private Integer memoryReservationMiB;
        private List<UlimitSpec> ulimits = new ArrayList<>();
        private Duration stopTimeout = Duration.ofSeconds(30);
        private HealthCheckSpec healthCheck;
        private NetworkMode networkMode = NetworkMode.BRIDGE;
        private List<PortSpec> ports = new ArrayList<>();
        private List<Link> links = new ArrayList<>();
        private List<MountSpec> mounts = new ArrayList<>();
        private List<VolumesFrom> volumesFrom = new ArrayList<>();
        private List<String> extraHosts = new ArrayList<>();
        private TaskSandbox sandbox;
        private boolean privileged;
        private boolean readonlyRootFilesystem;
        private boolean initProcessEnabled;
        private boolean interactive;
        private boolean pseudoTerminal;

        private Builder() {
        }

        public Builder handle(ContainerHandle handle) { this.handle = handle; return this; }
        public Builder clusterName(String clusterName) { this.clusterName = clusterName; return this; }
        public Builder containerArn(String containerArn) { this.containerArn = containerArn; return this; }
        public Builder taskDefinitionArn(String taskDefinitionArn) { this.taskDefinitionArn = taskDefinitionArn; return this; }
        public Builder family(String family) { this.family = family; return this; }
        public Builder revision(int revision) { this.revision = revision; return this; }
        public Builder group(String group) { this.group = group; return this; }
        public Builder hostId(String hostId) { this.hostId = hostId; return this; }
        public Builder image(String image) { this.image = image; return this; }
        public Builder registryCredentials(String registryCredentials) { this.registryCredentials = registryCredentials; return this; }
        public Builder entryPoint(List<String> entryPoint) { this.entryPoint = entryPoint; return this; }
        public Builder command(List<String> command) { this.command = command; return this; }
        public Builder environment(Map<String, String> environment) { this.environment = environment; return this; }
        public Builder workingDirectory(String workingDirectory) { this.workingDirectory = workingDirectory; return this; }
        public Builder user(String user) { this.user = user; return this; }
        public Builder hostname(String hostname) { this.hostname = hostname; return this; }
        public Builder labels(Map<String, String> labels) { this.labels = labels; return this; }
        public Builder cpuShares(int cpuShares) { this.cpuShares = cpuShares; return this; }
        public Builder memoryLimitMiB(Integer memoryLimitMiB) { this.memoryLimitMiB = memoryLimitMiB; return this; }
        public Builder memoryReservationMiB(Integer memoryReservationMiB) { this.memoryReservationMiB = memoryReservationMiB; return this; }
        public Builder ulimits(List<UlimitSpec> ulimits) { this.ulimits = ulimits; return this; }
        public Builder stopTimeout(Duration stopTimeout) { this.stopTimeout = stopTimeout; return this; }
        public Builder healthCheck(HealthCheckSpec healthCheck) { this.healthCheck = healthCheck; return this; }
        public Builder networkMode(NetworkMode networkMode) { this.networkMode = networkMode; return this; }
        public Builder ports(List<PortSpec> ports) { this.ports = ports; return this; }
        public Builder links(List<Link> links) { this.links = links; return this; }
        public Builder mounts(List<MountSpec> mounts) { this.mounts = mounts; return this; }
        public Builder volumesFrom(List<VolumesFrom> volumesFrom) { this.volumesFrom = volumesFrom; return this; }
        public Builder extraHosts(List<String> extraHosts) { this.extraHosts = extraHosts; return this; }
        public Builder sandbox(TaskSandbox sandbox) { this.sandbox = sandbox; return this; }
        public Builder privileged(boolean privileged) { this.privileged = privileged; return this; }
        public Builder readonlyRootFilesystem(boolean readonlyRootFilesystem) { this.readonlyRootFilesystem = readonlyRootFilesystem; return this; }
        public Builder initProcessEnabled(boolean initProcessEnabled) { this.initProcessEnabled = initProcessEnabled; return this; }
        public Builder interactive(boolean interactive) { this.interactive = interactive; return this; }
        public Builder pseudoTerminal(boolean pseudoTerminal) { this.pseudoTerminal = pseudoTerminal; return this; }

        /** Builds the spec. @throws NullPointerException if a required value is missing */
        public ContainerLaunchSpec build() {
            return new ContainerLaunchSpec(handle, clusterName, containerArn, taskDefinitionArn, family, revision, group,
                    hostId, image, registryCredentials, entryPoint, command, environment, workingDirectory, user,
                    hostname, labels, cpuShares, memoryLimitMiB, memoryReservationMiB, ulimits, stopTimeout,
                    healthCheck, networkMode, ports, links, mounts, volumesFrom, extraHosts, sandbox, privileged,
                    readonlyRootFilesystem, initProcessEnabled, interactive, pseudoTerminal);
        }
    }
}
