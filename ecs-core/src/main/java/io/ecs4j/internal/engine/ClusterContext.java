package io.ecs4j.internal.engine;

import io.ecs4j.EcsErrorCode;
import io.ecs4j.EcsException;
import io.ecs4j.internal.placement.PlacementEngine;
import io.ecs4j.model.Cluster;
import io.ecs4j.model.ClusterArn;
import io.ecs4j.model.ClusterSetting;
import io.ecs4j.model.ClusterStatus;
import io.ecs4j.model.ContainerInstance;
import io.ecs4j.model.ContainerInstanceStatus;
import io.ecs4j.model.EcsEvent;
import io.ecs4j.model.Tag;
import io.ecs4j.model.Task;
import io.ecs4j.model.TaskStatus;
import io.ecs4j.spi.runtime.ContainerHandle;
import io.ecs4j.spi.runtime.ContainerRuntime;
import io.ecs4j.spi.runtime.RuntimeEvent;
import io.ecs4j.time.Cancellable;
import io.ecs4j.time.ControlLoop;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * One cluster: its control loop, the state only that loop mutates, and the immutable views everybody else reads.
 *
 * <p>Every change runs as a command on {@link #loop}; at the end of each command the changed tasks, instances and
 * the cluster record are republished and listeners are told ({@link #flush()}).
 */
final class ClusterContext implements TaskHost {
    final String name;
    final ClusterArn arn;
    final ControlLoop loop;
    final DefaultLocalEcs ecs;
    final PlacementEngine placement;
    final ClusterServices services;
    /** A task was forgotten or a service dropped a deployment: purge unreferenced deleted task definitions. */
    boolean purgeTaskDefinitions;

    // ---- loop-confined state
    ClusterStatus status = ClusterStatus.ACTIVE;
    List<Tag> tags;
    List<ClusterSetting> settings;
    final Map<String, InstanceState> instances = new LinkedHashMap<>();
    final Map<String, TaskRun> tasks = new HashMap<>();
    final Map<String, Set<TaskRun>> activeTasksByInstance = new HashMap<>();
    private int runningTasks;
    private int pendingTasks;
    long taskSequence;
    final Map<String, ClientTokenEntry> clientTokens = new HashMap<>();
    private final Set<TaskRun> dirtyTasks = new LinkedHashSet<>();
    /** ARN strings of the revisions launched in this cluster (loop-confined; one entry per revision). */
    private final java.util.Map<io.ecs4j.model.TaskDefinitionArn, String> taskDefinitionArns = new java.util.HashMap<>();
    private final Set<String> dirtyInstances = new LinkedHashSet<>();
    private boolean clusterDirty = true;

    // ---- published views (thread-safe reads)
    private volatile Cluster view;
    final ConcurrentHashMap<String, Task> taskViews = new ConcurrentHashMap<>();
    final ConcurrentSkipListMap<Long, String> taskOrder = new ConcurrentSkipListMap<>();
    final ConcurrentHashMap<String, ContainerInstance> instanceViews = new ConcurrentHashMap<>();
    final CopyOnWriteArrayList<String> instanceOrder = new CopyOnWriteArrayList<>();

    /** What a RunTask clientToken was first used for. */
    record ClientTokenEntry(Object requestKey, List<String> taskIds) {
    }

    ClusterContext(DefaultLocalEcs ecs, String name, List<Tag> tags, List<ClusterSetting> settings) {
        this.ecs = ecs;
        this.name = name;
        this.arn = new ClusterArn(ecs.config().region(), ecs.config().accountId(), name);
        this.loop = ecs.timeSource().newLoop("cluster-" + name);
        this.placement = new PlacementEngine(new SplittableRandom(ecs.ids().hex32().hashCode()));
        this.tags = List.copyOf(tags);
        this.settings = List.copyOf(settings);
        this.services = new ClusterServices(this, ecs.taskOps());
        this.view = buildView();
    }

    // ------------------------------------------------------------------ running commands

    /** Runs a command on the loop and waits; publishes what changed before returning. */
    <T> T call(Supplier<T> command) {
        return loop.call(() -> {
            try {
                return command.get();
            } finally {
                flush();
            }
        });
    }

    /** Queues a command; publishes what changed after it ran. */
    void execute(Runnable command) {
        loop.execute(() -> {
            try {
                command.run();
            } finally {
                flush();
            }
        });
    }

    Cluster view() {
        return view;
    }

    /** @throws EcsException when the cluster is INACTIVE */
    void requireActive() {
        if (status != ClusterStatus.ACTIVE) {
            throw EcsException.clusterInactive();
        }
    }

    // ------------------------------------------------------------------ TaskHost

    @Override
    public Clock clock() {
        return ecs.timeSource().clock();
    }

    @Override
    public EngineConfig config() {
        return ecs.config();
    }

    @Override
    public ContainerRuntime runtime() {
        return ecs.runtime();
    }

    @Override
    public String taskDefinitionArn(io.ecs4j.model.TaskDefinition taskDefinition) {
        return taskDefinitionArns.computeIfAbsent(taskDefinition.taskDefinitionArn(), Object::toString);
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        return ecs.timeSource().schedule(delay, () -> execute(action));
    }

    @Override
    public void changed(TaskRun task) {
        dirtyTasks.add(task);
        services.taskChanged(task);
        if (task.facts.containerInstanceId() != null) {
            dirtyInstances.add(task.facts.containerInstanceId());
        }
    }

    @Override
    public void statusChanged(TaskRun task, TaskStatus from, TaskStatus to) {
        if (isPending(from) != isPending(to) && isActiveOnInstance(task)) {
            instances.get(task.facts.containerInstanceId()).pendingTasksCount += isPending(to) ? 1 : -1;
        }
        if (isPending(from)) {
            pendingTasks--;
        }
        if (from == TaskStatus.RUNNING) {
            runningTasks--;
        }
        countIn(to);
        clusterDirty = true;
    }

    /** A new task counts as pending from the moment it is created. */
    void added(TaskRun task) {
        tasks.put(task.id(), task);
        taskOrder.put(task.facts.sequence(), task.id());
        if (task.facts.containerInstanceId() != null) {
            if (activeTasksByInstance.computeIfAbsent(task.facts.containerInstanceId(), k -> new LinkedHashSet<>())
                    .add(task)) {
                countOnInstance(task, task.desiredStatus, task.lastStatus, +1);
            }
            placement.addTask(task.id(), task.facts.containerInstanceId(), task.facts.group(), task.facts.footprint());
        }
        countIn(task.lastStatus);
        clusterDirty = true;
        changed(task);
    }

    private void countIn(TaskStatus status) {
        if (isPending(status)) {
            pendingTasks++;
        } else if (status == TaskStatus.RUNNING) {
            runningTasks++;
        }
    }

    private static boolean isPending(TaskStatus status) {
        return status == TaskStatus.PROVISIONING || status == TaskStatus.PENDING || status == TaskStatus.ACTIVATING;
    }

    @Override
    public void stopping(TaskRun task) {
        if (isActiveOnInstance(task)) {
            instances.get(task.facts.containerInstanceId()).runningTasksCount--; // desired status RUNNING -> STOPPED
        }
        if (task.facts.containerInstanceId() != null) {
            placement.markTaskStopping(task.id());
        }
    }

    @Override
    public InstanceState instance(String instanceId) {
        return instanceId == null ? null : instances.get(instanceId);
    }

    @Override
    public void stopped(TaskRun task) {
        String instanceId = task.facts.containerInstanceId();
        if (instanceId != null) {
            Set<TaskRun> onInstance = activeTasksByInstance.get(instanceId);
            if (onInstance != null && onInstance.remove(task)) {
                countOnInstance(task, task.desiredStatus, task.lastStatus, -1);
            }
            placement.removeTask(task.id());
            dirtyInstances.add(instanceId);
        }
        services.taskStopped(task);
        schedule(config().taskRetention(), () -> forget(task));
    }

    private void forget(TaskRun task) {
        tasks.remove(task.id());
        taskViews.remove(task.id());
        taskOrder.remove(task.facts.sequence());
        purgeTaskDefinitions = true; // its task definition may be unreferenced now
        for (ContainerRun c : task.containers) {
            runtime().remove(c.handle);
        }
    }

    @Override
    public io.ecs4j.spi.loadbalancer.LoadBalancing loadBalancing() {
        return ecs.loadBalancing();
    }

    @Override
    public void targetsRegistered(TaskRun task, String targetGroupArn, int count) {
        services.scheduler.targetsRegistered(task.facts.group(), targetGroupArn, count);
    }

    @Override
    public void targetsDeregistered(TaskRun task, String targetGroupArn, int count, boolean draining) {
        services.scheduler.targetsDeregistered(task.facts.group(), targetGroupArn, count, draining);
    }

    @Override
    public void targetUnhealthy(TaskRun task, io.ecs4j.spi.loadbalancer.Target target, String targetGroupArn,
                                String reason) {
        InstanceState instance = instance(task.facts.containerInstanceId());
        boolean ownInterface = task.facts.taskDefinition().networkModeOrDefault() == io.ecs4j.model.NetworkMode.AWSVPC;
        String ec2InstanceId = instance == null || ownInterface ? null : instance.ec2InstanceId;
        services.scheduler.targetUnhealthy(task.facts.group(), ec2InstanceId, target == null ? 0 : target.port(),
                targetGroupArn, reason);
    }

    /** A load balancer reported something about a target of one of this cluster's tasks. */
    void onTargetEvent(io.ecs4j.spi.loadbalancer.TargetEvent event) {
        TaskRun task = tasks.get(event.taskArn().taskId());
        if (task != null) {
            task.onTargetEvent(event);
        }
    }

    // ------------------------------------------------------------------ runtime events

    void onRuntimeEvent(RuntimeEvent event) {
        TaskRun task = tasks.get(event.taskArn().taskId());
        if (task == null) {
            if (event instanceof RuntimeEvent.ContainerEvent ce && !(event instanceof RuntimeEvent.Exited)
                    && !(event instanceof RuntimeEvent.LaunchFailed)) {
                // A container the control plane no longer knows: do not let it run unmanaged.
                runtime().stop(ce.handle(), Duration.ZERO);
            }
            return;
        }
        task.onEvent(event);
    }

    // ------------------------------------------------------------------ publication

    void instanceChanged(String instanceId) {
        dirtyInstances.add(instanceId);
        clusterDirty = true;
        services.instanceChanged(instanceId);
    }

    void clusterChanged() {
        clusterDirty = true;
    }

    /**
     * Reconciles the services this command affected (so a stopped task is replaced in the same loop turn), then
     * republishes what changed and notifies listeners. Runs on the loop.
     */
    void flush() {
        services.reconcile();
        if (purgeTaskDefinitions) {
            purgeTaskDefinitions = false; // after reconcile(): the services' views no longer show what they dropped
            ecs.purgeDeletedTaskDefinitions();
        }
        List<EcsEvent> serviceEvents = services.takeEvents();
        if (dirtyTasks.isEmpty() && dirtyInstances.isEmpty() && !clusterDirty && serviceEvents.isEmpty()) {
            return;
        }
        List<EcsEvent> events = new ArrayList<>();
        var now = clock().instant();
        for (TaskRun task : dirtyTasks) {
            if (!tasks.containsKey(task.id())) {
                continue;
            }
            Task snapshot = task.snapshot();
            taskViews.put(task.id(), snapshot);
            events.add(new EcsEvent.TaskStateChange(now, snapshot));
        }
        dirtyTasks.clear();
        for (String id : dirtyInstances) {
            InstanceState instance = instances.get(id);
            if (instance == null) {
                continue;
            }
            instance.version++;
            ContainerInstance snapshot = instanceSnapshot(instance);
            instanceViews.put(id, snapshot);
            events.add(new EcsEvent.ContainerInstanceStateChange(now, snapshot));
        }
        if (!dirtyInstances.isEmpty()) {
            clusterDirty = true;
        }
        dirtyInstances.clear();
        if (clusterDirty) {
            view = buildView();
            clusterDirty = false;
        }
        events.addAll(serviceEvents);
        ecs.publish(events);
    }

    ContainerInstance instanceSnapshot(InstanceState instance) {
        boolean placeable = instance.status != ContainerInstanceStatus.INACTIVE;
        return instance.snapshot(placeable ? placement.remaining(instance.id()) : null, instance.runningTasksCount,
                instance.pendingTasksCount);
    }

    /** Whether {@code task} is among its instance's active tasks (counted in the instance's task counts). */
    private boolean isActiveOnInstance(TaskRun task) {
        String instanceId = task.facts.containerInstanceId();
        if (instanceId == null) {
            return false;
        }
        Set<TaskRun> onInstance = activeTasksByInstance.get(instanceId);
        return onInstance != null && onInstance.contains(task) && instances.containsKey(instanceId);
    }

    /** Adds ({@code sign} +1) or removes (-1) a task's share of its instance's running and pending counts. */
    private void countOnInstance(TaskRun task, io.ecs4j.model.DesiredStatus desired, TaskStatus status, int sign) {
        InstanceState instance = instances.get(task.facts.containerInstanceId());
        if (instance == null) {
            return;
        }
        if (desired == io.ecs4j.model.DesiredStatus.RUNNING) {
            instance.runningTasksCount += sign;
        }
        if (isPending(status)) {
            instance.pendingTasksCount += sign;
        }
    }

    private Cluster buildView() {
        int registered = 0;
        for (InstanceState i : instances.values()) {
            if (i.status == ContainerInstanceStatus.ACTIVE || i.status == ContainerInstanceStatus.DRAINING) {
                registered++;
            }
        }
        return Cluster.builder()
                .clusterArn(arn)
                .clusterName(name)
                .status(status)
                .registeredContainerInstancesCount(registered)
                .runningTasksCount(runningTasks)
                .pendingTasksCount(pendingTasks)
                .activeServicesCount(services == null ? 0 : services.activeCount())
                .tags(tags)
                .settings(settings)
                .build();
    }

    // ------------------------------------------------------------------ deletion

    /** DeleteCluster's checks, in ECS's order: instances, services, tasks. */
    Cluster delete() {
        if (status == ClusterStatus.INACTIVE) {
            return view;
        }
        if (view.registeredContainerInstancesCount() > 0) {
            throw new EcsException(EcsErrorCode.CLUSTER_CONTAINS_CONTAINER_INSTANCES,
                    "The Cluster cannot be deleted while Container Instances are active or draining.", "cluster");
        }
        if (services.hasActiveOrDraining()) {
            throw new EcsException(EcsErrorCode.CLUSTER_CONTAINS_SERVICES,
                    "The Cluster cannot be deleted while Services are active.", "cluster");
        }
        if (runningTasks + pendingTasks > 0 || tasks.values().stream().anyMatch(t -> !t.isStopped())) {
            throw new EcsException(EcsErrorCode.CLUSTER_CONTAINS_TASKS,
                    "The Cluster cannot be deleted while Tasks are active.", "cluster");
        }
        status = ClusterStatus.INACTIVE;
        clusterDirty = true;
        return buildView();
    }

    /** CreateCluster on an INACTIVE cluster: it becomes ACTIVE again, same ARN. */
    void reactivate(List<Tag> newTags, List<ClusterSetting> newSettings) {
        status = ClusterStatus.ACTIVE;
        tags = List.copyOf(newTags);
        settings = List.copyOf(newSettings);
        clusterDirty = true;
    }

    /** The handle of a container of a task, for logs. */
    ContainerHandle handle(Task task, String containerName) {
        return new ContainerHandle(task.taskArn(), containerName);
    }
}
