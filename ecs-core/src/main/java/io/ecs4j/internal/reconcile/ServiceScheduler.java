package io.ecs4j.internal.reconcile;

import io.ecs4j.model.Attribute;
import io.ecs4j.model.ClusterArn;
import io.ecs4j.model.EcsEvent;
import io.ecs4j.model.LaunchType;
import io.ecs4j.model.PlacementConstraint;
import io.ecs4j.model.PlacementStrategy;
import io.ecs4j.model.RolloutState;
import io.ecs4j.model.Service;
import io.ecs4j.model.ServiceActionType;
import io.ecs4j.model.ServiceStatus;
import io.ecs4j.model.Tag;
import io.ecs4j.model.TaskDefinition;
import io.ecs4j.model.TaskStatus;
import io.ecs4j.model.TaskStopCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The service scheduler of one cluster: holds its services, turns task and instance changes into observations, runs
 * the {@link Reconciler} for the services that changed and applies the plans through its {@link SchedulerHost}.
 *
 * <p>Event-driven: the cluster loop calls {@link #reconcile()} at the end of every command, so a stopped task is
 * replaced in the same loop turn; time-based changes (the 40-second rule, grace periods, launch backoff) wake a
 * service through a timer at the instant the plan names. Everything runs on the cluster's loop except the published
 * reads ({@link #view}, {@link #views()}).
 */
public final class ServiceScheduler {
    /** ECS's default for REPLICA services: spread over zones, then over instances. */
    static final List<PlacementStrategy> DEFAULT_STRATEGY = List.of(
            PlacementStrategy.spread("attribute:ecs.availability-zone"), PlacementStrategy.spread("instanceId"));
    private static final int MAX_PASSES = 32;
    private static final int TASKS_PER_EVENT = ServiceEventLog.TASKS_PER_EVENT;
    /** How often a steady service repeats its steady-state event. */
    static final Duration STEADY_STATE_REPEAT = ServiceEventLog.REPEAT_AFTER;

    final SchedulerHost host;
    final ClusterArn clusterArn;
    private final LaunchBackoff backoff;
    /** The newest service of each name (ACTIVE, DRAINING or INACTIVE), in creation order. */
    final Map<String, ServiceState> byName = new LinkedHashMap<>();
    private final Map<String, ServiceState> byGroup = new HashMap<>();
    private final Set<ServiceState> dirty = new LinkedHashSet<>();
    private final Set<ServiceState> viewDirty = new LinkedHashSet<>();
    private final List<PendingAction> pendingActions = new ArrayList<>();
    private final List<EcsEvent> events = new ArrayList<>();
    long sequence;
    private boolean countsChanged;

    private final ConcurrentHashMap<String, Service> views = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<String> order = new CopyOnWriteArrayList<>();

    /** Load balancer registrations and deregistrations of one service in the current command, recorded as events. */
    private static final class TargetNotes {
        final Map<String, Integer> registered = new LinkedHashMap<>();
        final Map<String, Integer> deregistered = new LinkedHashMap<>();
        int drainingTasks;
    }

    private final Map<ServiceState, TargetNotes> targetNotes = new LinkedHashMap<>();

    private record PendingAction(ServiceState service, ServiceActionType type, String deploymentId, String reason,
                                 Instant time) {
    }

    public ServiceScheduler(SchedulerHost host, ClusterArn clusterArn, LaunchBackoff backoff) {
        this.host = Objects.requireNonNull(host, "host");
        this.clusterArn = Objects.requireNonNull(clusterArn, "clusterArn");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
    }

    // ------------------------------------------------------------------ reads (any thread)

    /** The published service called {@code name}, or null. */
    public Service view(String name) {
        return views.get(name);
    }

    /** The published services, in creation order. */
    public List<Service> views() {
        List<Service> out = new ArrayList<>(order.size());
        for (String name : order) {
            Service s = views.get(name);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ cluster-level facts (loop)

    /** ACTIVE services, for the cluster's {@code activeServicesCount}. */
    public int activeCount() {
        int n = 0;
        for (ServiceState s : byName.values()) {
            n += s.status == ServiceStatus.ACTIVE ? 1 : 0;
        }
        return n;
    }

    /** Whether an ACTIVE or DRAINING service exists (DeleteCluster refuses then). */
    public boolean hasActiveOrDraining() {
        for (ServiceState s : byName.values()) {
            if (s.status != ServiceStatus.INACTIVE) {
                return true;
            }
        }
        return false;
    }

    /** Whether the number of ACTIVE services changed since the last call. */
    public boolean takeCountsChanged() {
        boolean changed = countsChanged;
        countsChanged = false;
        return changed;
    }

    /** The events produced since the last call ({@link EcsEvent.ServiceAction}s), for listeners. */
    public List<EcsEvent> takeEvents() {
        if (events.isEmpty()) {
            return List.of();
        }
        List<EcsEvent> out = List.copyOf(events);
        events.clear();
        return out;
    }

    /**
     * The name of the service {@code ref} names in this cluster: the name itself, or the name in an ARN; null for an
     * ARN of another cluster.
     */
    public String serviceName(String ref) {
        return ServiceRequests.serviceName(this, ref);
    }

    /** Whether {@code group} is the task group of a service of this cluster. */
    public boolean isServiceGroup(String group) {
        return group != null && byGroup.containsKey(group);
    }

    // ------------------------------------------------------------------ operations (loop)

    /** The tags of a service (any status), or null when it does not exist. */
    public List<io.ecs4j.model.Tag> tags(String name) {
        ServiceState s = byName.get(name);
        return s == null ? null : s.tags;
    }

    /** Replaces the tags of an existing service (TagResource / UntagResource). */
    public void setTags(String name, List<io.ecs4j.model.Tag> tags) {
        ServiceState s = byName.get(name);
        if (s != null) {
            s.tags = List.copyOf(tags);
            viewDirty.add(s);
        }
    }

    /** CreateService. */
    public Service create(io.ecs4j.request.CreateServiceRequest request) {
        return ServiceRequests.create(this, request);
    }

    /** UpdateService. */
    public Service update(io.ecs4j.request.UpdateServiceRequest request) {
        return ServiceRequests.update(this, request);
    }

    /** DeleteService. */
    public Service delete(String service, boolean force) {
        return ServiceRequests.delete(this, service, force);
    }

    void register(ServiceState s) {
        byName.remove(s.name);
        byName.put(s.name, s);
        byGroup.put(s.group, s);
        order.remove(s.name);
        order.add(s.name);
        countsChanged = true;
        markDirty(s);
    }

    void markDirty(ServiceState s) {
        dirty.add(s);
        viewDirty.add(s);
    }

    void statusChanged(ServiceState s) {
        countsChanged = true;
        markDirty(s);
    }

    /** A new PRIMARY deployment of {@code s}. */
    DeploymentState newDeployment(ServiceState s, TaskDefinition td, LaunchType launchType, String platformVersion,
                                  io.ecs4j.model.NetworkConfiguration nc, boolean rollback, String reason) {
        return newDeployment(s, td, launchType, platformVersion, nc, rollback, reason, host.newDeploymentId());
    }

    /** A new PRIMARY deployment of {@code s} with a given id (re-adoption keeps the ids tasks were started by). */
    DeploymentState newDeployment(ServiceState s, TaskDefinition td, LaunchType launchType, String platformVersion,
                                  io.ecs4j.model.NetworkConfiguration nc, boolean rollback, String reason, String id) {
        Instant now = host.now();
        DeploymentState d = new DeploymentState(id, td, launchType, platformVersion, nc, now, rollback,
                reason != null ? reason : ServiceMessages.inProgress(id));
        s.addDeployment(d);
        s.steady = false;
        pendingActions.add(new PendingAction(s, ServiceActionType.SERVICE_DEPLOYMENT_IN_PROGRESS, id,
                d.rolloutStateReason, now));
        markDirty(s);
        return d;
    }

    // ------------------------------------------------------------------ observations (loop)

    /**
     * A task of a service changed (or reached STOPPED): update what the scheduler knows.
     *
     * @param group         the task's group
     * @param task          the task now
     * @param stopCode      its stop code, or null
     * @param stoppedReason its stopped reason, or null
     */
    public void observe(String group, ObservedTask task, TaskStopCode stopCode, String stoppedReason) {
        ServiceState s = byGroup.get(group);
        if (s == null) {
            return;
        }
        ObservedTask previous = s.tasks.get(task.taskId());
        if (task.lastStatus() == TaskStatus.STOPPED) {
            if (previous != null || s.deployment(task.deploymentId()) != null) {
                s.remove(task.taskId());
                stoppedTask(s, previous != null ? previous : task, task, stopCode, stoppedReason);
                markDirty(s);
            }
            return;
        }
        if (previous == null && s.deployment(task.deploymentId()) == null) {
            return; // not started by this service (a RunTask in the same group, or a former service of that name)
        }
        ObservedTask merged = previous != null && previous.seenHealthy() ? task.withSeenHealthy() : task;
        if (!merged.differsFrom(previous)) {
            return;
        }
        s.put(merged);
        viewDirty.add(s);
        boolean nowRunning = merged.lastStatus() == TaskStatus.RUNNING
                && (previous == null || previous.lastStatus() != TaskStatus.RUNNING);
        boolean backoffCleared = false;
        if (nowRunning) {
            backoffCleared = s.launchNotBefore != null;
            s.startFailures = 0;
            s.launchNotBefore = null;
            s.impairedReported = false;
        }
        if (onlyTimeRelevant(previous, merged) && !backoffCleared) {
            // Moving up to RUNNING changes no decision by itself: a task counts as healthy only once it passes its
            // health check (its own observation) or has run for 40 seconds. Wake up then instead of reconciling now.
            if (nowRunning && TaskHealth.timeDecides(merged) && merged.startedAt() != null) {
                wakeBy(s, merged.startedAt().plus(TaskHealth.NO_CHECK_WAIT));
            }
            return;
        }
        dirty.add(s);
    }

    /**
     * Whether the change from {@code previous} to {@code now} can only matter later: a known task, still asked to run,
     * with the same health (of its containers and its targets), moving forward before RUNNING or to RUNNING
     * (PROVISIONING, PENDING, ACTIVATING, RUNNING).
     */
    private static boolean onlyTimeRelevant(ObservedTask previous, ObservedTask now) {
        return previous != null && previous.desiredStatus() == now.desiredStatus() && previous.health() == now.health()
                && previous.targets() == now.targets()
                && now.live() && now.lastStatus().compareTo(TaskStatus.RUNNING) <= 0;
    }

    /** Makes sure the service is reconciled at {@code at} at the latest. */
    private void wakeBy(ServiceState s, Instant at) {
        if (s.wakeAt == null || at.isBefore(s.wakeAt)) {
            scheduleWake(s, at, host.now());
        }
    }

    /** Counts failures for the circuit breaker (§5.4) and the launch backoff (§5.7). */
    private void stoppedTask(ServiceState s, ObservedTask last, ObservedTask stopped, TaskStopCode code, String reason) {
        Instant now = host.now();
        DeploymentState d = s.deployment(stopped.deploymentId());
        if (code == TaskStopCode.SERVICE_SCHEDULER_INITIATED && ServiceMessages.isHealthCheckStop(reason)) {
            countFailure(d);
            return;
        }
        if (code != TaskStopCode.TASK_FAILED_TO_START && code != TaskStopCode.ESSENTIAL_CONTAINER_EXITED) {
            return;
        }
        if (stopped.startedAt() == null) {
            countFailure(d);
            if (s.launchNotBefore == null || !now.isBefore(s.launchNotBefore)) {
                s.startFailures++;
                s.launchNotBefore = now.plus(backoff.delay(s.startFailures));
                if (s.startFailures >= backoff.impairedAt() && !s.impairedReported) {
                    s.impairedReported = true;
                    String message = ServiceMessages.startImpaired(s.name);
                    if (event(s, message, now)) {
                        pendingActions.add(new PendingAction(s, ServiceActionType.SERVICE_TASK_START_IMPAIRED, null,
                                message, now));
                    }
                }
            }
        } else if (!last.seenHealthy() && !everHealthy(stopped, last, now)) {
            countFailure(d);
        }
    }

    private static boolean everHealthy(ObservedTask stopped, ObservedTask last, Instant now) {
        if (stopped.loadBalanced()) {
            return last.targets() == TargetsHealth.HEALTHY
                    && (!stopped.hasHealthCheck() || last.health() == io.ecs4j.model.HealthStatus.HEALTHY);
        }
        if (stopped.hasHealthCheck()) {
            return last.health() == io.ecs4j.model.HealthStatus.HEALTHY;
        }
        return stopped.startedAt() != null && !now.isBefore(stopped.startedAt().plus(TaskHealth.NO_CHECK_WAIT));
    }

    private static void countFailure(DeploymentState d) {
        if (d != null && d.rolloutState == RolloutState.IN_PROGRESS
                && d.status == io.ecs4j.model.DeploymentStatus.PRIMARY) {
            d.failedTasks++;
        }
    }

    /** Container instances changed (registered, drained, deregistered, attributes, agent): everything may change. */
    public void instancesChanged() {
        for (ServiceState s : byName.values()) {
            if (s.status != ServiceStatus.INACTIVE) {
                markDirty(s);
            }
        }
    }

    /**
     * A task of the cluster stopped: services that could not place every task get another try, and DAEMON services
     * look again at DRAINING instances (their tasks there go once the REPLICA tasks are gone).
     */
    public void capacityFreed() {
        for (ServiceState s : byName.values()) {
            if ((s.waitingForCapacity || s.isDaemon()) && s.status == ServiceStatus.ACTIVE) {
                dirty.add(s);
            }
        }
    }

    // ------------------------------------------------------------------ load balancer notices (loop)

    /** A task of {@code group} registered {@code count} targets in a target group. */
    public void targetsRegistered(String group, String targetGroupArn, int count) {
        ServiceState s = byGroup.get(group);
        if (s != null) {
            targetNotes.computeIfAbsent(s, k -> new TargetNotes()).registered.merge(targetGroupArn, count, Integer::sum);
        }
    }

    /**
     * A task of {@code group} deregistered {@code count} targets from a target group.
     *
     * @param draining whether the task waits for its targets to drain (it is DEACTIVATING)
     */
    public void targetsDeregistered(String group, String targetGroupArn, int count, boolean draining) {
        ServiceState s = byGroup.get(group);
        if (s != null) {
            TargetNotes notes = targetNotes.computeIfAbsent(s, k -> new TargetNotes());
            notes.deregistered.merge(targetGroupArn, count, Integer::sum);
            notes.drainingTasks += draining ? 1 : 0;
        }
    }

    /** A target of a task of {@code group} turned unhealthy. */
    public void targetUnhealthy(String group, String ec2InstanceId, int port, String targetGroupArn, String reason) {
        ServiceState s = byGroup.get(group);
        if (s != null) {
            event(s, ServiceMessages.unhealthyTarget(s.name, ec2InstanceId, port, targetGroupArn, reason),
                    host.now());
        }
    }

    private void recordTargetNotes(Instant now) {
        if (targetNotes.isEmpty()) {
            return;
        }
        for (Map.Entry<ServiceState, TargetNotes> e : targetNotes.entrySet()) {
            ServiceState s = e.getKey();
            TargetNotes notes = e.getValue();
            notes.registered.forEach((tg, n) -> event(s, ServiceMessages.registeredTargets(s.name, n, tg), now));
            notes.deregistered.forEach((tg, n) -> event(s, ServiceMessages.deregisteredTargets(s.name, n, tg), now));
            if (notes.drainingTasks > 0) {
                event(s, ServiceMessages.beganDraining(s.name, notes.drainingTasks), now);
            }
        }
        targetNotes.clear();
    }

    // ------------------------------------------------------------------ reconciliation (loop)

    /** Reconciles every service that changed, until nothing changes any more, then publishes. */
    public void reconcile() {
        Instant now = host.now();
        int pass = 0;
        while (true) {
            host.collectObservations();
            if (dirty.isEmpty()) {
                break;
            }
            if (++pass > MAX_PASSES) {
                // Something keeps changing within one command; continue in a fresh command.
                host.schedule(Duration.ZERO, () -> { });
                break;
            }
            List<ServiceState> batch = new ArrayList<>(dirty);
            dirty.clear();
            batch.sort(Comparator.comparing((ServiceState s) -> !s.isDaemon()).thenComparingLong(s -> s.sequence));
            for (ServiceState s : batch) {
                reconcile(s, now);
            }
        }
        recordTargetNotes(now);
        publish(now);
    }

    private void reconcile(ServiceState s, Instant now) {
        if (s.status == ServiceStatus.INACTIVE) {
            return;
        }
        Observed observed = observe(s);
        Plan plan = Reconciler.reconcile(s.desired(), observed, now);
        Applier.apply(this, s, plan, now);
        scheduleWake(s, plan.wakeAt(), now);
        viewDirty.add(s);
    }

    private Observed observe(ServiceState s) {
        List<String> eligible = List.of();
        Set<String> busy = Set.of();
        if (s.isDaemon() && s.status == ServiceStatus.ACTIVE) {
            TaskDefinition td = s.primary().taskDefinition;
            eligible = host.eligibleInstances(constraints(s, td), requiredAttributes(td));
            s.daemonDesired = eligible.size();
            Set<String> replicaGroups = new LinkedHashSet<>();
            for (ServiceState other : byName.values()) {
                if (!other.isDaemon() && other.status != ServiceStatus.INACTIVE) {
                    replicaGroups.add(other.group);
                }
            }
            busy = host.drainingInstancesRunning(replicaGroups);
        }
        return new Observed(Collections.unmodifiableCollection(s.tasks.values()), host.unusableInstances(), eligible,
                busy, s.launchNotBefore, s.steady);
    }

    private void scheduleWake(ServiceState s, Instant wakeAt, Instant now) {
        if (Objects.equals(wakeAt, s.wakeAt)) {
            return;
        }
        if (s.wakeTimer != null) {
            s.wakeTimer.cancel();
            s.wakeTimer = null;
        }
        s.wakeAt = wakeAt;
        if (wakeAt != null) {
            s.wakeTimer = host.schedule(Duration.between(now, wakeAt), () -> {
                if (wakeAt.equals(s.wakeAt)) {
                    s.wakeTimer = null;
                    s.wakeAt = null;
                    markDirty(s);
                }
            });
        }
    }

    void cancelWake(ServiceState s) {
        if (s.wakeTimer != null) {
            s.wakeTimer.cancel();
        }
        s.wakeTimer = null;
        s.wakeAt = null;
        cancelSteadyReminder(s);
    }

    /**
     * While a service stays steady, ECS repeats "has reached a steady state" every {@link #STEADY_STATE_REPEAT}
     * (ecs-semantics §5.8: the same message again once 6 hours have passed). One timer per steady service, re-armed
     * each time it fires; cancelled when the service stops being steady or is deleted.
     */
    void scheduleSteadyReminder(ServiceState s) {
        cancelSteadyReminder(s);
        s.steadyReminder = host.schedule(STEADY_STATE_REPEAT, () -> {
            s.steadyReminder = null;
            if (s.steady && s.status == ServiceStatus.ACTIVE) {
                event(s, ServiceMessages.steadyState(s.name), host.now());
                scheduleSteadyReminder(s);
            }
        });
    }

    void cancelSteadyReminder(ServiceState s) {
        if (s.steadyReminder != null) {
            s.steadyReminder.cancel();
            s.steadyReminder = null;
        }
    }

    private void publish(Instant now) {
        for (ServiceState s : viewDirty) {
            views.put(s.name, s.snapshot(now));
        }
        viewDirty.clear();
        for (PendingAction a : pendingActions) {
            Service view = views.get(a.service().name);
            if (view != null) {
                events.add(new EcsEvent.ServiceAction(a.time(), a.type(), view, a.deploymentId(), a.reason()));
            }
        }
        pendingActions.clear();
    }

    // ------------------------------------------------------------------ helpers for the applier and requests

    /** Records a service event; returns whether it was recorded (identical consecutive messages are suppressed). */
    boolean event(ServiceState s, String message, Instant now) {
        boolean added = s.events.add(host.newEventId(), now, message);
        if (added) {
            viewDirty.add(s);
        }
        return added;
    }

    void action(ServiceState s, ServiceActionType type, String deploymentId, String reason, Instant now) {
        pendingActions.add(new PendingAction(s, type, deploymentId, reason, now));
    }

    /** Records "has started"/"has stopped" style events, ten tasks per event. */
    void taskEvents(ServiceState s, List<String> taskIds, boolean started, Instant now) {
        for (int i = 0; i < taskIds.size(); i += TASKS_PER_EVENT) {
            List<String> chunk = taskIds.subList(i, Math.min(taskIds.size(), i + TASKS_PER_EVENT));
            event(s, started ? ServiceMessages.started(s.name, chunk) : ServiceMessages.stopped(s.name, chunk), now);
        }
    }

    static List<PlacementConstraint> constraints(ServiceState s, TaskDefinition td) {
        List<PlacementConstraint> all = new ArrayList<>(td.placementConstraints());
        all.addAll(s.placementConstraints);
        return all;
    }

    static Set<String> requiredAttributes(TaskDefinition td) {
        Set<String> names = new LinkedHashSet<>();
        for (Attribute a : td.requiresAttributes()) {
            names.add(a.name());
        }
        return names;
    }

    static List<PlacementStrategy> strategies(ServiceState s, DeploymentState d) {
        if (s.isDaemon() || d.launchType == LaunchType.FARGATE) {
            return List.of();
        }
        return s.placementStrategy.isEmpty() ? DEFAULT_STRATEGY : s.placementStrategy;
    }

    /** What tasks of deployment {@code d} are launched with. */
    ServiceLaunch launchSpec(ServiceState s, DeploymentState d) {
        List<Tag> tags = new ArrayList<>();
        if ("SERVICE".equals(s.propagateTags)) {
            tags.addAll(s.tags);
        } else if ("TASK_DEFINITION".equals(s.propagateTags)) {
            tags.addAll(d.taskDefinition.tags());
        }
        if (s.enableECSManagedTags) {
            tags.add(new Tag("aws:ecs:serviceName", s.name));
            tags.add(new Tag("aws:ecs:clusterName", clusterArn.clusterName()));
        }
        return new ServiceLaunch(s.name, s.group, d.id, d.taskDefinition, d.launchType, d.platformVersion,
                d.networkConfiguration, constraints(s, d.taskDefinition), strategies(s, d), tags,
                s.enableExecuteCommand, s.loadBalancers);
    }
}
