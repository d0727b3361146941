package io.ecs4j.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One container of a task definition. Fields follow ECS's {@code ContainerDefinition}.
 *
 * <p>Immutable; build with {@link #builder()}. Lists and maps are unmodifiable and never null.
 *
 * @param name the container name, unique in the task definition
 * @param image the image reference
 * @param repositoryCredentials private registry credentials, or null
 * @param cpu CPU units (relative weight); 0 when unset
 * @param memory hard memory limit in MiB, or null
 * @param memoryReservation soft memory limit in MiB, or null
 * @param essential whether the task stops when this container stops; default true
 * @param portMappings port mappings
 * @param links {@code bridge} links, {@code name} or {@code name:alias}
 * @param entryPoint overrides the image's entry point when not empty
 * @param command overrides the image's command when not empty
 * @param workingDirectory the working directory, or null
 * @param user the user, or null
 * @param hostname the host name, or null
 * @param environment environment variables
 * @param environmentFiles environment files
 * @param secrets secrets exposed as environment variables
 * @param dockerLabels Docker labels
 * @param ulimits resource limits
 * @param logConfiguration log configuration, or null
 * @param healthCheck the health check, or null
 * @param dependsOn containers to wait for before starting
 * @param startTimeout seconds dependents wait for this container's condition, or null
 * @param stopTimeout seconds between SIGTERM and SIGKILL, or null for the default (30)
 * @param mountPoints volume mounts
 * @param volumesFrom volumes of other containers to mount
 * @param extraHosts extra {@code /etc/hosts} entries
 * @param dnsServers DNS servers
 * @param dnsSearchDomains DNS search domains
 * @param dockerSecurityOptions Docker security options
 * @param readonlyRootFilesystem mount the root filesystem read-only, or null
 * @param privileged run privileged, or null
 * @param interactive keep stdin open, or null
 * @param pseudoTerminal allocate a TTY, or null
 * @param disableNetworking disable networking, or null
 * @param linuxParameters Linux options, or null
 * @param restartPolicy restart policy, or null
 * @param resourceRequirements GPUs and accelerators
 * @param otherMembers ECS members ecs4j does not model (for example {@code firelensConfiguration}), kept verbatim
 *                     as JSON-like values (String, Number, Boolean, List, Map) so that a pasted definition
 *                     round-trips; they do not change how containers run
 */
public record ContainerDefinition(
        String name,
        String image,
        RepositoryCredentials repositoryCredentials,
        int cpu,
        Integer memory,
        Integer memoryReservation,
        boolean essential,
        List<PortMapping> portMappings,
        List<String> links,
        List<String> entryPoint,
        List<String> command,
        String workingDirectory,
        String user,
        String hostname,
        List<KeyValuePair> environment,
        List<EnvironmentFile> environmentFiles,
        List<Secret> secrets,
        Map<String, String> dockerLabels,
        List<Ulimit> ulimits,
        LogConfiguration logConfiguration,
        HealthCheck healthCheck,
        List<ContainerDependency> dependsOn,
        Integer startTimeout,
        Integer stopTimeout,
        List<MountPoint> mountPoints,
        List<VolumeFrom> volumesFrom,
        List<HostEntry> extraHosts,
        List<String> dnsServers,
        List<String> dnsSearchDomains,
        List<String> dockerSecurityOptions,
        Boolean readonlyRootFilesystem,
        Boolean privileged,
        Boolean interactive,
        Boolean pseudoTerminal,
        Boolean disableNetworking,
        LinuxParameters linuxParameters,
        RestartPolicy restartPolicy,
        List<ResourceRequirement> resourceRequirements,
        Map<String, Object> otherMembers) {

    public ContainerDefinition {
        otherMembers = otherMembers == null || otherMembers.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(otherMembers));
        portMappings = portMappings == null ? List.of() : List.copyOf(portMappings);
        links = links == null ? List.of() : List.copyOf(links);
        entryPoint = entryPoint == null ? List.of() : List.copyOf(entryPoint);
        command = command == null ? List.of() : List.copyOf(command);
        environment = environment == null ? List.of() : List.copyOf(environment);
        environmentFiles = environmentFiles == null ? List.of() : List.copyOf(environmentFiles);
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
        dockerLabels = dockerLabels == null || dockerLabels.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(dockerLabels));
        ulimits = ulimits == null ? List.of() : List.copyOf(ulimits);
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        mountPoints = mountPoints == null ? List.of() : List.copyOf(mountPoints);
        volumesFrom = volumesFrom == null ? List.of() : List.copyOf(volumesFrom);
        extraHosts = extraHosts == null ? List.of() : List.copyOf(extraHosts);
        dnsServers = dnsServers == null ? List.of() : List.copyOf(dnsServers);
        dnsSearchDomains = dnsSearchDomains == null ? List.of() : List.copyOf(dnsSearchDomains);
        dockerSecurityOptions = dockerSecurityOptions == null ? List.of() : List.copyOf(dockerSecurityOptions);
        resourceRequirements = resourceRequirements == null ? List.of() : List.copyOf(resourceRequirements);
    }

    /** A builder for a container called {@code name} running {@code image}. */
    public static Builder builder(String name, String image) {
        return builder().name(name).image(image);
    }

    /** A new builder with every component unset (or at its documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.image = image;
        b.repositoryCredentials = repositoryCredentials;
        b.cpu = cpu;
        b.memory = memory;
        b.memoryReservation = memoryReservation;
        b.essential = essential;
        b.portMappings = portMappings;
        b.links = links;
        b.entryPoint = entryPoint;
        b.command = command;
        b.workingDirectory = workingDirectory;
        b.user = user;
        b.hostname = hostname;
        b.environment = environment;
        b.environmentFiles = environmentFiles;
        b.secrets = secrets;
        b.dockerLabels = dockerLabels;
        b.ulimits = ulimits;
        b.logConfiguration = logConfiguration;
        b.healthCheck = healthCheck;
        b.dependsOn = dependsOn;
        b.startTimeout = startTimeout;
        b.stopTimeout = stopTimeout;
        b.mountPoints = mountPoints;
        b.volumesFrom = volumesFrom;
        b.extraHosts = extraHosts;
        b.dnsServers = dnsServers;
        b.dnsSearchDomains = dnsSearchDomains;
        b.dockerSecurityOptions = dockerSecurityOptions;
        b.readonlyRootFilesystem = readonlyRootFilesystem;
        b.privileged = privileged;
        b.interactive = interactive;
        b.pseudoTerminal = pseudoTerminal;
        b.disableNetworking = disableNetworking;
        b.linuxParameters = linuxParameters;
        b.restartPolicy = restartPolicy;
        b.resourceRequirements = resourceRequirements;
        b.otherMembers = otherMembers;
        return b;
    }

    /** Builds a {@link ContainerDefinition}. Not thread-safe. */
    public static final class Builder {
        private String name;
        private String image;
        private RepositoryCredentials repositoryCredentials;
        private int cpu;
        private Integer memory;
        private Integer memoryReservation;
        private boolean essential = true;
        private List<PortMapping> portMappings = List.of();
        private List<String> links = List.of();
        private List<String> entryPoint = List.of();
        private List<String> command = List.of();
        private String workingDirectory;
        private String user;
        private String hostname;
        private List<KeyValuePair> environment = List.of();
        private List<EnvironmentFile> environmentFiles = List.of();
        private List<Secret> secrets = List.of();
        private Map<String, String> dockerLabels = Map.of();
        private List<Ulimit> ulimits = List.of();
        private LogConfiguration logConfiguration;
        private HealthCheck healthCheck;
        private List<ContainerDependency> dependsOn = List.of();
        private Integer startTimeout;
        private Integer stopTimeout;
        private List<MountPoint> mountPoints = List.of();
        private List<VolumeFrom> volumesFrom = List.of();
        private List<HostEntry> extraHosts = List.of();
        private List<String> dnsServers = List.of();
        private List<String> dnsSearchDomains = List.of();
        private List<String> dockerSecurityOptions = List.of();
        private Boolean readonlyRootFilesystem;
        private Boolean privileged;
        private Boolean interactive;
        private Boolean pseudoTerminal;
        private Boolean disableNetworking;
        private LinuxParameters linuxParameters;
        private RestartPolicy restartPolicy;
        private List<ResourceRequirement> resourceRequirements = List.of();
        private Map<String, Object> otherMembers = Map.of();

        private Builder() {
        }

        /** Sets {@code name}: the container name, unique in the task definition. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Sets {@code image}: the image reference. */
        public Builder image(String image) {
            this.image = image;
            return this;
        }

        /** Sets {@code repositoryCredentials}: private registry credentials, or null. */
        public Builder repositoryCredentials(RepositoryCredentials repositoryCredentials) {
            this.repositoryCredentials = repositoryCredentials;
            return this;
        }

        /** Sets {@code cpu}: CPU units (relative weight); 0 when unset. */
        public Builder cpu(int cpu) {
            this.cpu = cpu;
            return this;
        }

        /** Sets {@code memory}: hard memory limit in MiB, or null. */
        public Builder memory(Integer memory) {
            this.memory = memory;
            return this;
        }

        /** Sets {@code memoryReservation}: soft memory limit in MiB, or null. */
        public Builder memoryReservation(Integer memoryReservation) {
            this.memoryReservation = memoryReservation;
            return this;
        }

        /** Sets {@code essential}: whether the task stops when this container stops; default true. */
        public Builder essential(boolean essential) {
            this.essential = essential;
            return this;
        }

        /** Sets {@code portMappings}: port mappings. */
        public Builder portMappings(List<PortMapping> portMappings) {
            this.portMappings = portMappings;
            return this;
        }

        /** Sets {@code portMappings}. */
        public Builder portMappings(PortMapping... portMappings) {
            this.portMappings = List.of(portMappings);
            return this;
        }

        /** Sets {@code links}: {@code bridge} links, {@code name} or {@code name:alias}. */
        public Builder links(List<String> links) {
            this.links = links;
            return this;
        }

        /** Sets {@code links}. */
        public Builder links(String... links) {
            this.links = List.of(links);
            return this;
        }

        /** Sets {@code entryPoint}: overrides the image's entry point when not empty. */
        public Builder entryPoint(List<String> entryPoint) {
            this.entryPoint = entryPoint;
            return this;
        }

        /** Sets {@code entryPoint}. */
        public Builder entryPoint(String... entryPoint) {
            this.entryPoint = List.of(entryPoint);
            return this;
        }

        /** Sets {@code command}: overrides the image's command when not empty. */
        public Builder command(List<String> command) {
            this.command = command;
            return this;
        }

        /** Sets {@code command}. */
        public Builder command(String... command) {
            this.command = List.of(command);
            return this;
        }

        /** Sets {@code workingDirectory}: the working directory, or null. */
        public Builder workingDirectory(String workingDirectory) {
            this.workingDirectory = workingDirectory;
            return this;
        }

        /** Sets {@code user}: the user, or null. */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /** Sets {@code hostname}: the host name, or null. */
        public Builder hostname(String hostname) {
            this.hostname = hostname;
            return this;
        }

        /** Sets {@code environment}: environment variables. */
        public Builder environment(List<KeyValuePair> environment) {
            this.environment = environment;
            return this;
        }

        /** Sets {@code environment}. */
        public Builder environment(KeyValuePair... environment) {
            this.environment = List.of(environment);
            return this;
        }

        /** Sets {@code environmentFiles}: environment files. */
        public Builder environmentFiles(List<EnvironmentFile> environmentFiles) {
            this.environmentFiles = environmentFiles;
            return this;
        }

        /** Sets {@code environmentFiles}. */
        public Builder environmentFiles(EnvironmentFile... environmentFiles) {
            this.environmentFiles = List.of(environmentFiles);
            return this;
        }

        /** Sets {@code secrets}: secrets exposed as environment variables. */
        public Builder secrets(List<Secret> secrets) {
            this.secrets = secrets;
            return this;
        }

        /** Sets {@code secrets}. */
        public Builder secrets(Secret... secrets) {
            this.secrets = List.of(secrets);
            return this;
        }

        /** Sets {@code dockerLabels}: Docker labels. */
        public Builder dockerLabels(Map<String, String> dockerLabels) {
            this.dockerLabels = dockerLabels;
            return this;
        }

        /** Sets {@code ulimits}: resource limits. */
        public Builder ulimits(List<Ulimit> ulimits) {
            this.ulimits = ulimits;
            return this;
        }

        /** Sets {@code ulimits}. */
        public Builder ulimits(Ulimit... ulimits) {
            this.ulimits = List.of(ulimits);
            return this;
        }

        /** Sets {@code logConfiguration}: log configuration, or null. */
        public Builder logConfiguration(LogConfiguration logConfiguration) {
            this.logConfiguration = logConfiguration;
            return this;
        }

        /** Sets {@code healthCheck}: the health check, or null. */
        public Builder healthCheck(HealthCheck healthCheck) {
            this.healthCheck = healthCheck;
            return this;
        }

        /** Sets {@code dependsOn}: containers to wait for before starting. */
        public Builder dependsOn(List<ContainerDependency> dependsOn) {
            this.dependsOn = dependsOn;
            return this;
        }

        /** Sets {@code dependsOn}. */
        public Builder dependsOn(ContainerDependency... dependsOn) {
            this.dependsOn = List.of(dependsOn);
            return this;
        }

        /** Sets {@code startTimeout}: seconds dependents wait for this container's condition, or null. */
        public Builder startTimeout(Integer startTimeout) {
            this.startTimeout = startTimeout;
            return this;
        }

        /** Sets {@code stopTimeout}: seconds between SIGTERM and SIGKILL, or null for the default (30). */
        public Builder stopTimeout(Integer stopTimeout) {
            this.stopTimeout = stopTimeout;
            return this;
        }

        /** Sets {@code mountPoints}: volume mounts. */
        public Builder mountPoints(List<MountPoint> mountPoints) {
            this.mountPoints = mountPoints;
            return this;
        }

        /** Sets {@code mountPoints}. */
        public Builder mountPoints(MountPoint... mountPoints) {
            this.mountPoints = List.of(mountPoints);
            return this;
        }

        /** Sets {@code volumesFrom}: volumes of other containers to mount. */
        public Builder volumesFrom(List<VolumeFrom> volumesFrom) {
            this.volumesFrom = volumesFrom;
            return this;
        }

        /** Sets {@code volumesFrom}. */
        public Builder volumesFrom(VolumeFrom... volumesFrom) {
            this.volumesFrom = List.of(volumesFrom);
            return this;
        }

        /** Sets {@code extraHosts}: extra {@code /etc/hosts} entries. */
        public Builder extraHosts(List<HostEntry> extraHosts) {
            this.extraHosts = extraHosts;
            return this;
        }

        /** Sets {@code extraHosts}. */
        public Builder extraHosts(HostEntry... extraHosts) {
            this.extraHosts = List.of(extraHosts);
            return this;
        }

        /** Sets {@code dnsServers}: DNS servers. */
        public Builder dnsServers(List<String> dnsServers) {
            this.dnsServers = dnsServers;
            return this;
        }

        /** Sets {@code dnsServers}. */
        public Builder dnsServers(String... dnsServers) {
            this.dnsServers = List.of(dnsServers);
            return this;
        }

        /** Sets {@code dnsSearchDomains}: DNS search domains. */
        public Builder dnsSearchDomains(List<String> dnsSearchDomains) {
            this.dnsSearchDomains = dnsSearchDomains;
            return this;
        }

        /** Sets {@code dnsSearchDomains}. */
        public Builder dnsSearchDomains(String... dnsSearchDomains) {
            this.dnsSearchDomains = List.of(dnsSearchDomains);
            return this;
        }

        /** Sets {@code dockerSecurityOptions}: Docker security options. */
        public Builder dockerSecurityOptions(List<String> dockerSecurityOptions) {
            this.dockerSecurityOptions = dockerSecurityOptions;
            return this;
        }

        /** Sets {@code dockerSecurityOptions}. */
        public Builder dockerSecurityOptions(String... dockerSecurityOptions) {
            this.dockerSecurityOptions = List.of(dockerSecurityOptions);
            return this;
        }

        /** Sets {@code readonlyRootFilesystem}: mount the root filesystem read-only, or null. */
        public Builder readonlyRootFilesystem(Boolean readonlyRootFilesystem) {
            this.readonlyRootFilesystem = readonlyRootFilesystem;
            return this;
        }

        /** Sets {@code privileged}: run privileged, or null. */
        public Builder privileged(Boolean privileged) {
            this.privileged = privileged;
            return this;
        }

        /** Sets {@code interactive}: keep stdin open, or null. */
        public Builder interactive(Boolean interactive) {
            this.interactive = interactive;
            return this;
        }

        /** Sets {@code pseudoTerminal}: allocate a TTY, or null. */
        public Builder pseudoTerminal(Boolean pseudoTerminal) {
            this.pseudoTerminal = pseudoTerminal;
            return this;
        }

        /** Sets {@code disableNetworking}: disable networking, or null. */
        public Builder disableNetworking(Boolean disableNetworking) {
            this.disableNetworking = disableNetworking;
            return this;
        }

        /** Sets {@code linuxParameters}: Linux options, or null. */
        public Builder linuxParameters(LinuxParameters linuxParameters) {
            this.linuxParameters = linuxParameters;
            return this;
        }

        /** Sets {@code restartPolicy}: restart policy, or null. */
        public Builder restartPolicy(RestartPolicy restartPolicy) {
            this.restartPolicy = restartPolicy;
            return this;
        }

        /** Sets {@code resourceRequirements}: GPUs and accelerators. */
        public Builder resourceRequirements(List<ResourceRequirement> resourceRequirements) {
            this.resourceRequirements = resourceRequirements;
            return this;
        }

        /** Sets {@code resourceRequirements}. */
        public Builder resourceRequirements(ResourceRequirement... resourceRequirements) {
            this.resourceRequirements = List.of(resourceRequirements);
            return this;
        }

        /** Sets {@code otherMembers}: ECS members ecs4j does not model, kept verbatim. */
        public Builder otherMembers(Map<String, Object> otherMembers) {
            this.otherMembers = otherMembers;
            return this;
        }

        /** Builds the record. */
        public ContainerDefinition build() {
            return new ContainerDefinition(name, image, repositoryCredentials, cpu, memory, memoryReservation, essential, portMappings, links, entryPoint, command, workingDirectory, user, hostname, environment, environmentFiles, secrets, dockerLabels, ulimits, logConfiguration, healthCheck, dependsOn, startTimeout, stopTimeout, mountPoints, volumesFrom, extraHosts, dnsServers, dnsSearchDomains, dockerSecurityOptions, readonlyRootFilesystem, privileged, interactive, pseudoTerminal, disableNetworking, linuxParameters, restartPolicy, resourceRequirements, otherMembers);
        }
    }
}
