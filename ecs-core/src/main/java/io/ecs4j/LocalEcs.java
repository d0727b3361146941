package io.ecs4j;

import io.ecs4j.internal.engine.DefaultLocalEcs;
import io.ecs4j.internal.engine.EngineConfig;
import io.ecs4j.model.Attribute;
import io.ecs4j.model.Cluster;
import io.ecs4j.model.ContainerInstance;
import io.ecs4j.model.ContainerInstanceStatus;
import io.ecs4j.model.EcsEvent;
import io.ecs4j.model.Service;
import io.ecs4j.model.Task;
import io.ecs4j.model.TaskDefinition;
import io.ecs4j.request.CreateClusterRequest;
import io.ecs4j.request.CreateServiceRequest;
import io.ecs4j.request.DeleteTaskDefinitionsResult;
import io.ecs4j.request.DescribeResult;
import io.ecs4j.request.ListAttributesRequest;
import io.ecs4j.request.ListContainerInstancesRequest;
import io.ecs4j.request.ListServicesRequest;
import io.ecs4j.request.ListTaskDefinitionFamiliesRequest;
import io.ecs4j.request.ListTaskDefinitionsRequest;
import io.ecs4j.request.ListTasksRequest;
import io.ecs4j.request.Page;
import io.ecs4j.request.PlacementExplanation;
import io.ecs4j.request.PlacementPlan;
import io.ecs4j.request.RegisterContainerInstanceRequest;
import io.ecs4j.request.RunTaskRequest;
import io.ecs4j.request.RunTaskResult;
import io.ecs4j.request.StartTaskRequest;
import io.ecs4j.request.UpdateContainerInstancesStateResult;
import io.ecs4j.request.UpdateServiceRequest;
import io.ecs4j.spi.runtime.ContainerRuntime;
import io.ecs4j.spi.runtime.LogEntry;
import io.ecs4j.time.TimeSource;
import io.ecs4j.time.VirtualClock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * A local Amazon ECS: clusters, container instances, task definitions, tasks and services, with ECS's semantics,
 * running containers through a {@link ContainerRuntime}.
 *
 * <p>Operations mirror the ECS API: same names, same rules, same error wording; an operation that throws
 * {@link EcsException} has changed nothing. {@code cluster} parameters accept a cluster name or ARN, or {@code null}
 * for {@code default}; task and container instance parameters accept an id or an ARN; task definition parameters
 * accept {@code family}, {@code family:revision} or an ARN.
 *
 * <p>Lifecycle: {@link #builder()} … {@link Builder#build()} gives an instance in state {@link State#NEW};
 * {@link #start()} starts it (and its runtime) and moves it to {@link State#RUNNING}; {@link #close()} stops it
 * ({@link State#TERMINATED}). Calling an operation outside {@code RUNNING} throws {@link IllegalStateException}.
 *
 * <p>Thread-safety: all methods are thread-safe. Each cluster has one control loop that applies every change in
 * order; reads come from immutable snapshots.
 *
 * {@snippet :
 * VirtualClock clock = VirtualClock.create();
 * try (LocalEcs ecs = LocalEcs.builder().timeSource(clock).start()) {
 *     ecs.createCluster("demo");
 *     ecs.registerContainerInstance(RegisterContainerInstanceRequest.builder().cluster("demo").build());
 *     ecs.registerTaskDefinition(EcsJson.readTaskDefinition(json));
 *     Task task = ecs.runTask(RunTaskRequest.builder("demo", "web").build()).tasks().get(0);   // PENDING
 *     clock.advance(Duration.ofSeconds(5));
 *     ecs.findTask("demo", task.taskId()).orElseThrow().lastStatus();                       // RUNNING
 * }
 * }
 */
public interface LocalEcs extends AutoCloseable {

    /** The lifecycle states of a {@code LocalEcs}. */
    enum State {
        /** Built, not started. */
        NEW,
        /** Started; operations are accepted. */
        RUNNING,
        /** Closed. Final. */
        TERMINATED,
        /** Starting failed; see {@link #failureCause()}. Final. */
        FAILED
    }

    /** A new builder with the defaults documented on each setter. */
    static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ lifecycle

    /**
     * Starts this instance: starts the runtime, creates the {@code default} cluster (unless disabled) and accepts
     * operations.
     *
     * @return this
     * @throws IllegalStateException if not {@link State#NEW}; the state becomes {@link State#FAILED} if the runtime
     *                               fails to start
     */
    LocalEcs start();

    /**
     * What {@link #start()} found in the runtime and took back: tasks a previous process started (for example before a
     * JVM restart, with the Docker runtime), which keep their ARNs, and orphan containers that were stopped. Empty for
     * runtimes that cannot discover containers.
     */
    io.ecs4j.request.AdoptionReport adoption();

    /** The current lifecycle state. */
    State state();

    /** Why starting failed, or null. */
    Throwable failureCause();

    /**
     * Stops this instance: closes the runtime (containers of real runtimes keep running, so a new instance can adopt
     * them) and the time source if this instance created it. Idempotent.
     */
    @Override
    void close();

    /** The region used in ARNs, for example {@code us-east-1}. */
    String region();

    /** The account id used in ARNs. */
    String accountId();

    /** The time source this instance runs on. */
    TimeSource timeSource();

    /** The runtime containers run on. */
    ContainerRuntime runtime();

    /**
     * Listens to changes (tasks, container instances, services). The listener runs on the control loop of the cluster
     * concerned; it must be quick.
     *
     * @return closing it unsubscribes
     */
    AutoCloseable subscribe(Consumer<EcsEvent> listener);

    // ------------------------------------------------------------------ clusters

    /** CreateCluster with a name; idempotent: an existing ACTIVE cluster is returned unchanged. */
    Cluster createCluster(String clusterName);

    /** CreateCluster. */
    Cluster createCluster(CreateClusterRequest request);

    /**
     * DeleteCluster: the cluster becomes INACTIVE (still describable).
     *
     * @throws EcsException {@code ClusterContainsContainerInstancesException}, {@code ClusterContainsServicesException},
     *                      {@code ClusterContainsTasksException} when it still has any of those
     */
    Cluster deleteCluster(String cluster);

    /** DescribeClusters; an empty list describes {@code default}. Missing clusters are {@code MISSING} failures. */
    DescribeResult<Cluster> describeClusters(List<String> clusters);

    /** ListClusters: cluster ARNs, in creation order. */
    Page<String> listClusters(Integer maxResults, String nextToken);

    /** The cluster, if it exists (ACTIVE or INACTIVE). */
    Optional<Cluster> findCluster(String cluster);

    // ------------------------------------------------------------------ container instances

    /** RegisterContainerInstance: a simulated host joins the cluster. */
    ContainerInstance registerContainerInstance(RegisterContainerInstanceRequest request);

    /**
     * DeregisterContainerInstance: the instance becomes INACTIVE.
     *
     * @param force also when tasks run on it: its tasks are stopped (services replace theirs elsewhere)
     * @throws EcsException {@code InvalidParameterException} when tasks run on it and {@code force} is false
     */
    ContainerInstance deregisterContainerInstance(String cluster, String containerInstance, boolean force);

    /** DescribeContainerInstances (at most 100). */
    DescribeResult<ContainerInstance> describeContainerInstances(String cluster, List<String> containerInstances);

    /** ListContainerInstances, optionally filtered by the cluster query language and status. */
    Page<String> listContainerInstances(ListContainerInstancesRequest request);

    /** UpdateContainerInstancesState: ACTIVE or DRAINING (at most 10 instances). */
    UpdateContainerInstancesStateResult updateContainerInstancesState(String cluster, List<String> containerInstances,
                                                                      ContainerInstanceStatus status);

    /**
     * Simulates the ECS agent connecting or disconnecting. Tasks are not placed on disconnected instances
     * (failure reason {@code AGENT}).
     */
    ContainerInstance setAgentConnected(String cluster, String containerInstance, boolean connected);

    /** The container instance, if it exists. */
    Optional<ContainerInstance> findContainerInstance(String cluster, String containerInstance);

    /**
     * PutAttributes: sets custom attributes on container instances (each attribute names its {@code targetId}, an
     * instance id or ARN). Names starting with {@code ecs.} are reserved; at most 10 custom attributes per instance.
     *
     * @throws EcsException {@code TargetNotFoundException} for an unknown instance, {@code AttributeLimitExceededException}
     *                      above the limit, {@code InvalidParameterException} for bad names or values; nothing changes
     */
    List<Attribute> putAttributes(String cluster, List<Attribute> attributes);

    /** DeleteAttributes: removes custom attributes from container instances. */
    List<Attribute> deleteAttributes(String cluster, List<Attribute> attributes);

    /** ListAttributes: the attributes of the cluster's container instances, optionally filtered by name and value. */
    Page<Attribute> listAttributes(ListAttributesRequest request);

    // ------------------------------------------------------------------ tags

    /**
     * ListTagsForResource: the tags of a cluster, service, task, container instance or task definition, named by its
     * (long-format) ARN.
     *
     * @throws EcsException {@code ResourceNotFoundException} or {@code ClusterNotFoundException} when it does not exist
     */
    List<io.ecs4j.model.Tag> listTagsForResource(String resourceArn);

    /**
     * TagResource: adds tags (replacing the values of keys already present). At most 50 tags per resource; keys with
     * the {@code aws:} prefix are reserved.
     */
    void tagResource(String resourceArn, List<io.ecs4j.model.Tag> tags);

    /** UntagResource: removes the tags with these keys (keys it does not have are ignored). */
    void untagResource(String resourceArn, List<String> tagKeys);

    // ------------------------------------------------------------------ task definitions

    /**
     * RegisterTaskDefinition: validates with ECS's rules, normalises as ECS does and stores a new revision.
     *
     * @throws EcsException {@code ClientException} naming the field and the rule when the definition is invalid
     */
    TaskDefinition registerTaskDefinition(TaskDefinition taskDefinition);

    /** DeregisterTaskDefinition ({@code family:revision} or ARN): the revision becomes INACTIVE. */
    TaskDefinition deregisterTaskDefinition(String taskDefinition);

    /** DescribeTaskDefinition: a bare family means its latest ACTIVE revision. */
    TaskDefinition describeTaskDefinition(String taskDefinition);

    /** ListTaskDefinitions. */
    Page<String> listTaskDefinitions(ListTaskDefinitionsRequest request);

    /** ListTaskDefinitionFamilies. */
    Page<String> listTaskDefinitionFamilies(ListTaskDefinitionFamiliesRequest request);

    /** DeleteTaskDefinitions (INACTIVE revisions, at most 10). */
    DeleteTaskDefinitionsResult deleteTaskDefinitions(List<String> taskDefinitions);

    // ------------------------------------------------------------------ tasks

    /**
     * RunTask: places and starts up to {@code count} tasks. Tasks that cannot be placed are reported in
     * {@code failures}, not thrown.
     *
     * @throws EcsException for invalid requests, and {@code InvalidParameterException: No Container Instances were found
     *                      in your cluster.} for an EC2 task in a cluster without instances
     */
    RunTaskResult runTask(RunTaskRequest request);

    /**
     * Where RunTask would place these tasks now, without starting anything (a dry run). Validates the request as
     * RunTask does.
     *
     * @throws EcsException as RunTask would, including {@code No Container Instances were found in your cluster.}
     */
    PlacementPlan plan(RunTaskRequest request);

    /**
     * Explains where the first task of this RunTask would go: every candidate instance with the filter or constraint that
     * rejected it, or its strategy scores and rank; the strategies applied; the choice. Changes nothing.
     */
    PlacementExplanation explain(RunTaskRequest request);

    /** StartTask: starts one task on each named container instance. */
    RunTaskResult startTask(StartTaskRequest request);

    /**
     * StopTask: the task's desired status becomes STOPPED; its containers get SIGTERM, then SIGKILL after their stop
     * timeout.
     *
     * @param reason the {@code stoppedReason}, or null for {@code Task stopped by user}
     */
    Task stopTask(String cluster, String task, String reason);

    /** DescribeTasks (at most 100). Tasks not in the cluster are {@code MISSING} failures. */
    DescribeResult<Task> describeTasks(String cluster, List<String> tasks);

    /** ListTasks. */
    Page<String> listTasks(ListTasksRequest request);

    /** The task, if it exists in the cluster (stopped tasks stay for the retention period). */
    Optional<Task> findTask(String cluster, String task);

    /**
     * What a container of a task wrote to stdout and stderr — the local stand-in for {@code awslogs}.
     *
     * @throws EcsException {@code InvalidParameterException} for an unknown task or container
     */
    List<LogEntry> logs(String cluster, String task, String containerName);

    // ------------------------------------------------------------------ services

    /**
     * CreateService: keeps {@code desiredCount} copies of a task definition running (REPLICA), or one on every eligible
     * container instance (DAEMON), and replaces tasks that stop.
     *
     * <p>Defaults as in ECS: REPLICA, launch type EC2, {@code minimumHealthyPercent} 100 and {@code maximumPercent}
     * 200 (DAEMON: 0 and 100), placement spread over availability zones then instances, no circuit breaker. The
     * service starts with one PRIMARY deployment ({@code ecs-svc/...}, IN_PROGRESS); its tasks have
     * {@code group = service:<name>} and {@code startedBy = <deployment id>}. The returned service has no task yet:
     * tasks are launched as soon as the call returns (in the same control-loop turn).
     *
     * {@snippet :
     * Service web = ecs.createService(CreateServiceRequest.builder("demo", "web", "web:1").desiredCount(3).build());
     * clock.advanceUntil(() -> ecs.findService("demo", "web").orElseThrow().isStable(), Duration.ofMinutes(5));
     * }
     *
     * @throws EcsException {@code InvalidParameterException: Creation of service was not idempotent.} when an ACTIVE or
     *                      DRAINING service has that name; {@code ClientException: TaskDefinition not found.}; the
     *                      DAEMON restrictions ({@code desiredCount}, {@code maximumPercent} above 100, placement
     *                      strategies, FARGATE) with ECS's messages; RunTask's launch type, network configuration and
     *                      placement rules
     */
    Service createService(CreateServiceRequest request);

    /**
     * UpdateService. A new task definition, network configuration, platform version, placement or load balancers - or
     * {@code forceNewDeployment} - start a new PRIMARY deployment that replaces the tasks within
     * {@code minimumHealthyPercent} and {@code maximumPercent}; changing only the desired count does not.
     *
     * @throws EcsException {@code ServiceNotFoundException} for an unknown service, {@code ServiceNotActiveException}
     *                      for a DRAINING or INACTIVE one
     */
    Service updateService(UpdateServiceRequest request);

    /**
     * DeleteService: the service becomes DRAINING (no longer listed), its tasks are stopped, and it becomes INACTIVE
     * once they are all stopping (still describable).
     *
     * @param force also when the desired count is above 0
     * @throws EcsException {@code InvalidParameterException: The service cannot be stopped while it is scaled above
     *                      0.} without {@code force}; {@code ServiceNotFoundException}; {@code ServiceNotActiveException}
     */
    Service deleteService(String cluster, String service, boolean force);

    /**
     * DescribeServices (1 to 10 names or ARNs): DRAINING and INACTIVE services included, unknown ones reported as
     * {@code MISSING} failures.
     */
    DescribeResult<Service> describeServices(String cluster, List<String> services);

    /** ListServices: the ARNs of ACTIVE services, in creation order; pages of 10 by default. */
    Page<String> listServices(ListServicesRequest request);

    /** The service, if the cluster has one by that name or ARN (ACTIVE, DRAINING or INACTIVE). */
    Optional<Service> findService(String cluster, String service);

    // ------------------------------------------------------------------ builder

    /**
     * Builds a {@link LocalEcs}. Not thread-safe.
     */
    final class Builder {
        private String region = "us-east-1";
        private String accountId = "000000000000";
        private TimeSource timeSource;
        private ContainerRuntime runtime;
        private RandomGenerator random;
        private Duration taskRetention = Duration.ofHours(1);
        private Duration defaultStopTimeout = Duration.ofSeconds(30);
        private Duration containerStartTimeout = Duration.ofMinutes(3);
        private boolean createDefaultCluster = true;
        private SecretResolver secretResolver;
        private final Map<String, String> secrets = new LinkedHashMap<>();
        private List<String> fargateAvailabilityZones;
        private io.ecs4j.spi.loadbalancer.LoadBalancing loadBalancing;

        private Builder() {
        }

        /** The region for ARNs. Default {@code us-east-1}. */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /** The account id for ARNs (12 digits). Default {@code 000000000000}. */
        public Builder accountId(String accountId) {
            this.accountId = Objects.requireNonNull(accountId, "accountId");
            return this;
        }

        /**
         * The time source. Default: a new {@link TimeSource#system()} (real time) that this instance owns and closes;
         * a time source given here (for example a {@link VirtualClock}) is never closed by this instance.
         */
        public Builder timeSource(TimeSource timeSource) {
            this.timeSource = Objects.requireNonNull(timeSource, "timeSource");
            return this;
        }

        /**
         * The runtime. Default: the highest-priority {@link io.ecs4j.spi.runtime.RuntimeProvider} found with
         * {@link java.util.ServiceLoader} (the in-memory runtime when {@code ecs-inmemory-runtime} is on the class path).
         * A runtime given here is started by {@link LocalEcs#start()} and closed by {@link LocalEcs#close()}.
         */
        public Builder runtime(ContainerRuntime runtime) {
            this.runtime = Objects.requireNonNull(runtime, "runtime");
            return this;
        }

        /**
         * The random source for ids and random placement. Default: on a {@link VirtualClock}, a generator seeded with
         * 42, so that runs are reproducible; otherwise one seeded from the system's entropy (so that a restarted process
         * never repeats the ids of tasks it re-adopts).
         */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** How long stopped tasks stay describable. Default 1 hour (ECS: at least 1 hour). */
        public Builder taskRetention(Duration taskRetention) {
            this.taskRetention = positive(taskRetention, "taskRetention");
            return this;
        }

        /**
         * The stop timeout for containers without {@code stopTimeout}: the grace between SIGTERM and SIGKILL. Default 30
         * seconds (the agent's {@code ECS_CONTAINER_STOP_TIMEOUT}).
         */
        public Builder defaultStopTimeout(Duration defaultStopTimeout) {
            this.defaultStopTimeout = positive(defaultStopTimeout, "defaultStopTimeout");
            return this;
        }

        /**
         * How long a created container may take to start before it fails with {@code DockerTimeoutError}. Default 3
         * minutes (the agent's {@code ECS_CONTAINER_START_TIMEOUT}).
         */
        public Builder containerStartTimeout(Duration containerStartTimeout) {
            this.containerStartTimeout = positive(containerStartTimeout, "containerStartTimeout");
            return this;
        }

        /** Whether {@link LocalEcs#start()} creates the {@code default} cluster. Default true. */
        public Builder createDefaultCluster(boolean createDefaultCluster) {
            this.createDefaultCluster = createDefaultCluster;
            return this;
        }

        /**
         * Resolves container {@code secrets}. Default: the values given with {@link #secret(String, String)}; unknown
         * secrets make the task fail to start.
         */
        public Builder secretResolver(SecretResolver secretResolver) {
            this.secretResolver = Objects.requireNonNull(secretResolver, "secretResolver");
            return this;
        }

        /** A secret value for {@code valueFrom} (used when no {@link #secretResolver} is set). */
        public Builder secret(String valueFrom, String value) {
            secrets.put(Objects.requireNonNull(valueFrom, "valueFrom"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * The availability zones FARGATE tasks are spread over. Default: {@code <region>a}, {@code <region>b},
         * {@code <region>c}.
         */
        public Builder fargateAvailabilityZones(List<String> zones) {
            if (zones.isEmpty()) {
                throw new IllegalArgumentException("fargateAvailabilityZones must not be empty");
            }
            this.fargateAvailabilityZones = List.copyOf(zones);
            return this;
        }

        /**
         * The load balancing backend services register their tasks with (see {@link io.ecs4j.spi.loadbalancer}). With
         * one, a service's {@code loadBalancers} must name target groups it has; each task registers its endpoint when
         * RUNNING, counts as healthy for deployments only once its target is healthy (no 40-second rule), is replaced
         * when its target turns unhealthy after {@code healthCheckGracePeriodSeconds} ({@code Task failed ELB health
         * checks in (target-group ...)}), and is deregistered before its containers are stopped: it waits in
         * DEACTIVATING until its target has drained. Default: none (load balancers are validated against the task
         * definition only and nothing is registered). Started by {@link LocalEcs#start()}, closed by
         * {@link LocalEcs#close()}.
         *
         * {@snippet :
         * SimulatedLoadBalancer lb = SimulatedLoadBalancer.create();
         * TargetGroup web = lb.createTargetGroup("web");
         * LocalEcs ecs = LocalEcs.builder().timeSource(clock).loadBalancer(lb).start();
         * ecs.createService(CreateServiceRequest.builder("default", "web", "web:1").desiredCount(3)
         *         .loadBalancers(List.of(new LoadBalancer(web.arn(), null, "app", 8080))).build());
         * }
         */
        public Builder loadBalancer(io.ecs4j.spi.loadbalancer.LoadBalancing loadBalancing) {
            this.loadBalancing = Objects.requireNonNull(loadBalancing, "loadBalancing");
            return this;
        }

        /** Builds a new, not yet started instance. */
        public LocalEcs build() {
            Map<String, String> secretValues = Map.copyOf(secrets);
            SecretResolver resolver = secretResolver != null ? secretResolver : secretValues::get;
            List<String> zones = fargateAvailabilityZones != null ? fargateAvailabilityZones
                    : List.of(region + "a", region + "b", region + "c");
            EngineConfig config = new EngineConfig(region, accountId, taskRetention, defaultStopTimeout,
                    containerStartTimeout, createDefaultCluster, resolver, zones);
            return new DefaultLocalEcs(config, timeSource, runtime, random, loadBalancing);
        }

        /** {@code build().start()}. */
        public LocalEcs start() {
            return build().start();
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
            return value;
        }
    }
}
