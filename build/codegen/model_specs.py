import sys, os
sys.path.insert(0, os.path.dirname(__file__))
from records import gen
PKG = "io.ecs4j.model"
OUT = sys.argv[1]
R = []
def rec(name, doc, spec, builder=True, extra=""):
    R.append((name, gen(PKG, name, doc, spec, builder, extra)))

rec("KeyValuePair", "A name/value pair, as in a container's {@code environment}.", """
String name ! // the name; not null
String value // the value, or null
""", builder=False, extra="""    /** A pair. */
    public static KeyValuePair of(String name, String value) {
        return new KeyValuePair(name, value);
    }
""")
rec("Secret", "A secret to expose to a container as an environment variable (or a log option): {@code valueFrom} names a Secrets Manager secret or an SSM parameter, resolved when the container starts.", """
String name ! // the environment variable's name; not null
String valueFrom ! // the ARN or name of the secret or parameter; not null
""", builder=False)
rec("EnvironmentFile", "A file of environment variables ({@code .env}) to load into a container.", """
String value ! // the file's location (an S3 ARN in ECS; ecs4j also accepts a local path); not null
String type // the type; ECS knows only {@code s3}
""", builder=False)
rec("PortMapping", "A port mapping of a container definition.", """
Integer containerPort // the port inside the container (1–65535), or null when {@code containerPortRange} is used
Integer hostPort // the host port; null or 0 means dynamic in {@code bridge} mode and "same as containerPort" in {@code awsvpc} and {@code host} mode
TransportProtocol protocol // tcp or udp; null means tcp (registration fills it in)
String name // a name for Service Connect / VPC Lattice, or null
String appProtocol // {@code http}, {@code http2} or {@code grpc}, or null
String containerPortRange // a {@code first-last} range, or null
""", extra="""    /** A TCP mapping of {@code containerPort} to {@code hostPort} (0 or null for a dynamic host port). */
    public static PortMapping tcp(int containerPort, Integer hostPort) {
        return new PortMapping(containerPort, hostPort, TransportProtocol.TCP, null, null, null);
    }

    /** The protocol, tcp when unset. */
    public TransportProtocol protocolOrDefault() {
        return protocol == null ? TransportProtocol.TCP : protocol;
    }
""")
rec("HealthCheck", "A container health check. Unset numbers take ECS's defaults: interval 30 s, timeout 5 s, retries 3, start period 0 (registration fills them in).", """
List<String> command // {@code ["CMD", exe, args...]} or {@code ["CMD-SHELL", "command"]}
Integer interval // seconds between checks, 5–300, or null for 30
Integer timeout // seconds before a check fails, 2–60, or null for 5
Integer retries // consecutive failures before UNHEALTHY, 1–10, or null for 3
Integer startPeriod // grace period in seconds, 0–300, or null for 0
""", extra="""    /** A CMD-SHELL health check with ECS's defaults. */
    public static HealthCheck shell(String command) {
        return new HealthCheck(List.of("CMD-SHELL", command), null, null, null, null);
    }

    /** The interval, 30 s when unset. */
    public int intervalOrDefault() {
        return interval == null ? 30 : interval;
    }

    /** The timeout, 5 s when unset. */
    public int timeoutOrDefault() {
        return timeout == null ? 5 : timeout;
    }

    /** The retries, 3 when unset. */
    public int retriesOrDefault() {
        return retries == null ? 3 : retries;
    }

    /** The start period, 0 when unset. */
    public int startPeriodOrDefault() {
        return startPeriod == null ? 0 : startPeriod;
    }
""")
rec("ContainerDependency", "A {@code dependsOn} entry: the container it belongs to starts only once {@code containerName} meets {@code condition}.", """
String containerName ! // the dependency container; not null
ContainerCondition condition ! // the condition to wait for; not null
""", builder=False, extra="""    /** A dependency. */
    public static ContainerDependency of(String containerName, ContainerCondition condition) {
        return new ContainerDependency(containerName, condition);
    }
""")
rec("Ulimit", "A resource limit for a container.", """
String name ! // for example {@code nofile}; not null
int softLimit // the soft limit
int hardLimit // the hard limit
""", builder=False)
rec("MountPoint", "A volume mounted into a container.", """
String sourceVolume // the {@code volumes[].name} of the task definition
String containerPath // where it appears in the container
Boolean readOnly // mount read-only; null means false
""", builder=False)
rec("VolumeFrom", "Mount all volumes of another container of the same task.", """
String sourceContainer // the other container's name
Boolean readOnly // mount read-only; null means false
""", builder=False)
rec("LogConfiguration", "A container's log configuration.", """
String logDriver ! // the log driver, for example {@code awslogs} or {@code json-file}; not null
Map<String, String> options // driver options
List<Secret> secretOptions // secrets passed to the driver
""", builder=False)
rec("HostVolume", "The {@code host} part of a volume: a bind mount of {@code sourcePath}, or (when {@code sourcePath} is null) a scratch volume that lives as long as the task.", """
String sourcePath // the host path, or null for a task-scoped scratch volume
""", builder=False)
rec("DockerVolumeConfiguration", "A Docker volume for a task definition volume.", """
String scope // {@code task} (default) or {@code shared}
Boolean autoprovision // create a shared volume if missing
String driver // the volume driver, or null for {@code local}
Map<String, String> driverOpts // driver options
Map<String, String> labels // volume labels
""")
rec("Volume", "A task definition volume, referenced by containers' {@code mountPoints}.", """
String name ! // the volume name; not null
HostVolume host // a bind mount or scratch volume, or null
DockerVolumeConfiguration dockerVolumeConfiguration // a Docker volume, or null
Boolean configuredAtLaunch // an EBS volume configured when the task launches, or null
""", builder=False)
rec("HostEntry", "An {@code /etc/hosts} entry ({@code extraHosts}).", """
String hostname ! // the host name; not null
String ipAddress ! // the address; not null
""", builder=False)
rec("RepositoryCredentials", "Private registry credentials: {@code credentialsParameter} names the secret holding them.", """
String credentialsParameter ! // the ARN or name of the secret; not null
""", builder=False)
rec("KernelCapabilities", "Linux capabilities to add to or drop from a container.", """
List<String> add // capabilities to add
List<String> drop // capabilities to drop
""", builder=False)
rec("LinuxParameters", "Linux-specific container options.", """
Boolean initProcessEnabled // run an init process as PID 1 that forwards signals and reaps children; null means false
Integer sharedMemorySize // size of /dev/shm in MiB, or null
KernelCapabilities capabilities // capabilities to add or drop, or null
""", builder=False)
rec("RestartPolicy", "Restart a container in place when it exits (ECS container restart policy).", """
Boolean enabled // whether the policy applies
List<Integer> ignoredExitCodes // exit codes that do not cause a restart (at most 50)
Integer restartAttemptPeriod // seconds a container must have run before a restart is attempted, 60–1800, null for 300
""", builder=False)
rec("RuntimePlatform", "The operating system and CPU architecture a task definition needs.", """
String cpuArchitecture // {@code X86_64} or {@code ARM64}, or null
String operatingSystemFamily // for example {@code LINUX}, or null
""", builder=False)
rec("ResourceRequirement", "A special resource a container needs ({@code GPU} or {@code InferenceAccelerator}).", """
String type ! // {@code GPU} or {@code InferenceAccelerator}; not null
String value ! // the amount or device name; not null
""", builder=False)
rec("Attribute", "An attribute of a container instance: a name with an optional value. ECS sets {@code ecs.*} attributes at registration; custom attributes come from PutAttributes.", """
String name ! // the name, 1–128 characters; not null
String value // the value, or null for a capability-style attribute
String targetType // {@code container-instance}, or null
String targetId // the container instance's id or ARN, or null
""", builder=False, extra="""    /** An attribute with a value, not yet bound to a target. */
    public static Attribute of(String name, String value) {
        return new Attribute(name, value, null, null);
    }
""")
rec("PlacementConstraint", "A placement constraint: {@code distinctInstance}, or {@code memberOf} with a cluster query language expression.", """
PlacementConstraintType type ! // the type; not null
String expression // the expression for memberOf, else null
""", builder=False, extra="""    /** {@code memberOf(expression)}. */
    public static PlacementConstraint memberOf(String expression) {
        return new PlacementConstraint(PlacementConstraintType.MEMBER_OF, expression);
    }

    /** {@code distinctInstance}. */
    public static PlacementConstraint distinctInstance() {
        return new PlacementConstraint(PlacementConstraintType.DISTINCT_INSTANCE, null);
    }
""")
rec("PlacementStrategy", "A placement strategy: {@code random}, {@code spread(field)} or {@code binpack(field)}.", """
PlacementStrategyType type ! // the type; not null
String field // {@code instanceId}, {@code host} or {@code attribute:<name>} for spread; {@code cpu} or {@code memory} for binpack; null for random
""", builder=False, extra="""    /** {@code random}. */
    public static PlacementStrategy random() {
        return new PlacementStrategy(PlacementStrategyType.RANDOM, null);
    }

    /** {@code spread(field)}. */
    public static PlacementStrategy spread(String field) {
        return new PlacementStrategy(PlacementStrategyType.SPREAD, field);
    }

    /** {@code binpack(field)}. */
    public static PlacementStrategy binpack(String field) {
        return new PlacementStrategy(PlacementStrategyType.BINPACK, field);
    }
""")
rec("ContainerDefinition", "One container of a task definition. Fields follow ECS's {@code ContainerDefinition}.", """
String name // the container name, unique in the task definition
String image // the image reference
RepositoryCredentials repositoryCredentials // private registry credentials, or null
int cpu // CPU units (relative weight); 0 when unset
Integer memory // hard memory limit in MiB, or null
Integer memoryReservation // soft memory limit in MiB, or null
boolean essential = true // whether the task stops when this container stops; default true
List<PortMapping> portMappings // port mappings
List<String> links // {@code bridge} links, {@code name} or {@code name:alias}
List<String> entryPoint // overrides the image's entry point when not empty
List<String> command // overrides the image's command when not empty
String workingDirectory // the working directory, or null
String user // the user, or null
String hostname // the host name, or null
List<KeyValuePair> environment // environment variables
List<EnvironmentFile> environmentFiles // environment files
List<Secret> secrets // secrets exposed as environment variables
Map<String, String> dockerLabels // Docker labels
List<Ulimit> ulimits // resource limits
LogConfiguration logConfiguration // log configuration, or null
HealthCheck healthCheck // the health check, or null
List<ContainerDependency> dependsOn // containers to wait for before starting
Integer startTimeout // seconds dependents wait for this container's condition, or null
Integer stopTimeout // seconds between SIGTERM and SIGKILL, or null for the default (30)
List<MountPoint> mountPoints // volume mounts
List<VolumeFrom> volumesFrom // volumes of other containers to mount
List<HostEntry> extraHosts // extra {@code /etc/hosts} entries
List<String> dnsServers // DNS servers
List<String> dnsSearchDomains // DNS search domains
List<String> dockerSecurityOptions // Docker security options
Boolean readonlyRootFilesystem // mount the root filesystem read-only, or null
Boolean privileged // run privileged, or null
Boolean interactive // keep stdin open, or null
Boolean pseudoTerminal // allocate a TTY, or null
Boolean disableNetworking // disable networking, or null
LinuxParameters linuxParameters // Linux options, or null
RestartPolicy restartPolicy // restart policy, or null
List<ResourceRequirement> resourceRequirements // GPUs and accelerators
""", extra="""    /** A builder for a container called {@code name} running {@code image}. */
    public static Builder builder(String name, String image) {
        return builder().name(name).image(image);
    }
""")
rec("TaskDefinition", "A task definition revision. Before registration {@code revision} is 0 and the registration-only fields are null; registration normalises the definition the way ECS does (defaults filled in, cpu/memory as unit strings).", """
String family // the family name
int revision // the revision, from 1; 0 before registration
TaskDefinitionArn taskDefinitionArn // the ARN, or null before registration
TaskDefinitionStatus status // ACTIVE, INACTIVE or DELETE_IN_PROGRESS, or null before registration
List<ContainerDefinition> containerDefinitions // the containers, 1–10
NetworkMode networkMode // the network mode, or null ({@code bridge})
String cpu // task CPU as ECS writes it ({@code "1024"} or {@code "1 vCPU"}), or null; normalised to units at registration
String memory // task memory as ECS writes it ({@code "2048"} or {@code "2GB"}), or null; normalised to MiB at registration
String taskRoleArn // the task role, or null
String executionRoleArn // the execution role, or null
List<LaunchType> requiresCompatibilities // launch types the definition must be valid for
List<LaunchType> compatibilities // launch types it is valid for (set at registration)
List<Attribute> requiresAttributes // instance capabilities it needs (set at registration)
List<Volume> volumes // volumes
List<PlacementConstraint> placementConstraints // memberOf constraints
String pidMode // {@code host} or {@code task}, or null
String ipcMode // {@code host}, {@code task} or {@code none}, or null
RuntimePlatform runtimePlatform // the platform, or null
Integer ephemeralStorageGiB // Fargate ephemeral storage in GiB, or null
Instant registeredAt // when it was registered, or null
String registeredBy // who registered it, or null
Instant deregisteredAt // when it was deregistered, or null
List<Tag> tags // tags
""", extra="""    /** A builder for family {@code family}. */
    public static Builder builder(String family) {
        return builder().family(family);
    }

    /** The network mode, {@code bridge} when unset. */
    public NetworkMode networkModeOrDefault() {
        return networkMode == null ? NetworkMode.BRIDGE : networkMode;
    }

    /** The container called {@code name}, or null. */
    public ContainerDefinition container(String name) {
        for (ContainerDefinition c : containerDefinitions) {
            if (c.name() != null && c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }
""")

for name, src in R:
    open(os.path.join(OUT, name + ".java"), "w").write(src)
print("generated", len(R))
