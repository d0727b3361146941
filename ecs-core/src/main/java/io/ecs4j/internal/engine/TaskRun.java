package io.ecs4j.internal.engine;

import io.ecs4j.model.Attachment;
import io.ecs4j.model.Connectivity;
import io.ecs4j.model.ContainerArn;
import io.ecs4j.model.ContainerCondition;
import io.ecs4j.model.ContainerDefinition;
import io.ecs4j.model.ContainerDependency;
import io.ecs4j.model.DesiredStatus;
import io.ecs4j.model.HealthStatus;
import io.ecs4j.model.KeyValuePair;
import io.ecs4j.model.NetworkInterface;
import io.ecs4j.model.NetworkMode;
import io.ecs4j.model.Tag;
import io.ecs4j.model.Task;
import io.ecs4j.model.TaskStatus;
import io.ecs4j.model.TaskStopCode;
import io.ecs4j.spi.runtime.ContainerHandle;
import io.ecs4j.spi.runtime.RuntimeCapability;
import io.ecs4j.spi.runtime.RuntimeEvent;
import io.ecs4j.spi.runtime.TaskSandbox;
import io.ecs4j.spi.runtime.TaskSandboxSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The task engine for one task: the ECS agent's semantics on top of the Runtime SPI. Loop-confined.
 *
 * <p>Everything is level-based: each event updates what is known about the containers, then {@link #evaluate()} works
 * out what to do next — launch containers whose dependencies are met, advance {@code lastStatus}, stop containers in
 * reverse dependency order — so the same state always leads to the same actions.
 */
final class TaskRun {

    private enum Sandbox { NONE, PREPARING, READY, RELEASED }

    private enum Resolution { MET, WAIT, NEVER }

    final TaskFacts facts;
    private final TaskHost host;
    final List<ContainerRun> containers;

    TaskStatus lastStatus;
    DesiredStatus desiredStatus = DesiredStatus.RUNNING;
    private Instant pullStartedAt;
    private Instant pullStoppedAt;
    private Instant startedAt;
    private Instant connectivityAt;
    private Instant stoppingAt;
    private Instant executionStoppedAt;
    private Instant stoppedAt;
    TaskStopCode stopCode;
    String stoppedReason;
    HealthStatus health = HealthStatus.UNKNOWN;
    private long version = 1;
    private Sandbox sandbox = Sandbox.NONE;
    private TaskSandbox sandboxResult;
    private List<Attachment> attachments = List.of();
    List<Tag> tags;
    private boolean environmentResolved;
    /** Taken back from a previous process by {@link #adopt}. */
    boolean adopted;
    /** The labels that let a later process re-adopt this task; made on first launch. */
    private Map<String, String> metadataLabels;
    /** Its load balancer targets, or null when it registers with none. */
    private final TaskTargets targets;

    TaskRun(TaskFacts facts, List<ContainerDefinition> effectiveContainers, TaskHost host, Ids ids) {
        this.facts = facts;
        this.host = host;
        this.tags = facts.tags();
        List<ContainerRun> runs = new ArrayList<>();
        for (ContainerDefinition def : effectiveContainers) {
            ContainerArn arn = new ContainerArn(facts.arn().region(), facts.arn().accountId(),
                    facts.arn().clusterName(), facts.arn().taskId(), ids.uuid());
            ContainerRun run = new ContainerRun(def, new ContainerHandle(facts.arn(), def.name()), arn);
            runs.add(run);
        }
        this.containers = List.copyOf(runs);
        NetworkMode mode = facts.taskDefinition().networkModeOrDefault();
        this.lastStatus = mode == NetworkMode.AWSVPC ? TaskStatus.PROVISIONING : TaskStatus.PENDING;
        this.targets = host.loadBalancing() != null && !facts.loadBalancers().isEmpty() ? new TaskTargets() : null;
    }

    /** The health of its load balancer targets, taken together. */
    io.ecs4j.internal.reconcile.TargetsHealth targetsHealth() {
        return targets == null ? io.ecs4j.internal.reconcile.TargetsHealth.NONE : targets.health();
    }

    /** A target group in which one of its targets is unhealthy, or null. */
    String unhealthyTargetGroup() {
        return targets == null ? null : targets.unhealthyTargetGroup();
    }

    String id() {
        return facts.arn().taskId();
    }

    /** The container called {@code name}, or null (a linear search: a task has at most ten containers). */
    ContainerRun container(String name) {
        for (ContainerRun c : containers) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** What the runtime prepares and releases the task's sandbox with; made when needed, not kept per task. */
    private TaskSandboxSpec sandboxSpec() {
        List<ContainerDefinition> definitions = new ArrayList<>(containers.size());
        for (ContainerRun c : containers) {
            definitions.add(c.definition);
        }
        // ecs4j's identity labels (cluster, task ARN, family, revision) are for runtimes that label real containers
        // or find them again; a simulated runtime would only keep them, at about 400 bytes a task.
        var capabilities = host.runtime().capabilities();
        boolean labelled = capabilities.contains(RuntimeCapability.REAL_CONTAINERS)
                || capabilities.contains(RuntimeCapability.DISCOVERY);
        return LaunchSpecs.sandboxSpec(facts, definitions, labelled);
    }

    boolean isStopped() {
        return lastStatus == TaskStatus.STOPPED;
    }

    /** When the task reached RUNNING, or null (for the service scheduler's health and failure rules). */
    Instant startedAt() {
        return startedAt;
    }

    /** Whether an essential container has a health check: then the task's health decides whether it is healthy. */
    boolean hasEssentialHealthCheck() {
        for (ContainerRun c : containers) {
            if (c.definition.essential() && c.hasHealthCheck()) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ re-adoption

    /**
     * Takes back a task whose containers a previous process launched: the containers found are RUNNING or STOPPED as
     * the runtime reports them, the others have not been launched yet. Then the engine carries on as usual.
     */
    void adopt(Map<String, io.ecs4j.spi.runtime.DiscoveredContainer> found, Map<String, String> labels) {
        Instant now = host.clock().instant();
        adopted = true;
        environmentResolved = true;
        metadataLabels = labels;
        sandbox = Sandbox.READY;
        sandboxResult = TaskSandbox.none(facts.arn());
        lastStatus = TaskStatus.PENDING;
        for (ContainerRun c : containers) {
            io.ecs4j.spi.runtime.DiscoveredContainer d = found.get(c.name());
            if (d == null) {
                continue;
            }
            c.runtimeId = d.runtimeId();
            c.started = true;
            c.startedAt = now;
            if (d.running()) {
                c.phase = ContainerRun.Phase.RUNNING;
                if (facts.taskDefinition().networkModeOrDefault() != NetworkMode.AWSVPC) {
                    c.bindings = d.networkBindings();
                }
                if (c.hasHealthCheck() && d.health() != null) {
                    c.health = d.health();
                }
            } else {
                c.phase = ContainerRun.Phase.STOPPED;
                c.exitCode = d.exitCode();
            }
        }
        // Containers not found have not been launched yet; they need their environment when they are.
        String failure = LaunchSpecs.resolveEnvironments(containers, host.config().secretResolver());
        boolean waiting = containers.stream().anyMatch(c -> c.phase == ContainerRun.Phase.WAITING);
        if (failure != null && waiting) {
            failToStart(failure);
        }
        recomputeHealth();
        for (ContainerRun c : containers) {
            if (c.phase == ContainerRun.Phase.STOPPED && c.definition.essential()) {
                executionStoppedAt = now;
                requestStop(TaskStopCode.ESSENTIAL_CONTAINER_EXITED, "Essential container in task exited");
                break;
            }
        }
        host.changed(this);
    }

    // ------------------------------------------------------------------ commands

    /** Starts the task: called once, right after placement. */
    void begin() {
        evaluate();
    }

    /** StopTask, scheduler stops, instance deregistration: ask the task to stop (first request wins). */
    void requestStop(TaskStopCode code, String reason) {
        if (desiredStatus == DesiredStatus.STOPPED) {
            return;
        }
        desiredStatus = DesiredStatus.STOPPED;
        stopCode = code;
        stoppedReason = reason;
        host.stopping(this);
        host.changed(this);
        evaluate();
    }

    // ------------------------------------------------------------------ runtime events

    void onEvent(RuntimeEvent event) {
        if (isStopped()) {
            if (event instanceof RuntimeEvent.SandboxReady) {
                host.runtime().releaseTask(sandboxSpec());
            }
            return;
        }
        Instant now = host.clock().instant();
        if (event instanceof RuntimeEvent.SandboxReady ready) {
            onSandboxReady(ready.sandbox());
        } else if (event instanceof RuntimeEvent.SandboxFailed failed) {
            sandbox = Sandbox.READY;
            String reason = failed.errorName() + ": " + failed.detail();
            for (ContainerRun c : containers) {
                if (c.phase == ContainerRun.Phase.WAITING) {
                    c.reason = reason;
                }
            }
            failToStart(reason);
        } else if (event instanceof RuntimeEvent.PullStarted) {
            if (pullStartedAt == null) {
                pullStartedAt = now;
            }
        } else if (event instanceof RuntimeEvent.PullFinished p) {
            pullStoppedAt = now;
            ContainerRun c = container(p.handle().containerName());
            if (c != null) {
                c.imageDigest = p.imageDigest();
            }
        } else if (event instanceof RuntimeEvent.Created created) {
            onCreated(created);
        } else if (event instanceof RuntimeEvent.Started started) {
            onStarted(started, now);
        } else if (event instanceof RuntimeEvent.HealthChanged h) {
            ContainerRun c = container(h.handle().containerName());
            if (c != null && c.hasHealthCheck() && c.phase == ContainerRun.Phase.RUNNING) {
                c.health = h.status();
                recomputeHealth();
            }
        } else if (event instanceof RuntimeEvent.LaunchFailed failed) {
            ContainerRun c = container(failed.handle().containerName());
            if (c != null && c.phase != ContainerRun.Phase.STOPPED) {
                containerStopped(c, null, c.engineReason != null ? c.engineReason : failed.reason());
            }
        } else if (event instanceof RuntimeEvent.Exited exited) {
            ContainerRun c = container(exited.handle().containerName());
            if (c != null && c.phase != ContainerRun.Phase.STOPPED) {
                String reason = c.engineReason != null ? c.engineReason : exited.reason();
                if (reason == null && exited.oomKilled()) {
                    reason = "OutOfMemoryError: Container killed due to memory usage";
                }
                containerStopped(c, exited.exitCode(), reason);
            }
        }
        host.changed(this);
        evaluate();
    }

    private void onSandboxReady(TaskSandbox result) {
        sandbox = Sandbox.READY;
        sandboxResult = result;
        if (facts.taskDefinition().networkModeOrDefault() == NetworkMode.AWSVPC) {
            String attachmentId = facts.arn().taskId().substring(0, 8) + "-eni-" + facts.arn().taskId().substring(24);
            List<KeyValuePair> details = new ArrayList<>();
            details.add(KeyValuePair.of("subnetId", firstSubnet()));
            details.add(KeyValuePair.of("networkInterfaceId", "eni-" + facts.arn().taskId().substring(0, 17)));
            details.add(KeyValuePair.of("macAddress", mac()));
            if (result.privateIpv4() != null) {
                details.add(KeyValuePair.of("privateIPv4Address", result.privateIpv4()));
            }
            attachments = List.of(new Attachment(attachmentId, "ElasticNetworkInterface", "ATTACHED", details));
            for (ContainerRun c : containers) {
                c.networkInterfaces = List.of(new NetworkInterface(attachmentId, result.privateIpv4()));
                c.bindings = result.networkBindings().stream()
                        .filter(b -> LaunchSpecs.exposes(c.definition, b.containerPort(), b.protocol()))
                        .toList();
            }
        }
        transition(TaskStatus.PENDING);
    }

    private void onCreated(RuntimeEvent.Created created) {
        ContainerRun c = container(created.handle().containerName());
        if (c == null || c.phase != ContainerRun.Phase.LAUNCHING) {
            return;
        }
        c.runtimeId = created.runtimeId();
        Duration timeout = host.config().containerStartTimeout();
        c.startTimer = host.schedule(timeout, () -> {
            if (c.phase == ContainerRun.Phase.LAUNCHING && !isStopped()) {
                c.engineReason = "DockerTimeoutError: Could not transition to started; timed out after waiting "
                        + Durations.agentFormat(timeout);
                c.stopRequested = true;
                host.runtime().stop(c.handle, Duration.ZERO);
                host.changed(this);
            }
        });
    }

    private void onStarted(RuntimeEvent.Started started, Instant now) {
        ContainerRun c = container(started.handle().containerName());
        if (c == null || c.phase == ContainerRun.Phase.STOPPED) {
            return;
        }
        c.phase = ContainerRun.Phase.RUNNING;
        c.started = true;
        c.startedAt = now;
        c.runtimeId = started.runtimeId();
        if (facts.taskDefinition().networkModeOrDefault() != NetworkMode.AWSVPC) {
            c.bindings = started.networkBindings();
        }
        if (c.startTimer != null) {
            c.startTimer.cancel();
            c.startTimer = null;
        }
        Integer startTimeout = c.definition.startTimeout();
        if (startTimeout != null && hasConditionalDependents(c)) {
            c.dependencyTimer = host.schedule(Duration.ofSeconds(startTimeout), () -> {
                c.dependencyTimedOut = true;
                host.changed(this);
                evaluate();
            });
        }
    }

    private void containerStopped(ContainerRun c, Integer exitCode, String reason) {
        boolean wasStarted = c.started;
        c.phase = ContainerRun.Phase.STOPPED;
        c.exitCode = exitCode;
        c.reason = reason;
        c.cancelTimers();
        if (c.hasHealthCheck()) {
            c.health = HealthStatus.UNKNOWN;
        }
        recomputeHealth();
        if (c.definition.essential() && desiredStatus == DesiredStatus.RUNNING) {
            executionStoppedAt = host.clock().instant();
            if (wasStarted) {
                requestStop(TaskStopCode.ESSENTIAL_CONTAINER_EXITED, "Essential container in task exited");
            } else {
                failToStart(reason);
            }
        }
    }

    private void failToStart(String reason) {
        requestStop(TaskStopCode.TASK_FAILED_TO_START, reason != null ? reason : "Task failed to start");
    }

    // ------------------------------------------------------------------ the engine

    /** Works out and performs the next steps. Idempotent. */
    void evaluate() {
        if (isStopped()) {
            return;
        }
        if (desiredStatus == DesiredStatus.RUNNING) {
            progressStart();
        }
        if (desiredStatus == DesiredStatus.STOPPED) {
            progressStop();
        }
    }

    private void progressStart() {
        if (!environmentResolved) {
            environmentResolved = true;
            String failure = LaunchSpecs.resolveEnvironments(containers, host.config().secretResolver());
            if (failure != null) {
                for (ContainerRun c : containers) {
                    c.reason = failure;
                }
                failToStart(failure);
                return;
            }
        }
        if (sandbox == Sandbox.NONE) {
            sandbox = Sandbox.PREPARING;
            host.runtime().prepareTask(sandboxSpec());
            return;
        }
        if (sandbox != Sandbox.READY) {
            return;
        }
        boolean progress = true;
        while (progress && desiredStatus == DesiredStatus.RUNNING) {
            progress = false;
            for (ContainerRun c : containers) {
                if (c.phase != ContainerRun.Phase.WAITING || desiredStatus != DesiredStatus.RUNNING) {
                    continue;
                }
                String blocker = blockingDependency(c);
                if (blocker == null) {
                    launch(c);
                } else if (!blocker.isEmpty()) {
                    containerStopped(c, null, blocker);
                    host.changed(this);
                    progress = true;
                }
            }
        }
        if (desiredStatus == DesiredStatus.RUNNING && lastStatus.compareTo(TaskStatus.RUNNING) < 0
                && lastStatus != TaskStatus.PROVISIONING) {
            boolean settled = containers.stream().noneMatch(c -> c.phase == ContainerRun.Phase.WAITING
                    || c.phase == ContainerRun.Phase.LAUNCHING);
            if (settled && containers.stream().anyMatch(c -> c.started)) {
                Instant now = host.clock().instant();
                startedAt = now;
                connectivityAt = now;
                transition(TaskStatus.RUNNING);
                registerTargets();
            }
        }
    }

    /**
     * Null when {@code c} may launch now; "" when it must wait; otherwise the reason it can never start.
     */
    private String blockingDependency(ContainerRun c) {
        boolean waiting = false;
        for (ContainerDependency dep : LaunchSpecs.dependencies(c.definition)) {
            ContainerRun d = container(dep.containerName());
            if (d == null) {
                continue;
            }
            Resolution r = resolve(d, dep.condition());
            if (r == Resolution.NEVER) {
                return "CannotStartContainerError: dependency on container '" + d.name() + "' with condition "
                        + dep.condition().value() + " can never be met" + neverDetail(d, dep.condition());
            }
            waiting |= r == Resolution.WAIT;
        }
        return waiting ? "" : null;
    }

    private static Resolution resolve(ContainerRun d, ContainerCondition condition) {
        boolean stopped = d.phase == ContainerRun.Phase.STOPPED;
        return switch (condition) {
            case START -> d.started ? Resolution.MET : stopped ? Resolution.NEVER : Resolution.WAIT;
            case COMPLETE -> stopped ? Resolution.MET : d.dependencyTimedOut ? Resolution.NEVER : Resolution.WAIT;
            case SUCCESS -> stopped
                    ? (d.exitCode != null && d.exitCode == 0 ? Resolution.MET : Resolution.NEVER)
                    : d.dependencyTimedOut ? Resolution.NEVER : Resolution.WAIT;
            case HEALTHY -> d.health == HealthStatus.HEALTHY && !stopped ? Resolution.MET
                    : stopped || d.dependencyTimedOut ? Resolution.NEVER : Resolution.WAIT;
        };
    }

    private static String neverDetail(ContainerRun d, ContainerCondition condition) {
        if (d.dependencyTimedOut && d.phase != ContainerRun.Phase.STOPPED) {
            return " (it did not meet the condition within its startTimeout of " + d.definition.startTimeout()
                    + "s)";
        }
        if (d.phase == ContainerRun.Phase.STOPPED) {
            return d.exitCode != null ? " (it exited with code " + d.exitCode + ")" : " (it never started)";
        }
        return "";
    }

    private boolean hasConditionalDependents(ContainerRun dependency) {
        for (ContainerRun c : containers) {
            for (ContainerDependency dep : c.definition.dependsOn()) {
                if (dep.containerName().equals(dependency.name()) && dep.condition() != ContainerCondition.START) {
                    return true;
                }
            }
        }
        return false;
    }

    private void launch(ContainerRun c) {
        c.phase = ContainerRun.Phase.LAUNCHING;
        host.changed(this);
        if (metadataLabels == null) {
            // Re-adoption metadata is read back only through discover(): a runtime that cannot discover does not get it
            // (it is two JSON documents per task, most of a task's memory and of RunTask's time on such runtimes).
            metadataLabels = host.runtime().capabilities().contains(RuntimeCapability.DISCOVERY)
                    ? TaskMetadata.labels(facts, host.instance(facts.containerInstanceId())) : Map.of();
        }
        host.runtime().launch(LaunchSpecs.launchSpec(facts, c, sandboxResult, host.config(), metadataLabels,
                host.taskDefinitionArn(facts.taskDefinition())));
    }

    // ------------------------------------------------------------------ load balancer targets

    /** Registers the task's endpoints with its service's target groups (the task just reached RUNNING). */
    private void registerTargets() {
        if (targets == null) {
            return;
        }
        Map<String, List<io.ecs4j.model.NetworkBinding>> bindings = new LinkedHashMap<>();
        for (ContainerRun c : containers) {
            bindings.put(c.name(), c.bindings);
        }
        InstanceState instance = host.instance(facts.containerInstanceId());
        boolean ipTarget = facts.taskDefinition().networkModeOrDefault() == NetworkMode.AWSVPC || instance == null;
        targets.build(facts.loadBalancers(), facts.arn(), bindings, ipTarget ? null : instance.ec2InstanceId);
        targets.byTargetGroup().forEach((tg, list) -> {
            host.loadBalancing().registerTargets(tg, list);
            host.targetsRegistered(this, tg, list.size());
        });
        for (TaskTargets.Slot slot : targets.slots()) {
            if (slot.target == null) {
                host.targetUnhealthy(this, null, slot.targetGroupArn, "Target.NotRegistered: container "
                        + "publishes no binding for the load balancer's port");
            }
        }
        host.changed(this);
    }

    /** What the load balancer reports about one of this task's targets. */
    void onTargetEvent(io.ecs4j.spi.loadbalancer.TargetEvent event) {
        if (targets == null || isStopped()) {
            return;
        }
        TaskTargets.Slot slot = targets.slot(event);
        if (slot == null) {
            return;
        }
        if (event instanceof io.ecs4j.spi.loadbalancer.TargetEvent.HealthChanged h) {
            if (targets.deregistering() || slot.health == h.state()) {
                return;
            }
            slot.health = h.state();
            if (h.state() == io.ecs4j.spi.loadbalancer.TargetHealthState.UNHEALTHY) {
                host.targetUnhealthy(this, slot.target, slot.targetGroupArn, h.reason());
            }
            host.changed(this);
        } else if (event instanceof io.ecs4j.spi.loadbalancer.TargetEvent.Deregistered) {
            if (!slot.drained) {
                slot.drained = true;
                host.changed(this);
                evaluate();
            }
        }
    }

    /**
     * Before its containers are stopped, a task with registered targets deregisters them and - while its essential
     * containers still run and the stop was asked for (not an essential container exiting) - waits in DEACTIVATING
     * until they have drained. Returns whether the stop may go on.
     */
    private boolean drained() {
        if (targets == null) {
            return true;
        }
        if (targets.registered()) {
            boolean serving = stopCode != TaskStopCode.ESSENTIAL_CONTAINER_EXITED
                    && stopCode != TaskStopCode.TASK_FAILED_TO_START
                    && containers.stream().anyMatch(c -> c.definition.essential()
                    && c.phase == ContainerRun.Phase.RUNNING)
                    && containers.stream().noneMatch(c -> c.definition.essential()
                    && c.phase == ContainerRun.Phase.STOPPED);
            targets.startDeregistration();
            Map<String, List<io.ecs4j.spi.loadbalancer.Target>> byGroup = targets.byTargetGroup();
            byGroup.forEach((tg, list) -> {
                host.loadBalancing().deregisterTargets(tg, list);
                host.targetsDeregistered(this, tg, list.size(), serving);
            });
            if (serving && !byGroup.isEmpty()) {
                transition(TaskStatus.DEACTIVATING);
            } else {
                targets.forgetDraining();
            }
        }
        if (!targets.deregistering() || targets.allDrained()) {
            return true;
        }
        // Still draining: go on only if nothing is left to drain from (every essential container stopped meanwhile).
        if (containers.stream().noneMatch(c -> c.definition.essential() && c.active())) {
            targets.forgetDraining();
            return true;
        }
        return false;
    }

    private void progressStop() {
        if (!drained()) {
            return;
        }
        boolean anyActive = containers.stream().anyMatch(ContainerRun::active);
        if (anyActive && lastStatus.compareTo(TaskStatus.STOPPING) < 0) {
            stoppingAt = host.clock().instant();
            transition(TaskStatus.STOPPING);
        }
        for (ContainerRun c : containers) {
            if (c.phase == ContainerRun.Phase.WAITING) {
                c.phase = ContainerRun.Phase.STOPPED;
                host.changed(this);
            } else if (c.phase == ContainerRun.Phase.LAUNCHING && !c.stopRequested) {
                c.stopRequested = true;
                host.runtime().stop(c.handle, Duration.ZERO);
            }
        }
        for (ContainerRun c : containers) {
            if (c.phase == ContainerRun.Phase.RUNNING && !c.stopRequested && !hasActiveDependent(c)) {
                c.stopRequested = true;
                host.runtime().stop(c.handle, LaunchSpecs.stopTimeout(c.definition, host.config()));
            }
        }
        if (containers.stream().allMatch(c -> c.phase == ContainerRun.Phase.STOPPED)) {
            finish();
        }
    }

    /** Shutdown order is the reverse of start order: a container waits for the containers that depend on it. */
    private boolean hasActiveDependent(ContainerRun dependency) {
        for (ContainerRun c : containers) {
            if (c == dependency || !c.active()) {
                continue;
            }
            for (ContainerDependency dep : LaunchSpecs.dependencies(c.definition)) {
                if (dep.containerName().equals(dependency.name())) {
                    return true;
                }
            }
        }
        return false;
    }

    private void finish() {
        Instant now = host.clock().instant();
        if (executionStoppedAt == null) {
            executionStoppedAt = now;
        }
        if (sandbox == Sandbox.PREPARING || sandbox == Sandbox.READY) {
            sandbox = Sandbox.RELEASED;
            host.runtime().releaseTask(sandboxSpec());
            if (!attachments.isEmpty()) {
                Attachment eni = attachments.get(0);
                attachments = List.of(new Attachment(eni.id(), eni.type(), "DELETED", eni.details()));
            }
        }
        stoppedAt = now;
        for (ContainerRun c : containers) {
            c.cancelTimers();
        }
        transition(TaskStatus.STOPPED);
        host.stopped(this);
    }

    private void transition(TaskStatus to) {
        TaskStatus from = lastStatus;
        switch (TaskLifecycle.check(from, to)) {
            case IGNORED -> {
                return;
            }
            case ILLEGAL -> throw new IllegalStateException("bug: illegal task transition " + from + " -> " + to
                    + " for task " + facts.arn());
            case APPLIED -> {
                lastStatus = to;
                host.statusChanged(this, from, to);
                host.changed(this);
            }
        }
    }

    private void recomputeHealth() {
        HealthStatus result = null;
        for (ContainerRun c : containers) {
            if (!c.definition.essential() || !c.hasHealthCheck()) {
                continue;
            }
            if (c.health == HealthStatus.UNHEALTHY) {
                result = HealthStatus.UNHEALTHY;
                break;
            }
            if (c.health == HealthStatus.UNKNOWN) {
                result = HealthStatus.UNKNOWN;
            } else if (result == null) {
                result = HealthStatus.HEALTHY;
            }
        }
        health = result == null ? HealthStatus.UNKNOWN : result;
        host.changed(this);
    }

    // ------------------------------------------------------------------ snapshot

    Task snapshot() {
        return Task.builder()
                .taskArn(facts.arn())
                .clusterArn(facts.clusterArn())
                .taskDefinitionArn(facts.taskDefinition().taskDefinitionArn())
                .containerInstanceArn(facts.containerInstanceArn())
                .availabilityZone(facts.availabilityZone())
                .containers(containers.stream().map(ContainerRun::snapshot).toList())
                .overrides(facts.overrides())
                .lastStatus(lastStatus)
                .desiredStatus(desiredStatus)
                .cpu(facts.cpu())
                .memory(facts.memory())
                .launchType(facts.launchType())
                .group(facts.group())
                .startedBy(facts.startedBy())
                .createdAt(facts.createdAt())
                .pullStartedAt(pullStartedAt)
                .pullStoppedAt(pullStoppedAt)
                .startedAt(startedAt)
                .connectivityAt(connectivityAt)
                .stoppingAt(stoppingAt)
                .executionStoppedAt(executionStoppedAt)
                .stoppedAt(stoppedAt)
                .stopCode(stopCode)
                .stoppedReason(stoppedReason)
                .healthStatus(health)
                .connectivity(connectivityAt != null ? Connectivity.CONNECTED : null)
                .attachments(attachments)
                .version(version++)
                .tags(tags)
                .platformVersion(facts.platformVersion())
                .platformFamily(facts.platformVersion() != null ? "Linux" : null)
                .enableExecuteCommand(facts.enableExecuteCommand())
                .build();
    }

    private String firstSubnet() {
        if (facts.networkConfiguration() != null && facts.networkConfiguration().awsvpcConfiguration() != null
                && !facts.networkConfiguration().awsvpcConfiguration().subnets().isEmpty()) {
            return facts.networkConfiguration().awsvpcConfiguration().subnets().get(0);
        }
        return "subnet-local";
    }

    private String mac() {
        String id = facts.arn().taskId();
        return "0a:" + id.substring(0, 2) + ":" + id.substring(2, 4) + ":" + id.substring(4, 6) + ":"
                + id.substring(6, 8) + ":" + id.substring(8, 10);
    }
}
