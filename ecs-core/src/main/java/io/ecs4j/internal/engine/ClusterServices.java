package io.ecs4j.internal.engine;

import io.ecs4j.EcsException;
import io.ecs4j.internal.placement.PlacementOutcome;
import io.ecs4j.internal.placement.PlacementRequest;
import io.ecs4j.internal.reconcile.LaunchBackoff;
import io.ecs4j.internal.reconcile.LaunchResult;
import io.ecs4j.internal.reconcile.ObservedTask;
import io.ecs4j.internal.reconcile.SchedulerHost;
import io.ecs4j.internal.reconcile.ServiceLaunch;
import io.ecs4j.internal.reconcile.ServiceScheduler;
import io.ecs4j.internal.util.Pagination;
import io.ecs4j.model.Attribute;
import io.ecs4j.model.ContainerInstanceStatus;
import io.ecs4j.model.DesiredStatus;
import io.ecs4j.model.EcsEvent;
import io.ecs4j.model.Failure;
import io.ecs4j.model.LaunchType;
import io.ecs4j.model.NetworkConfiguration;
import io.ecs4j.model.PlacementConstraint;
import io.ecs4j.model.PlacementConstraintType;
import io.ecs4j.model.PlacementStrategy;
import io.ecs4j.model.Service;
import io.ecs4j.model.ServiceArn;
import io.ecs4j.model.ServiceStatus;
import io.ecs4j.model.Tag;
import io.ecs4j.model.TaskDefinition;
import io.ecs4j.model.TaskStopCode;
import io.ecs4j.request.DescribeResult;
import io.ecs4j.request.ListServicesRequest;
import io.ecs4j.request.Page;
import io.ecs4j.time.Cancellable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The services of one cluster, wired to its task engine: the {@link SchedulerHost} the {@link ServiceScheduler} runs
 * on, the hooks {@link ClusterContext} calls when tasks and instances change, and the service read operations.
 * Loop-confined, except the reads, which use the scheduler's published views.
 */
final class ClusterServices implements SchedulerHost {
    private final ClusterContext cluster;
    private final TaskOperations taskOps;
    final ServiceScheduler scheduler;
    private final Set<TaskRun> touched = new LinkedHashSet<>();
    private final Set<String> unusable = new HashSet<>();
    private final Set<String> unusableView = Collections.unmodifiableSet(unusable);
    private boolean reconciling;

    ClusterServices(ClusterContext cluster, TaskOperations taskOps) {
        this.cluster = cluster;
        this.taskOps = taskOps;
        this.scheduler = new ServiceScheduler(this, cluster.arn, LaunchBackoff.ECS);
    }

    // ------------------------------------------------------------------ hooks from ClusterContext (loop)

    /** A task changed; service tasks are re-observed before the next reconciliation. */
    void taskChanged(TaskRun task) {
        if (scheduler.isServiceGroup(task.facts.group())) {
            touched.add(task);
        }
    }

    /** A task reached STOPPED: it freed resources. */
    void taskStopped(TaskRun task) {
        scheduler.capacityFreed();
    }

    /** A container instance changed (registered, status, agent, attributes). */
    void instanceChanged(String instanceId) {
        InstanceState instance = cluster.instances.get(instanceId);
        if (instance != null && instance.status == ContainerInstanceStatus.ACTIVE) {
            unusable.remove(instanceId);
        } else {
            unusable.add(instanceId);
        }
        scheduler.instancesChanged();
    }

    /** Reconciles the services that changed in this command. Called by {@link ClusterContext#flush()}. */
    void reconcile() {
        if (reconciling) {
            return;
        }
        reconciling = true;
        try {
            scheduler.reconcile();
            if (scheduler.takeCountsChanged()) {
                cluster.clusterChanged();
            }
        } finally {
            reconciling = false;
        }
    }

    List<EcsEvent> takeEvents() {
        return scheduler.takeEvents();
    }

    int activeCount() {
        return scheduler.activeCount();
    }

    boolean hasActiveOrDraining() {
        return scheduler.hasActiveOrDraining();
    }

    // ------------------------------------------------------------------ reads (any thread)

    DescribeResult<Service> describe(List<String> refs) {
        if (refs == null || refs.isEmpty()) {
            throw EcsException.invalidParameter("services", "Services cannot be empty.");
        }
        if (refs.size() > 10) {
            throw EcsException.invalidParameter("services", "services can have at most 10 items.");
        }
        List<Service> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String ref : refs) {
            String name = scheduler.serviceName(ref);
            Service view = name == null ? null : scheduler.view(name);
            if (view == null) {
                failures.add(Failure.missing(ref.startsWith("arn:") ? ref
                        : new ServiceArn(cluster.arn.region(), cluster.arn.accountId(), cluster.name, ref).toString()));
            } else {
                found.add(view);
            }
        }
        return new DescribeResult<>(found, failures);
    }

    Page<String> list(ListServicesRequest request) {
        List<String> arns = new ArrayList<>();
        for (Service s : scheduler.views()) {
            if (s.status() != ServiceStatus.ACTIVE) {
                continue;
            }
            if (request.launchType() != null && request.launchType() != s.launchType()) {
                continue;
            }
            if (request.schedulingStrategy() != null && request.schedulingStrategy() != s.schedulingStrategy()) {
                continue;
            }
            arns.add(s.serviceArn().toString());
        }
        return Pagination.page(arns, arn -> arn, request.maxResults(), request.nextToken(), "ListServices|" + cluster.name
                + "|" + request.launchType() + "|" + request.schedulingStrategy(), 10, 100);
    }

    // ------------------------------------------------------------------ SchedulerHost (loop)

    @Override
    public Instant now() {
        return cluster.clock().instant();
    }

    @Override
    public void collectObservations() {
        while (!touched.isEmpty()) {
            List<TaskRun> batch = new ArrayList<>(touched);
            touched.clear();
            for (TaskRun t : batch) {
                ObservedTask observed = new ObservedTask(t.id(), t.facts.startedBy(), t.facts.containerInstanceId(),
                        t.lastStatus, t.desiredStatus, t.health, t.hasEssentialHealthCheck(), t.startedAt(), false,
                        t.targetsHealth(), t.unhealthyTargetGroup());
                scheduler.observe(t.facts.group(), observed, t.stopCode, t.stoppedReason);
            }
        }
    }

    @Override
    public List<AdoptedTask> adoptedTasks(String group) {
        List<AdoptedTask> result = new ArrayList<>();
        for (Long seq : cluster.taskOrder.keySet()) {
            TaskRun t = cluster.tasks.get(cluster.taskOrder.get(seq));
            if (t != null && t.adopted && group.equals(t.facts.group()) && t.desiredStatus == DesiredStatus.RUNNING
                    && t.facts.startedBy() != null && t.facts.startedBy().startsWith("ecs-svc/")) {
                result.add(new AdoptedTask(t.id(), t.facts.startedBy(), t.facts.taskDefinition()));
            }
        }
        return result;
    }

    @Override
    public void touch(List<String> taskIds) {
        for (String id : taskIds) {
            TaskRun t = cluster.tasks.get(id);
            if (t != null) {
                touched.add(t);
            }
        }
    }

    @Override
    public List<Tag> validateTags(List<Tag> tags) {
        return Tags.validate(tags, "tags");
    }

    @Override
    public String newDeploymentId() {
        return "ecs-svc/" + cluster.ecs.ids().digits19();
    }

    @Override
    public String newEventId() {
        return cluster.ecs.ids().uuid();
    }

    @Override
    public TaskDefinition resolveTaskDefinition(String ref) {
        return cluster.ecs.registry().resolveForLaunch(ref);
    }

    @Override
    public void validateLaunch(TaskDefinition taskDefinition, LaunchType launchType, NetworkConfiguration nc,
                               List<PlacementConstraint> constraints, List<PlacementStrategy> strategies) {
        TaskOperations.validateServiceLaunch(taskDefinition, launchType, nc, constraints, strategies);
    }

    @Override
    public boolean loadBalancingEnabled() {
        return cluster.ecs.loadBalancing() != null;
    }

    @Override
    public java.util.Optional<io.ecs4j.spi.loadbalancer.TargetGroup> findTargetGroup(String targetGroupArn) {
        io.ecs4j.spi.loadbalancer.LoadBalancing lb = cluster.ecs.loadBalancing();
        return lb == null ? java.util.Optional.empty() : lb.findTargetGroup(targetGroupArn);
    }

    @Override
    public LaunchResult launch(ServiceLaunch service, int count) {
        TaskOperations.Launch launch = taskOps.serviceLaunch(service);
        List<String> ids = new ArrayList<>(count);
        if (service.launchType() == LaunchType.FARGATE) {
            for (int i = 0; i < count; i++) {
                ids.add(taskOps.createServiceTask(cluster, launch, null, service).id());
            }
            return new LaunchResult(ids, null, null, false);
        }
        PlacementOutcome outcome = cluster.placement.place(new PlacementRequest(count, service.group(),
                launch.footprint(), service.placementConstraints(), service.placementStrategy(),
                requiredAttributes(service.taskDefinition())));
        for (String instanceId : outcome.instanceIds()) {
            ids.add(taskOps.createServiceTask(cluster, launch, cluster.instances.get(instanceId), service).id());
        }
        if (outcome.noInstances()) {
            return new LaunchResult(ids, null, null, true);
        }
        if (outcome.failures().isEmpty()) {
            return new LaunchResult(ids, null, null, false);
        }
        Failure failure = outcome.failures().get(0);
        String instanceArn = failure.arn();
        if (instanceArn == null || !instanceArn.contains(":container-instance/")) {
            return new LaunchResult(ids, null, null, true);
        }
        return new LaunchResult(ids, instanceArn.substring(instanceArn.lastIndexOf('/') + 1), failure.reason(), false);
    }

    @Override
    public LaunchResult launchOn(ServiceLaunch service, String instanceId) {
        TaskOperations.Launch launch = taskOps.serviceLaunch(service);
        InstanceState instance = cluster.instances.get(instanceId);
        if (instance == null || instance.status != ContainerInstanceStatus.ACTIVE) {
            return new LaunchResult(List.of(), instanceId, "INACTIVE", false);
        }
        // As StartTask: placement restricted to the one instance (resources, ports, attributes, constraints).
        List<PlacementConstraint> constraints = new ArrayList<>(service.placementConstraints());
        constraints.add(PlacementConstraint.memberOf("ec2InstanceId == " + instance.ec2InstanceId));
        PlacementRequest request = new PlacementRequest(1, service.group(), launch.footprint(), constraints, List.of(),
                requiredAttributes(service.taskDefinition()));
        PlacementOutcome outcome = cluster.placement.place(request);
        if (outcome.instanceIds().isEmpty()) {
            // The reason that instance was rejected (the closest failure over the cluster could name another filter).
            String reason = "ATTRIBUTE";
            for (var candidate : cluster.placement.explain(request).candidates()) {
                if (candidate.containerInstanceArn().equals(instance.arn.toString()) && candidate.rejection() != null) {
                    reason = candidate.rejection();
                }
            }
            return new LaunchResult(List.of(), instanceId, reason, false);
        }
        return new LaunchResult(List.of(taskOps.createServiceTask(cluster, launch, instance, service).id()), null, null,
                false);
    }

    @Override
    public void stop(String taskId, TaskStopCode code, String reason) {
        TaskRun task = cluster.tasks.get(taskId);
        if (task != null) {
            task.requestStop(code, reason);
        }
    }

    @Override
    public List<String> scaleInOrder(String group, List<String> candidates, List<PlacementStrategy> strategies) {
        return cluster.placement.scaleInOrder(group, candidates, strategies);
    }

    @Override
    public Set<String> unusableInstances() {
        return unusableView;
    }

    @Override
    public List<String> eligibleInstances(List<PlacementConstraint> constraints, Set<String> requiredAttributes) {
        List<Set<String>> memberOf = new ArrayList<>();
        for (PlacementConstraint c : constraints) {
            if (c.type() == PlacementConstraintType.MEMBER_OF) {
                memberOf.add(new HashSet<>(cluster.placement.filterInstances(c.expression())));
            }
        }
        List<String> eligible = new ArrayList<>();
        for (InstanceState instance : cluster.instances.values()) {
            if (instance.status != ContainerInstanceStatus.ACTIVE
                    || !instance.attributes.keySet().containsAll(requiredAttributes)) {
                continue;
            }
            boolean matches = true;
            for (Set<String> members : memberOf) {
                matches &= members.contains(instance.id());
            }
            if (matches) {
                eligible.add(instance.id());
            }
        }
        return eligible;
    }

    @Override
    public Set<String> drainingInstancesRunning(Set<String> replicaGroups) {
        Set<String> busy = new HashSet<>();
        for (InstanceState instance : cluster.instances.values()) {
            if (instance.status != ContainerInstanceStatus.DRAINING) {
                continue;
            }
            for (TaskRun t : cluster.activeTasksByInstance.getOrDefault(instance.id(), Set.of())) {
                if (t.desiredStatus == DesiredStatus.RUNNING && replicaGroups.contains(t.facts.group())) {
                    busy.add(instance.id());
                    break;
                }
            }
        }
        return busy;
    }

    @Override
    public void deploymentsReleased() {
        cluster.purgeTaskDefinitions = true;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        return cluster.schedule(delay, action);
    }

    private static Set<String> requiredAttributes(TaskDefinition td) {
        Set<String> names = new LinkedHashSet<>();
        for (Attribute a : td.requiresAttributes()) {
            names.add(a.name());
        }
        return names;
    }
}
