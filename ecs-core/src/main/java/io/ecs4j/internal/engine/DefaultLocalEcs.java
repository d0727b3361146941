package io.ecs4j.internal.engine;

import io.ecs4j.EcsException;
import io.ecs4j.LocalEcs;
import io.ecs4j.internal.taskdef.TaskDefinitionRegistry;
import io.ecs4j.internal.util.ArnParts;
import io.ecs4j.internal.util.Pagination;
import io.ecs4j.model.Cluster;
import io.ecs4j.model.ClusterArn;
import io.ecs4j.model.ClusterStatus;
import io.ecs4j.model.ContainerInstance;
import io.ecs4j.model.ContainerInstanceStatus;
import io.ecs4j.model.EcsEvent;
import io.ecs4j.model.Failure;
import io.ecs4j.model.Service;
import io.ecs4j.model.Task;
import io.ecs4j.model.TaskDefinition;
import io.ecs4j.request.CreateClusterRequest;
import io.ecs4j.request.CreateServiceRequest;
import io.ecs4j.request.DeleteTaskDefinitionsResult;
import io.ecs4j.request.DescribeResult;
import io.ecs4j.request.ListContainerInstancesRequest;
import io.ecs4j.request.ListServicesRequest;
import io.ecs4j.request.ListTaskDefinitionFamiliesRequest;
import io.ecs4j.request.ListTaskDefinitionsRequest;
import io.ecs4j.request.ListTasksRequest;
import io.ecs4j.request.Page;
import io.ecs4j.request.RegisterContainerInstanceRequest;
import io.ecs4j.request.RunTaskRequest;
import io.ecs4j.request.RunTaskResult;
import io.ecs4j.request.StartTaskRequest;
import io.ecs4j.request.UpdateContainerInstancesStateResult;
import io.ecs4j.request.UpdateServiceRequest;
import io.ecs4j.spi.runtime.ContainerHandle;
import io.ecs4j.spi.runtime.ContainerRuntime;
import io.ecs4j.spi.runtime.LogEntry;
import io.ecs4j.spi.runtime.RuntimeContext;
import io.ecs4j.spi.runtime.RuntimeEvent;
import io.ecs4j.spi.runtime.RuntimeProvider;
import io.ecs4j.time.TimeSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The {@link LocalEcs} implementation: routes each operation to its cluster's control loop, owns the account-wide
 * task definition registry, the runtime and the listeners.
 */
public final class DefaultLocalEcs implements LocalEcs {
    /** The logger, made on first use: System.getLogger bootstraps the JDK's logging (tens of ms at a cold start). */
    private static final class Log {
        static final System.Logger LOG = System.getLogger(DefaultLocalEcs.class.getName());
    }
    private static final Pattern CLUSTER_NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");

    private final EngineConfig config;
    private final TimeSource timeSource;
    private final boolean ownsTimeSource;
    private final ContainerRuntime runtime;
    private final io.ecs4j.spi.loadbalancer.LoadBalancing loadBalancing;
    private final Ids ids;
    private final TaskDefinitionRegistry registry;
    private final TaskOperations taskOps = new TaskOperations(this);
    private final InstanceOperations instanceOps = new InstanceOperations(this);
    private final ResourceTags resourceTags = new ResourceTags(this);
    private final ConcurrentHashMap<String, ClusterContext> clusters = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<String> clusterOrder = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Consumer<EcsEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Object lifecycleLock = new Object();
    private volatile State state = State.NEW;
    private volatile Throwable failureCause;
    private volatile io.ecs4j.request.AdoptionReport adoption = io.ecs4j.request.AdoptionReport.empty();

    public DefaultLocalEcs(EngineConfig config, TimeSource timeSource, ContainerRuntime runtime,
                           RandomGenerator random) {
        this(config, timeSource, runtime, random, null);
    }

    /** @param loadBalancing the load balancing backend, or null for none */
    public DefaultLocalEcs(EngineConfig config, TimeSource timeSource, ContainerRuntime runtime,
                           RandomGenerator random, io.ecs4j.spi.loadbalancer.LoadBalancing loadBalancing) {
        this.loadBalancing = loadBalancing;
        this.config = Objects.requireNonNull(config, "config");
        this.ownsTimeSource = timeSource == null;
        this.timeSource = timeSource != null ? timeSource : TimeSource.system();
        this.runtime = runtime != null ? runtime : discoverRuntime();
        // Seeded by default under a VirtualClock (reproducible runs); from the system's entropy otherwise, so that ids
        // of a restarted process do not repeat those of containers it re-adopts.
        this.ids = new Ids(random != null ? random
                : this.timeSource instanceof io.ecs4j.time.VirtualClock ? new SplittableRandom(42)
                : new java.security.SecureRandom());
        this.registry = new TaskDefinitionRegistry(config.region(), config.accountId(), this.timeSource.clock());
    }

    private static ContainerRuntime discoverRuntime() {
        List<RuntimeProvider> providers = new ArrayList<>();
        ServiceLoader.load(RuntimeProvider.class).forEach(providers::add);
        if (providers.isEmpty()) {
            throw new IllegalStateException("No container runtime found. Add io.ecs4j:ecs-inmemory-runtime (or"
                    + " ecs-docker-runtime) to the class path, or pass one with LocalEcs.builder().runtime(...).");
        }
        providers.sort((a, b) -> Integer.compare(b.priority(), a.priority()));
        if (providers.size() > 1 && providers.get(0).priority() == providers.get(1).priority()) {
            throw new IllegalStateException("Two container runtimes have the same priority "
                    + providers.get(0).priority() + ": " + providers.get(0).name() + " and " + providers.get(1).name()
                    + ". Choose one with LocalEcs.builder().runtime(...).");
        }
        return providers.get(0).create();
    }

    // ------------------------------------------------------------------ internals for the engine

    EngineConfig config() {
        return config;
    }

    Ids ids() {
        return ids;
    }

    TaskDefinitionRegistry registry() {
        return registry;
    }

    TaskOperations taskOps() {
        return taskOps;
    }

    /** The load balancing backend, or null. */
    io.ecs4j.spi.loadbalancer.LoadBalancing loadBalancing() {
        return loadBalancing;
    }

    private void onTargetEvent(io.ecs4j.spi.loadbalancer.TargetEvent event) {
        if (state != State.RUNNING) {
            return;
        }
        String clusterName = event.taskArn().clusterName();
        ClusterContext cluster = clusterName == null ? null : clusters.get(clusterName);
        if (cluster == null) {
            return;
        }
        try {
            cluster.execute(() -> cluster.onTargetEvent(event));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            Log.LOG.log(System.Logger.Level.DEBUG, "load balancer event after close: {0}", event);
        }
    }

    void publish(List<EcsEvent> events) {
        if (events.isEmpty() || listeners.isEmpty()) {
            return;
        }
        for (EcsEvent event : events) {
            for (Consumer<EcsEvent> listener : listeners) {
                try {
                    listener.accept(event);
                } catch (RuntimeException e) {
                    Log.LOG.log(System.Logger.Level.WARNING, "an EcsEvent listener failed", e);
                }
            }
        }
    }

    private void onRuntimeEvent(RuntimeEvent event) {
        if (state != State.RUNNING) {
            return; // closing: the runtime may still report what it was doing
        }
        String clusterName = event.taskArn().clusterName();
        ClusterContext cluster = clusterName == null ? null : clusters.get(clusterName);
        if (cluster == null) {
            Log.LOG.log(System.Logger.Level.DEBUG, "runtime event for an unknown cluster: {0}", event);
            return;
        }
        try {
            cluster.execute(() -> cluster.onRuntimeEvent(event));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            Log.LOG.log(System.Logger.Level.DEBUG, "runtime event after close: {0}", event);
        }
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public LocalEcs start() {
        synchronized (lifecycleLock) {
            if (state != State.NEW) {
                throw new IllegalStateException("LocalEcs can be started once; it is " + state);
            }
            try {
                runtime.start(new RuntimeContext(timeSource, this::onRuntimeEvent));
                if (loadBalancing != null) {
                    loadBalancing.start(new io.ecs4j.spi.loadbalancer.LoadBalancingContext(timeSource,
                            this::onTargetEvent));
                }
                state = State.RUNNING;
                if (config.createDefaultCluster()) {
                    createCluster("default");
                }
                adoption = new Adoption(this, instanceOps).adopt(runtime.discover());
            } catch (RuntimeException e) {
                failureCause = e;
                state = State.FAILED;
                throw e;
            }
        }
        return this;
    }

    @Override
    public io.ecs4j.request.AdoptionReport adoption() {
        return adoption;
    }

    /** The cluster called {@code name}, created (ACTIVE) when missing. */
    ClusterContext ensureCluster(String name) {
        ClusterContext existing = clusters.get(name);
        if (existing != null) {
            return existing;
        }
        createCluster(name);
        return clusters.get(name);
    }

    @Override
    public State state() {
        return state;
    }

    @Override
    public Throwable failureCause() {
        return failureCause;
    }

    @Override
    public void close() {
        synchronized (lifecycleLock) {
            if (state == State.TERMINATED) {
                return;
            }
            boolean started = state == State.RUNNING || state == State.FAILED;
            state = State.TERMINATED;
            if (started) {
                if (loadBalancing != null) {
                    loadBalancing.close();
                }
                runtime.close();
            }
            for (ClusterContext cluster : clusters.values()) {
                cluster.loop.close();
            }
            if (ownsTimeSource) {
                timeSource.close();
            }
        }
    }

    private void requireRunning() {
        if (state != State.RUNNING) {
            throw new IllegalStateException("LocalEcs is " + state + "; call start() first"
                    + (state == State.TERMINATED ? " (it was closed)" : ""));
        }
    }

    @Override
    public String region() {
        return config.region();
    }

    @Override
    public String accountId() {
        return config.accountId();
    }

    @Override
    public TimeSource timeSource() {
        return timeSource;
    }

    @Override
    public ContainerRuntime runtime() {
        return runtime;
    }

    @Override
    public AutoCloseable subscribe(Consumer<EcsEvent> listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    // ------------------------------------------------------------------ cluster resolution

    /** The cluster named by {@code ref} (name, ARN or null for default). */
    ClusterContext cluster(String ref) {
        requireRunning();
        String name = clusterName(ref);
        ClusterContext cluster = clusters.get(name);
        if (cluster == null) {
            throw EcsException.clusterNotFound();
        }
        return cluster;
    }

    private String clusterName(String ref) {
        if (ref == null || ref.isEmpty()) {
            return "default";
        }
        if (ArnParts.isArn(ref)) {
            ClusterArn arn = ClusterArn.parse(ref);
            if (!arn.accountId().equals(config.accountId()) || !arn.region().equals(config.region())) {
                throw EcsException.clusterNotFound();
            }
            return arn.clusterName();
        }
        return ref;
    }

    // ------------------------------------------------------------------ clusters

    @Override
    public Cluster createCluster(String clusterName) {
        return createCluster(CreateClusterRequest.builder().clusterName(clusterName).build());
    }

    @Override
    public Cluster createCluster(CreateClusterRequest request) {
        requireRunning();
        String name = request.clusterName() == null ? "default" : request.clusterName();
        if (!CLUSTER_NAME.matcher(name).matches()) {
            throw EcsException.invalidParameter("clusterName", "Cluster name can have up to 255 letters (uppercase"
                    + " and lowercase), numbers, underscores, and hyphens.");
        }
        var tags = Tags.validate(request.tags(), "tags");
        ClusterContext created = clusters.computeIfAbsent(name, n -> {
            ClusterContext c = new ClusterContext(this, n, tags, request.settings());
            clusterOrder.add(n);
            return c;
        });
        return created.call(() -> {
            if (created.status == ClusterStatus.INACTIVE) {
                created.reactivate(tags, request.settings());
            }
            created.clusterChanged();
            return null;
        }) == null ? created.view() : created.view();
    }

    @Override
    public Cluster deleteCluster(String cluster) {
        ClusterContext c = cluster(cluster);
        return c.call(c::delete);
    }

    @Override
    public DescribeResult<Cluster> describeClusters(List<String> refs) {
        requireRunning();
        List<String> names = refs == null || refs.isEmpty() ? List.of("default") : refs;
        if (names.size() > 100) {
            throw EcsException.invalidParameter("clusters", "clusters can have at most 100 items.");
        }
        List<Cluster> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String ref : names) {
            String name;
            try {
                name = clusterName(ref);
            } catch (EcsException e) {
                failures.add(Failure.missing(ref));
                continue;
            }
            ClusterContext c = clusters.get(name);
            if (c == null) {
                failures.add(Failure.missing(new ClusterArn(config.region(), config.accountId(), name).toString()));
            } else {
                found.add(c.view());
            }
        }
        return new DescribeResult<>(found, failures);
    }

    @Override
    public Page<String> listClusters(Integer maxResults, String nextToken) {
        requireRunning();
        List<String> arns = new ArrayList<>();
        for (String name : clusterOrder) {
            arns.add(clusters.get(name).arn.toString());
        }
        return Pagination.page(arns, arn -> arn, maxResults, nextToken, "ListClusters", 100, 100);
    }

    @Override
    public Optional<Cluster> findCluster(String cluster) {
        requireRunning();
        ClusterContext c = clusters.get(clusterName(cluster));
        return c == null ? Optional.empty() : Optional.of(c.view());
    }

    // ------------------------------------------------------------------ container instances

    @Override
    public ContainerInstance registerContainerInstance(RegisterContainerInstanceRequest request) {
        Objects.requireNonNull(request, "request");
        ClusterContext c = cluster(request.cluster());
        return c.call(() -> instanceOps.register(c, request));
    }

    @Override
    public ContainerInstance deregisterContainerInstance(String cluster, String containerInstance, boolean force) {
        ClusterContext c = cluster(cluster);
        return c.call(() -> instanceOps.deregister(c, containerInstance, force));
    }

    @Override
    public DescribeResult<ContainerInstance> describeContainerInstances(String cluster, List<String> instances) {
        ClusterContext c = cluster(cluster);
        return instanceOps.describe(c, instances);
    }

    @Override
    public Page<String> listContainerInstances(ListContainerInstancesRequest request) {
        Objects.requireNonNull(request, "request");
        ClusterContext c = cluster(request.cluster());
        return instanceOps.list(c, request);
    }

    @Override
    public UpdateContainerInstancesStateResult updateContainerInstancesState(String cluster, List<String> instances,
                                                                             ContainerInstanceStatus status) {
        Objects.requireNonNull(status, "status");
        ClusterContext c = cluster(cluster);
        return c.call(() -> instanceOps.updateState(c, instances, status));
    }

    @Override
    public ContainerInstance setAgentConnected(String cluster, String containerInstance, boolean connected) {
        ClusterContext c = cluster(cluster);
        return c.call(() -> instanceOps.setAgentConnected(c, containerInstance, connected));
    }

    @Override
    public Optional<ContainerInstance> findContainerInstance(String cluster, String containerInstance) {
        DescribeResult<ContainerInstance> r = describeContainerInstances(cluster, List.of(containerInstance));
        return r.items().isEmpty() ? Optional.empty() : Optional.of(r.items().get(0));
    }

    @Override
    public List<io.ecs4j.model.Attribute> putAttributes(String cluster, List<io.ecs4j.model.Attribute> attributes) {
        ClusterContext c = cluster(cluster);
        return c.call(() -> instanceOps.putAttributes(c, attributes));
    }

    @Override
    public List<io.ecs4j.model.Attribute> deleteAttributes(String cluster, List<io.ecs4j.model.Attribute> attributes) {
        ClusterContext c = cluster(cluster);
        return c.call(() -> instanceOps.deleteAttributes(c, attributes));
    }

    @Override
    public Page<io.ecs4j.model.Attribute> listAttributes(io.ecs4j.request.ListAttributesRequest request) {
        Objects.requireNonNull(request, "request");
        ClusterContext c = cluster(request.cluster());
        return instanceOps.listAttributes(c, request);
    }

    // ------------------------------------------------------------------ tags

    @Override
    public List<io.ecs4j.model.Tag> listTagsForResource(String resourceArn) {
        requireRunning();
        return resourceTags.list(resourceArn);
    }

    @Override
    public void tagResource(String resourceArn, List<io.ecs4j.model.Tag> tags) {
        requireRunning();
        resourceTags.tag(resourceArn, tags);
    }

    @Override
    public void untagResource(String resourceArn, List<String> tagKeys) {
        requireRunning();
        resourceTags.untag(resourceArn, tagKeys);
    }

    // ------------------------------------------------------------------ task definitions

    @Override
    public TaskDefinition registerTaskDefinition(TaskDefinition taskDefinition) {
        requireRunning();
        Objects.requireNonNull(taskDefinition, "taskDefinition");
        return registry.register(taskDefinition, "arn:aws:iam::" + config.accountId() + ":root");
    }

    @Override
    public TaskDefinition deregisterTaskDefinition(String taskDefinition) {
        requireRunning();
        return registry.deregister(taskDefinition);
    }

    @Override
    public TaskDefinition describeTaskDefinition(String taskDefinition) {
        requireRunning();
        return registry.describe(taskDefinition);
    }

    @Override
    public Page<String> listTaskDefinitions(ListTaskDefinitionsRequest request) {
        requireRunning();
        return registry.list(request);
    }

    @Override
    public Page<String> listTaskDefinitionFamilies(ListTaskDefinitionFamiliesRequest request) {
        requireRunning();
        return registry.listFamilies(request);
    }

    @Override
    public DeleteTaskDefinitionsResult deleteTaskDefinitions(List<String> taskDefinitions) {
        requireRunning();
        DeleteTaskDefinitionsResult result = registry.delete(taskDefinitions);
        purgeDeletedTaskDefinitions();
        return result;
    }

    /**
     * Removes the DELETE_IN_PROGRESS task definitions that no task (until it is forgotten after its retention) and no
     * service deployment references any more. Called after DeleteTaskDefinitions, when a task is forgotten and when a
     * service drops a deployment; reads the clusters' published views, so any thread may call it.
     */
    void purgeDeletedTaskDefinitions() {
        if (!registry.hasDeletionsInProgress()) {
            return;
        }
        Set<String> referenced = new HashSet<>();
        for (ClusterContext cluster : clusters.values()) {
            for (Task task : cluster.taskViews.values()) {
                referenced.add(task.taskDefinitionArn().toString());
            }
            for (io.ecs4j.model.Service service : cluster.services.scheduler.views()) {
                if (service.taskDefinition() != null) {
                    referenced.add(service.taskDefinition().toString());
                }
                for (io.ecs4j.model.Deployment d : service.deployments()) {
                    referenced.add(d.taskDefinition().toString());
                }
            }
        }
        registry.purgeDeleted(referenced::contains);
    }

    // ------------------------------------------------------------------ tasks

    @Override
    public RunTaskResult runTask(RunTaskRequest request) {
        Objects.requireNonNull(request, "request");
        ClusterContext c = cluster(request.cluster());
        return c.call(() -> taskOps.runTask(c, request));
    }

    @Override
    public io.ecs4j.request.PlacementPlan plan(RunTaskRequest request) {
        Objects.requireNonNull(request, "request");
        ClusterContext c = cluster(request.cluster());
        return c.call(() -> c.placement.plan(taskOps.placementRequest(c, request)));
    }

    @Override
    public io.ecs4j.request.PlacementExplanation explain(RunTaskRequest request) {
        Objects.requireNonNull(request, "request");
        ClusterContext c = cluster(request.cluster());
        return c.call(() -> c.placement.explain(taskOps.placementRequest(c, request).withCount(1)));
    }

    @Override
    public RunTaskResult startTask(StartTaskRequest request) {
        Objects.requireNonNull(request, "request");
        ClusterContext c = cluster(request.cluster());
        return c.call(() -> taskOps.startTask(c, request));
    }

    @Override
    public Task stopTask(String cluster, String task, String reason) {
        ClusterContext c = cluster(cluster);
        return c.call(() -> taskOps.stopTask(c, task, reason));
    }

    @Override
    public DescribeResult<Task> describeTasks(String cluster, List<String> tasks) {
        ClusterContext c = cluster(cluster);
        return taskOps.describeTasks(c, tasks, true);
    }

    @Override
    public Page<String> listTasks(ListTasksRequest request) {
        Objects.requireNonNull(request, "request");
        ClusterContext c = cluster(request.cluster());
        return taskOps.listTasks(c, request);
    }

    @Override
    public Optional<Task> findTask(String cluster, String task) {
        ClusterContext c = cluster(cluster);
        String id = TaskOperations.taskId(c, task);
        return id == null ? Optional.empty() : Optional.ofNullable(c.taskViews.get(id));
    }

    @Override
    public List<LogEntry> logs(String cluster, String task, String containerName) {
        ClusterContext c = cluster(cluster);
        Task t = findTask(cluster, task).orElseThrow(() ->
                EcsException.invalidParameter("task", "The referenced task was not found."));
        if (t.container(containerName) == null) {
            throw EcsException.invalidParameter("containerName", "The task has no container named '"
                    + containerName + "'.");
        }
        ContainerHandle handle = c.handle(t, containerName);
        try {
            return runtime.logs(handle).toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UnsupportedOperationException) {
                throw EcsException.unsupported("The " + runtime.name() + " runtime does not keep container logs.");
            }
            if (e.getCause() instanceof IllegalArgumentException) {
                return List.of();
            }
            throw e;
        }
    }

    // ------------------------------------------------------------------ services

    @Override
    public Service createService(CreateServiceRequest request) {
        Objects.requireNonNull(request, "request");
        ClusterContext c = cluster(request.cluster());
        return c.call(() -> {
            c.requireActive();
            return c.services.scheduler.create(request);
        });
    }

    @Override
    public Service updateService(UpdateServiceRequest request) {
        Objects.requireNonNull(request, "request");
        ClusterContext c = cluster(request.cluster());
        return c.call(() -> c.services.scheduler.update(request));
    }

    @Override
    public Service deleteService(String cluster, String service, boolean force) {
        ClusterContext c = cluster(cluster);
        return c.call(() -> c.services.scheduler.delete(service, force));
    }

    @Override
    public DescribeResult<Service> describeServices(String cluster, List<String> services) {
        ClusterContext c = cluster(cluster);
        return c.services.describe(services);
    }

    @Override
    public Page<String> listServices(ListServicesRequest request) {
        Objects.requireNonNull(request, "request");
        ClusterContext c = cluster(request.cluster());
        return c.services.list(request);
    }

    @Override
    public Optional<Service> findService(String cluster, String service) {
        ClusterContext c = cluster(cluster);
        String name = c.services.scheduler.serviceName(service);
        return name == null ? Optional.empty() : Optional.ofNullable(c.services.scheduler.view(name));
    }
}
