import sys, os
sys.path.insert(0, os.path.dirname(__file__))
from records import gen
OUT = sys.argv[1]
R = []
def rec(pkg, name, doc, spec, builder=True, extra="", imports=()):
    R.append((pkg, name, gen(pkg, name, doc, spec, builder, extra, imports)))
M = "io.ecs4j.model"
Q = "io.ecs4j.request"

rec(M, "NetworkInterface", "A network interface of an {@code awsvpc} task's container.", """
String attachmentId // the ENI attachment's id
String privateIpv4Address // the private address
""", builder=False)
rec(M, "Attachment", "An attachment of a task, for example the {@code ElasticNetworkInterface} of an awsvpc task.", """
String id ! // the attachment id; not null
String type ! // for example {@code ElasticNetworkInterface}; not null
String status ! // {@code PRECREATED}, {@code ATTACHED}, {@code DELETED}...; not null
List<KeyValuePair> details // details such as {@code subnetId}, {@code privateIPv4Address}
""", builder=False)
rec(M, "ContainerOverride", "Per-container overrides of RunTask / StartTask.", """
String name // the container to override
List<String> command // replaces the command when not empty
List<KeyValuePair> environment // added to (and overriding) the environment
Integer cpu // replaces cpu, or null
Integer memory // replaces memory, or null
Integer memoryReservation // replaces memoryReservation, or null
""")
rec(M, "TaskOverride", "The overrides a task was started with.", """
List<ContainerOverride> containerOverrides // per-container overrides
String cpu // task CPU override, or null
String memory // task memory override, or null
String taskRoleArn // task role override, or null
String executionRoleArn // execution role override, or null
""")
rec(M, "AwsVpcConfiguration", "The {@code awsvpcConfiguration} of a task or service (ecs4j records it; no real VPC is involved).", """
List<String> subnets // subnet ids (required by ECS)
List<String> securityGroups // security group ids
String assignPublicIp // {@code ENABLED} or {@code DISABLED}, or null (DISABLED)
""", builder=False)
rec(M, "NetworkConfiguration", "The network configuration of an awsvpc task or service.", """
AwsVpcConfiguration awsvpcConfiguration // the awsvpc configuration, or null
""", builder=False)
rec(M, "Container", "A container of a task, as DescribeTasks shows it.", """
ContainerArn containerArn ! // the container ARN; not null
TaskArn taskArn ! // the task; not null
String name ! // the container name; not null
String image // the image
String imageDigest // the image digest once pulled, or null
String runtimeId // the runtime's id (Docker container id), or null before creation
ContainerStatus lastStatus ! // PENDING, RUNNING or STOPPED; not null
Integer exitCode // the exit code once stopped, or null if it never ran
String reason // why it stopped, or null
List<NetworkBinding> networkBindings // published ports
List<NetworkInterface> networkInterfaces // awsvpc interfaces
HealthStatus healthStatus // HEALTHY, UNHEALTHY or UNKNOWN (also when it has no health check)
int cpu // CPU units
Integer memory // hard memory limit in MiB, or null
Integer memoryReservation // soft memory limit in MiB, or null
boolean essential // whether the task stops when this container stops (from the task definition)
""")
rec(M, "Task", "A task: one running instance of a task definition, as DescribeTasks shows it.", """
TaskArn taskArn ! // the task ARN; not null
ClusterArn clusterArn ! // the cluster; not null
TaskDefinitionArn taskDefinitionArn ! // the task definition revision; not null
ContainerInstanceArn containerInstanceArn // the container instance (EC2), or null (Fargate)
String availabilityZone // the availability zone, or null
List<Container> containers // the containers, in task definition order
TaskOverride overrides // the overrides it was started with; never null after launch
TaskStatus lastStatus ! // the last status; not null
DesiredStatus desiredStatus ! // RUNNING or STOPPED; not null
Integer cpu // task CPU units (task-level or the sum of the containers'), or null
Integer memory // task memory in MiB, or null
LaunchType launchType // EC2 or FARGATE
String group // the task group: {@code service:<name>} or {@code family:<family>} by default
String startedBy // who started it (a service's deployment id for service tasks), or null
Instant createdAt // when it was created
Instant pullStartedAt // when the first image pull started, or null
Instant pullStoppedAt // when the last image pull finished, or null
Instant startedAt // when it reached RUNNING, or null
Instant connectivityAt // when it connected, or null
Instant stoppingAt // when it began to stop, or null
Instant executionStoppedAt // when its first essential container stopped, or null
Instant stoppedAt // when it reached STOPPED, or null
TaskStopCode stopCode // why it stopped, or null
String stoppedReason // why it stopped, in words, or null
HealthStatus healthStatus // the task's health from its essential containers
Connectivity connectivity // CONNECTED or DISCONNECTED
List<Attachment> attachments // the ENI of an awsvpc task
List<Attribute> attributes // attributes (ecs.cpu-architecture ...)
long version // incremented on every change
List<Tag> tags // tags
String platformVersion // Fargate platform version, or null
String platformFamily // Fargate platform family, or null
String capacityProviderName // capacity provider, or null
boolean enableExecuteCommand // whether ECS Exec is enabled
""", extra="""    /** The container called {@code name}, or null. */
    public Container container(String name) {
        for (Container c : containers) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** The task id (the last part of the ARN). */
    public String taskId() {
        return taskArn.taskId();
    }
""")
rec(M, "Resource", "A resource of a container instance ({@code registeredResources}/{@code remainingResources}): CPU and MEMORY as INTEGER, PORTS and PORTS_UDP as STRINGSET.", """
String name ! // CPU, MEMORY, PORTS, PORTS_UDP, GPU...; not null
String type ! // INTEGER, LONG, DOUBLE or STRINGSET; not null
Integer integerValue // the value for INTEGER, else null
Long longValue // the value for LONG, else null
Double doubleValue // the value for DOUBLE, else null
List<String> stringSetValue // the value for STRINGSET
""", builder=False, extra="""    /** An INTEGER resource. */
    public static Resource integer(String name, int value) {
        return new Resource(name, "INTEGER", value, null, null, List.of());
    }

    /** A STRINGSET resource. */
    public static Resource stringSet(String name, List<String> values) {
        return new Resource(name, "STRINGSET", null, null, null, values);
    }
""")
rec(M, "VersionInfo", "Versions reported by a container instance's agent.", """
String agentVersion // the ECS agent version, for example {@code 1.90.0}
String agentHash // the agent's git hash
String dockerVersion // the Docker version, for example {@code DockerVersion: 20.10.24}
""", builder=False)
rec(M, "ContainerInstance", "A container instance: a host registered to a cluster, with its resources and attributes.", """
ContainerInstanceArn containerInstanceArn ! // the ARN; not null
String ec2InstanceId // the EC2 instance id (ecs4j makes up {@code i-...} ids when none is given)
ContainerInstanceStatus status ! // the status; not null
String statusReason // why it has this status, or null
boolean agentConnected // whether the agent is connected; tasks are placed only on connected instances
VersionInfo versionInfo // agent and Docker versions, or null
List<Resource> registeredResources // what it registered with
List<Resource> remainingResources // registered minus what its tasks use
int runningTasksCount // tasks with desiredStatus RUNNING in RUNNING
int pendingTasksCount // tasks in PENDING
List<Attribute> attributes // standard {@code ecs.*} and custom attributes
Instant registeredAt // when it registered
long version // incremented on every change
String capacityProviderName // capacity provider, or null
List<Tag> tags // tags
""", extra="""    /** The container instance id (the last part of the ARN). */
    public String id() {
        return containerInstanceArn.id();
    }

    /** The value of attribute {@code name}, or null. */
    public String attribute(String name) {
        for (Attribute a : attributes) {
            if (a.name().equals(name)) {
                return a.value();
            }
        }
        return null;
    }

    /** The {@code ecs.availability-zone} attribute, or null. */
    public String availabilityZone() {
        return attribute("ecs.availability-zone");
    }

    /** The INTEGER value of remaining resource {@code name} (CPU, MEMORY), or 0. */
    public int remaining(String name) {
        return integerResource(remainingResources, name);
    }

    /** The INTEGER value of registered resource {@code name} (CPU, MEMORY), or 0. */
    public int registered(String name) {
        return integerResource(registeredResources, name);
    }

    private static int integerResource(List<Resource> resources, String name) {
        for (Resource r : resources) {
            if (r.name().equals(name) && r.integerValue() != null) {
                return r.integerValue();
            }
        }
        return 0;
    }
""")
rec(M, "ClusterSetting", "A cluster setting, for example {@code containerInsights}.", """
String name ! // the setting name; not null
String value ! // the value; not null
""", builder=False)
rec(M, "Cluster", "A cluster, with the counters ECS derives from its instances, tasks and services.", """
ClusterArn clusterArn ! // the ARN; not null
String clusterName ! // the name; not null
ClusterStatus status ! // ACTIVE, or INACTIVE once deleted; not null
int registeredContainerInstancesCount // ACTIVE and DRAINING container instances
int runningTasksCount // tasks in RUNNING
int pendingTasksCount // tasks in PENDING
int activeServicesCount // ACTIVE services
List<Tag> tags // tags
List<ClusterSetting> settings // settings
List<KeyValuePair> statistics // statistics, for DescribeClusters include=STATISTICS
List<String> capacityProviders // capacity providers
""")

# ---------------------------------------------------------------- requests
rec(Q, "CreateClusterRequest", "CreateCluster.", """
String clusterName // the name; null means {@code default}
List<Tag> tags // tags
List<ClusterSetting> settings // settings
""", imports=("io.ecs4j.model.Tag", "io.ecs4j.model.ClusterSetting"))
rec(Q, "RegisterContainerInstanceRequest", "RegisterContainerInstance: a (simulated) host joins a cluster. Unset values get sensible defaults: 2 vCPU (2048 units), 4096 MiB, availability zone {@code <region>a}, instance type {@code m5.large}, the agent's default reserved ports.", """
String cluster // the cluster name or ARN; null means {@code default}
String ec2InstanceId // the EC2 instance id, or null to make one up
String availabilityZone // the availability zone, or null for {@code <region>a}
String instanceType // the instance type, or null for {@code m5.large}
Integer cpu // CPU units to register, or null for 2048
Integer memory // MiB to register, or null for 4096
List<Integer> reservedTcpPorts // reserved TCP ports, or null for the agent's defaults [22, 2375, 2376, 51678, 51679]
List<Integer> reservedUdpPorts // reserved UDP ports, or null for none
List<Attribute> attributes // custom attributes (and overrides of standard {@code ecs.*} values)
VersionInfo versionInfo // versions, or null for ecs4j's defaults
List<Tag> tags // tags
""", imports=("io.ecs4j.model.Attribute", "io.ecs4j.model.VersionInfo", "io.ecs4j.model.Tag"))
rec(Q, "ListContainerInstancesRequest", "ListContainerInstances.", """
String cluster // the cluster, or null for {@code default}
String filter // a cluster query language expression, or null
ContainerInstanceStatus status // only instances with this status, or null for all but INACTIVE... (ECS lists ACTIVE and DRAINING by default)
Integer maxResults // page size 1–100, or null for 100
String nextToken // from the previous page, or null
""", imports=("io.ecs4j.model.ContainerInstanceStatus",))
rec(Q, "ListTaskDefinitionsRequest", "ListTaskDefinitions.", """
String familyPrefix // an exact family name (despite the name), or null
TaskDefinitionStatus status // ACTIVE (default) or INACTIVE
SortOrder sort // ASC (default) or DESC, by family then revision
Integer maxResults // page size 1–100, or null for 100
String nextToken // from the previous page, or null
""", imports=("io.ecs4j.model.TaskDefinitionStatus",))
rec(Q, "ListTaskDefinitionFamiliesRequest", "ListTaskDefinitionFamilies.", """
String familyPrefix // a real prefix of family names, or null
FamilyStatus status // ACTIVE, INACTIVE or ALL (default ALL)
Integer maxResults // page size 1–100, or null for 100
String nextToken // from the previous page, or null
""")
rec(Q, "DeleteTaskDefinitionsResult", "DeleteTaskDefinitions' result.", """
List<TaskDefinition> taskDefinitions // the definitions now DELETE_IN_PROGRESS
List<Failure> failures // the ones that could not be deleted
""", builder=False, imports=("io.ecs4j.model.TaskDefinition", "io.ecs4j.model.Failure"))
rec(Q, "RunTaskRequest", "RunTask: place and start {@code count} copies of a task definition.", """
String cluster // the cluster, or null for {@code default}
String taskDefinition // {@code family}, {@code family:revision} or an ARN
int count = 1 // how many tasks, 1–10; default 1
LaunchType launchType // EC2 or FARGATE, or null (EC2)
String group // the task group, or null for {@code family:<family>}
String startedBy // up to 128 characters, or null
TaskOverride overrides // overrides, or null
List<PlacementConstraint> placementConstraints // request placement constraints
List<PlacementStrategy> placementStrategy // placement strategies, in order
NetworkConfiguration networkConfiguration // required for awsvpc, else null
List<Tag> tags // tags
String clientToken // an idempotency token, or null
boolean enableECSManagedTags // add ECS managed tags
String propagateTags // {@code TASK_DEFINITION} or null; SERVICE is an error for RunTask
String platformVersion // Fargate platform version, or null (LATEST)
boolean enableExecuteCommand // ECS Exec
""", imports=("io.ecs4j.model.LaunchType", "io.ecs4j.model.TaskOverride", "io.ecs4j.model.PlacementConstraint", "io.ecs4j.model.PlacementStrategy", "io.ecs4j.model.NetworkConfiguration", "io.ecs4j.model.Tag"),
extra="""    /** A builder for {@code count} tasks of {@code taskDefinition} in {@code cluster}. */
    public static Builder builder(String cluster, String taskDefinition) {
        return builder().cluster(cluster).taskDefinition(taskDefinition);
    }
""")
rec(Q, "RunTaskResult", "What RunTask or StartTask started (tasks in PENDING) and what it could not place.", """
List<Task> tasks // the started tasks
List<Failure> failures // one entry per task that could not be placed
""", builder=False, imports=("io.ecs4j.model.Task", "io.ecs4j.model.Failure"))
rec(Q, "StartTaskRequest", "StartTask: start a task on each of the named container instances (no placement strategy).", """
String cluster // the cluster, or null for {@code default}
String taskDefinition // {@code family}, {@code family:revision} or an ARN
List<String> containerInstances // 1–10 container instance ids or ARNs
String group // the task group, or null
String startedBy // up to 128 characters, or null
TaskOverride overrides // overrides, or null
NetworkConfiguration networkConfiguration // required for awsvpc, else null
List<Tag> tags // tags
boolean enableECSManagedTags // add ECS managed tags
String propagateTags // {@code TASK_DEFINITION} or null
boolean enableExecuteCommand // ECS Exec
""", imports=("io.ecs4j.model.TaskOverride", "io.ecs4j.model.NetworkConfiguration", "io.ecs4j.model.Tag"))
rec(Q, "ListTasksRequest", "ListTasks. {@code desiredStatus} defaults to RUNNING (so PENDING tasks are listed and stopped ones are not).", """
String cluster // the cluster, or null for {@code default}
String containerInstance // only tasks on this instance (id or ARN), or null
String family // only tasks of this family, or null
String serviceName // only tasks of this service, or null
String startedBy // only tasks with this startedBy (must be the only filter), or null
DesiredStatus desiredStatus // RUNNING (default), PENDING (never matches) or STOPPED
LaunchType launchType // only tasks of this launch type, or null
Integer maxResults // page size 1–100, or null for 100
String nextToken // from the previous page, or null
""", imports=("io.ecs4j.model.DesiredStatus", "io.ecs4j.model.LaunchType"))
rec(Q, "UpdateContainerInstancesStateResult", "UpdateContainerInstancesState's result.", """
List<ContainerInstance> containerInstances // the updated instances
List<Failure> failures // instances that could not be updated
""", builder=False, imports=("io.ecs4j.model.ContainerInstance", "io.ecs4j.model.Failure"))

for pkg, name, src in R:
    d = os.path.join(OUT, pkg.replace(".", "/"))
    os.makedirs(d, exist_ok=True)
    open(os.path.join(d, name + ".java"), "w").write(src)
print("generated", len(R))
