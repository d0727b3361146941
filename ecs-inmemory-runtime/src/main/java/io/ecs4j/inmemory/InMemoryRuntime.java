package io.ecs4j.inmemory;

import io.ecs4j.model.HealthStatus;
import io.ecs4j.model.NetworkBinding;
import io.ecs4j.model.NetworkMode;
import io.ecs4j.model.TaskArn;
import io.ecs4j.spi.runtime.ContainerHandle;
import io.ecs4j.spi.runtime.ContainerLaunchSpec;
import io.ecs4j.spi.runtime.ContainerRuntime;
import io.ecs4j.spi.runtime.DiscoveredContainer;
import io.ecs4j.spi.runtime.HealthCheckSpec;
import io.ecs4j.spi.runtime.LogEntry;
import io.ecs4j.spi.runtime.PortSpec;
import io.ecs4j.spi.runtime.RuntimeCapability;
import io.ecs4j.spi.runtime.RuntimeContext;
import io.ecs4j.spi.runtime.RuntimeEvent;
import io.ecs4j.spi.runtime.TaskSandbox;
import io.ecs4j.spi.runtime.TaskSandboxSpec;
import io.ecs4j.time.Cancellable;
import io.ecs4j.time.ControlLoop;
import io.ecs4j.time.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A simulated {@link ContainerRuntime}: no Docker, no processes, no threads of its own. Containers are state machines
 * driven by timers on the {@link TimeSource} the runtime is started with, so on a {@link io.ecs4j.time.VirtualClock}
 * everything is deterministic and instantaneous in wall time, and on {@link TimeSource#system()} it runs in real time
 * (for long-running use, for example behind an embedded ECS endpoint).
 *
 * <h2>Default behaviour</h2>
 * A launched container is pulled, created and started "at once": each step is a zero-delay timer, so the events
 * ({@code PullStarted}, {@code PullFinished}, {@code Created}, {@code Started}) happen on the clock's next
 * {@code runUntilIdle()} or {@code advance(...)}, never inside the call. It then runs until stopped; on
 * {@code stop(handle, grace)} it exits with 143 (a process that handled SIGTERM). Health checks pass. Nothing is ever
 * reported from inside a call: every event comes from a timer.
 *
 * <h2>Scripted behaviour</h2>
 * {@link ContainerBehaviour} describes delays, failures, exits, SIGTERM handling, health probe results, log lines and
 * the image digest. A launch takes the behaviour scripted for its {@linkplain #onContainer(ContainerHandle,
 * ContainerBehaviour) handle}, else for its {@linkplain #onContainer(String, ContainerBehaviour) container name}, else
 * for its {@linkplain #onImage(String, ContainerBehaviour) image}, else the {@linkplain
 * #defaultBehaviour(ContainerBehaviour) default}. Scripts can be given to the builder and changed at any time; a
 * container keeps the behaviour it was launched with.
 * {@snippet :
 * InMemoryRuntime runtime = InMemoryRuntime.builder()
 *         .onImage("acme/web:1", ContainerBehaviour.builder().healthProbes(HealthProbe.FAIL).build())
 *         .build();
 * runtime.onContainer("migrate", ContainerBehaviour.exitsAfter(Duration.ofSeconds(20), 0));
 * }
 *
 * <h2>What it simulates</h2>
 * <ul>
 *   <li>Stops: SIGTERM, then SIGKILL (137) when the grace period ends if the container has not exited; a zero grace
 *       kills at once. Stopping a container that has not started cancels its launch ({@code Exited} with a null exit
 *       code). Stopping twice, stopping an exited container and any call on an unknown handle do nothing.</li>
 *   <li>{@link #remove(ContainerHandle)} forgets a container (its handle is unknown afterwards). Removing one that is
 *       still alive kills it first, as {@code docker rm -f} does: its {@code Exited} (137, or null if it never
 *       started) still follows, so every launched container ends with exactly one {@code LaunchFailed} or
 *       {@code Exited}.</li>
 *   <li>Health checks with Docker's semantics: the status starts as starting ({@code UNKNOWN}, no event); probes run
 *       {@code interval} after the start and {@code interval} after each probe ended; see {@link HealthProbe} and
 *       {@link ContainerBehaviour.Builder#healthProbes(HealthProbe...)}. {@code HealthChanged} is reported only when
 *       the status changes. Probes stop when the container exits.</li>
 *   <li>Ports ({@code bridge} and {@code host}): static host ports are bound as given, dynamic ones ({@code hostPort}
 *       0) taken per {@code hostId} from the ephemeral range (default {@value #DEFAULT_FIRST_EPHEMERAL_PORT}-{@value
 *       #DEFAULT_LAST_EPHEMERAL_PORT}), never two containers on one port; bind IP {@code 0.0.0.0}. Host ports are
 *       free again when the container exits. A port in use fails the start with {@code CannotStartContainerError}, as
 *       Docker does.</li>
 *   <li>{@code awsvpc}: {@link #prepareTask} gives the task a private IPv4 address ({@code 10.0.x.y}, in order) and
 *       binds the task's ports to it; the task's containers publish nothing of their own.</li>
 *   <li>Logs: the scripted lines, timestamped by the clock, until the container is removed.</li>
 * </ul>
 *
 * <h2>Recording</h2>
 * {@link #calls()} lists what the runtime was asked to do, with the instant of each call; {@link #container} and
 * {@link #containers()} show the containers as they are now. All are immutable snapshots.
 *
 * <h2>Threads</h2>
 * Thread-safe. Every operation, and every timer, runs as a command on one {@link ControlLoop} the runtime makes from
 * its time source in {@link #start} (on a {@code VirtualClock}, the thread driving the clock; on the system time source
 * the loop's own thread), so events of the runtime are reported one at a time, in order. The operations wait for
 * their command ({@link ControlLoop#call}); the event sink must therefore not wait for the caller's loop (the
 * {@link RuntimeContext} contract: it never blocks). Reads ({@code calls()}, {@code container(...)}, {@code logs(...)})
 * do not wait.
 */
public final class InMemoryRuntime implements ContainerRuntime {

    /** This runtime's {@linkplain #name() name}. */
    public static final String NAME = "in-memory";
    /** First port of the default dynamic port range (the ECS agent's default ephemeral range). */
    public static final int DEFAULT_FIRST_EPHEMERAL_PORT = 49153;
    /** Last port of the default dynamic port range. */
    public static final int DEFAULT_LAST_EPHEMERAL_PORT = 65535;

    private static final Set<RuntimeCapability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(
            RuntimeCapability.SCRIPTABLE_BEHAVIOUR,
            RuntimeCapability.VIRTUAL_TIME,
            RuntimeCapability.HEALTH_CHECKS,
            RuntimeCapability.PORT_PUBLISHING,
            RuntimeCapability.AWSVPC_NETWORKING,
            RuntimeCapability.LOGS,
            RuntimeCapability.OOM_DETECTION));

    /** Docker's defaults for a zero health check interval and timeout. */
    private static final Duration DOCKER_DEFAULT_PROBE_INTERVAL = Duration.ofSeconds(30);
    private static final Duration DOCKER_DEFAULT_PROBE_TIMEOUT = Duration.ofSeconds(30);

    // ---------------------------------------------------------------- configuration (thread-safe)

    private final AtomicReference<Scripts> scripts;
    private final boolean recordCalls;

    // ---------------------------------------------------------------- lifecycle

    private final AtomicReference<RuntimeContext> context = new AtomicReference<>();
    private volatile ControlLoop loop;
    private volatile boolean closed;

    // ---------------------------------------------------------------- published snapshots (written by the loop)

    private final List<RecordedCall> calls = Collections.synchronizedList(new ArrayList<>());
    // Per-entry publication (O(1) per event); a snapshot per container, ordered by launch through the sequence map.
    private final Map<ContainerHandle, ContainerSnapshot> snapshots = new ConcurrentHashMap<>();
    private final Map<ContainerHandle, Long> launchSequence = new ConcurrentHashMap<>();
    private long nextSequence;
    private final Map<ContainerHandle, List<LogEntry>> logs = new ConcurrentHashMap<>();
    private final Map<TaskArn, TaskSandbox> sandboxes = new ConcurrentHashMap<>();

    // ---------------------------------------------------------------- loop-confined state

    private final Map<ContainerHandle, SimContainer> containers = new HashMap<>();
    /** Image digests by image reference, computed once per image (loop-confined). */
    private final Map<String, String> imageDigests = new HashMap<>();
    private final PortAllocator ports;
    private final Set<String> addressesInUse = new HashSet<>();
    private long nextAddress;
    private long nextId;
    private final ArrayDeque<RuntimeEvent> outbox = new ArrayDeque<>();
    private boolean flushing;

    private InMemoryRuntime(Builder builder) {
        this.scripts = new AtomicReference<>(new Scripts(builder.defaultBehaviour, Map.copyOf(builder.byImage),
                Map.copyOf(builder.byName), Map.of()));
        this.recordCalls = builder.recordCalls;
        this.ports = new PortAllocator(builder.firstEphemeralPort, builder.lastEphemeralPort);
    }

    /** A runtime with default settings: every container runs until stopped. */
    public static InMemoryRuntime create() {
        return builder().build();
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    // ================================================================ scripting

    /** Sets the behaviour of containers that have no more specific script. Affects later launches. */
    public InMemoryRuntime defaultBehaviour(ContainerBehaviour behaviour) {
        Objects.requireNonNull(behaviour, "behaviour");
        scripts.updateAndGet(s -> new Scripts(behaviour, s.byImage, s.byName, s.byHandle));
        return this;
    }

    /**
     * Scripts the containers launched from {@code image}. The reference is compared as written, except that a
     * reference without tag or digest means {@code :latest} ({@code nginx} and {@code nginx:latest} are the same).
     * Affects later launches.
     */
    public InMemoryRuntime onImage(String image, ContainerBehaviour behaviour) {
        String key = imageKey(image);
        Objects.requireNonNull(behaviour, "behaviour");
        scripts.updateAndGet(s -> new Scripts(s.defaultBehaviour, with(s.byImage, key, behaviour), s.byName,
                s.byHandle));
        return this;
    }

    /** Scripts the containers with this name in their task definition, in any task. Wins over image scripts. */
    public InMemoryRuntime onContainer(String containerName, ContainerBehaviour behaviour) {
        Objects.requireNonNull(containerName, "containerName");
        Objects.requireNonNull(behaviour, "behaviour");
        scripts.updateAndGet(s -> new Scripts(s.defaultBehaviour, s.byImage, with(s.byName, containerName, behaviour),
                s.byHandle));
        return this;
    }

    /** Scripts one container of one task. Wins over name and image scripts. */
    public InMemoryRuntime onContainer(ContainerHandle handle, ContainerBehaviour behaviour) {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(behaviour, "behaviour");
        scripts.updateAndGet(s -> new Scripts(s.defaultBehaviour, s.byImage, s.byName,
                with(s.byHandle, handle, behaviour)));
        return this;
    }

    /** Forgets every script, including those given to the builder: containers launched later run until stopped. */
    public InMemoryRuntime clearScripts() {
        scripts.set(new Scripts(ContainerBehaviour.defaultBehaviour(), Map.of(), Map.of(), Map.of()));
        return this;
    }

    /** The behaviour a launch of {@code spec} would get now. */
    public ContainerBehaviour behaviourFor(ContainerLaunchSpec spec) {
        Objects.requireNonNull(spec, "spec");
        Scripts s = scripts.get();
        ContainerBehaviour b = s.byHandle.get(spec.handle());
        if (b == null) {
            b = s.byName.get(spec.containerName());
        }
        if (b == null) {
            b = s.byImage.get(imageKey(spec.image()));
        }
        return b != null ? b : s.defaultBehaviour;
    }

    // ================================================================ recording

    /** Every call made on this runtime since it was built, oldest first. Empty when recording is off. */
    public List<RecordedCall> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** The calls of one kind, for example {@code calls(RecordedCall.Stop.class)}. */
    public <T extends RecordedCall> List<T> calls(Class<T> type) {
        Objects.requireNonNull(type, "type");
        return calls().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The specs of every {@code launch} call, in order. */
    public List<ContainerLaunchSpec> launchedSpecs() {
        return calls(RecordedCall.Launch.class).stream().map(RecordedCall.Launch::spec).toList();
    }

    /** The container as it is now; empty when it was never launched or was removed. */
    public Optional<ContainerSnapshot> container(ContainerHandle handle) {
        Objects.requireNonNull(handle, "handle");
        return Optional.ofNullable(snapshots.get(handle));
    }

    /** Every container not removed yet, in launch order. */
    public List<ContainerSnapshot> containers() {
        List<Map.Entry<ContainerHandle, Long>> launched = new ArrayList<>(launchSequence.entrySet());
        launched.sort(Map.Entry.comparingByValue()); // sorted here, on the rare call: no ordered index per container
        List<ContainerSnapshot> ordered = new ArrayList<>(launched.size());
        for (Map.Entry<ContainerHandle, Long> e : launched) {
            ContainerSnapshot snapshot = snapshots.get(e.getKey());
            if (snapshot != null) {
                ordered.add(snapshot);
            }
        }
        return List.copyOf(ordered);
    }

    /** The task's sandbox, from {@code prepareTask} until {@code releaseTask}. */
    public Optional<TaskSandbox> sandbox(TaskArn taskArn) {
        Objects.requireNonNull(taskArn, "taskArn");
        return Optional.ofNullable(sandboxes.get(taskArn));
    }

    // ================================================================ ContainerRuntime

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<RuntimeCapability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public void start(RuntimeContext context) {
        Objects.requireNonNull(context, "context");
        if (!this.context.compareAndSet(null, context)) {
            throw new IllegalStateException("the in-memory runtime was already started");
        }
        loop = context.timeSource().newLoop("in-memory-runtime");
    }

    @Override
    public void prepareTask(TaskSandboxSpec spec) {
        Objects.requireNonNull(spec, "spec");
        onLoop(() -> {
            record(new RecordedCall.PrepareTask(now(), spec));
            doPrepareTask(spec);
        });
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException if a container with the same handle was launched and not removed yet
     */
    @Override
    public void launch(ContainerLaunchSpec spec) {
        Objects.requireNonNull(spec, "spec");
        onLoop(() -> {
            record(new RecordedCall.Launch(now(), spec));
            doLaunch(spec);
        });
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code grace} is negative
     */
    @Override
    public void stop(ContainerHandle handle, Duration grace) {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative: " + grace);
        }
        onLoop(() -> {
            record(new RecordedCall.Stop(now(), handle, grace));
            doStop(handle, grace);
        });
    }

    @Override
    public void remove(ContainerHandle handle) {
        Objects.requireNonNull(handle, "handle");
        onLoop(() -> {
            record(new RecordedCall.Remove(now(), handle));
            doRemove(handle);
        });
    }

    @Override
    public void releaseTask(TaskSandboxSpec spec) {
        Objects.requireNonNull(spec, "spec");
        onLoop(() -> {
            record(new RecordedCall.ReleaseTask(now(), spec));
            doReleaseTask(spec);
        });
    }

    /** The lines written so far; fails with {@link IllegalArgumentException} for an unknown (or removed) handle. */
    @Override
    public CompletionStage<List<LogEntry>> logs(ContainerHandle handle) {
        Objects.requireNonNull(handle, "handle");
        if (!snapshots.containsKey(handle)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("unknown container: " + handle));
        }
        return CompletableFuture.completedFuture(logs.getOrDefault(handle, List.of()));
    }

    /** Always empty: simulated containers do not outlive the runtime. */
    @Override
    public List<DiscoveredContainer> discover() {
        return List.of();
    }

    /**
     * Stops all timers and reporting; later calls do nothing. Recorded calls and snapshots stay readable. Idempotent.
     * The time source is not closed (it is the caller's).
     */
    @Override
    public void close() {
        ControlLoop l = loop;
        if (closed) {
            return;
        }
        if (l == null) {
            closed = true;
            return;
        }
        try {
            l.call(() -> {
                closed = true;
                containers.values().forEach(SimContainer::cancelTimers);
                outbox.clear();
                return null;
            });
        } catch (RejectedExecutionException timeSourceClosed) {
            closed = true;
        }
        l.close();
    }

    @Override
    public String toString() {
        return "InMemoryRuntime[containers=" + snapshots.size() + ", sandboxes=" + sandboxes.size()
                + (closed ? ", closed" : "") + "]";
    }

    // ================================================================ the loop

    private void onLoop(Runnable command) {
        ControlLoop l = loop;
        if (l == null) {
            throw new IllegalStateException("start(context) the in-memory runtime before using it");
        }
        if (closed) {
            return;
        }
        try {
            l.call(() -> {
                if (!closed) {
                    try {
                        command.run();
                    } finally {
                        flush();
                    }
                }
                return null;
            });
        } catch (RejectedExecutionException timeSourceClosed) {
            // the time source (or the runtime) is closed: nothing happens any more
        }
    }

    /** Runs {@code step} as a loop command after {@code delay}. */
    private Cancellable after(Duration delay, Runnable step) {
        return SimulatorLoop.after(context.get().timeSource(), loop, () -> closed, this::flush, delay, step);
    }

    private Instant now() {
        return context.get().timeSource().clock().instant();
    }

    private void record(RecordedCall call) {
        if (recordCalls) {
            calls.add(call);
        }
    }

    private void emit(RuntimeEvent event) {
        outbox.add(event);
    }

    /** Reports queued events in order; reentrant calls (a sink calling back into the runtime) just queue more. */
    private void flush() {
        if (flushing) {
            return;
        }
        flushing = true;
        RuntimeException failure = null;
        try {
            Consumer<RuntimeEvent> sink = context.get().events();
            RuntimeEvent event;
            while ((event = outbox.poll()) != null) {
                if (closed) {
                    outbox.clear();
                    break;
                }
                try {
                    sink.accept(event);
                } catch (RuntimeException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
        } finally {
            flushing = false;
        }
        if (failure != null) {
            throw failure;
        }
    }

    // ================================================================ sandboxes

    private void doPrepareTask(TaskSandboxSpec spec) {
        TaskSandbox sandbox = sandboxes.get(spec.taskArn());
        if (sandbox == null) {
            if (spec.networkMode() == NetworkMode.AWSVPC) {
                String address = allocateAddress();
                if (address == null) {
                    TaskArn taskArn = spec.taskArn();
                    after(Duration.ZERO, () -> emit(new RuntimeEvent.SandboxFailed(taskArn,
                            "ResourceInitializationError", "failed to allocate a private IPv4 address: 10.0.0.0/16 is"
                                    + " exhausted")));
                    return;
                }
                List<NetworkBinding> bindings = new ArrayList<>();
                for (PortSpec port : spec.ports()) {
                    int hostPort = port.hostPort() == 0 ? port.containerPort() : port.hostPort();
                    bindings.add(new NetworkBinding(address, port.containerPort(), hostPort, port.protocol()));
                }
                sandbox = new TaskSandbox(spec.taskArn(), newId("sandbox:" + spec.taskArn()), address, bindings);
            } else {
                sandbox = TaskSandbox.none(spec.taskArn());
            }
            sandboxes.put(spec.taskArn(), sandbox);
        }
        TaskSandbox ready = sandbox;
        after(Duration.ZERO, () -> {
            if (sandboxes.get(ready.taskArn()) == ready) {
                emit(new RuntimeEvent.SandboxReady(ready));
            }
        });
    }

    private void doReleaseTask(TaskSandboxSpec spec) {
        TaskSandbox sandbox = sandboxes.remove(spec.taskArn());
        if (sandbox != null && sandbox.privateIpv4() != null) {
            addressesInUse.remove(sandbox.privateIpv4());
        }
    }

    /** The next free address of 10.0.0.0/16, in order, skipping each /24's first four and last (AWS reserves them). */
    private String allocateAddress() {
        int perSubnet = 251;
        int total = 256 * perSubnet;
        if (addressesInUse.size() >= total) {
            return null; // exhausted: answer at once instead of scanning all 64,256 addresses per task
        }
        for (int i = 0; i < total; i++) {
            long n = nextAddress++ % total;
            String address = "10.0." + (n / perSubnet) + "." + (4 + n % perSubnet);
            if (addressesInUse.add(address)) {
                return address;
            }
        }
        return null;
    }

    // ================================================================ containers

    private void doLaunch(ContainerLaunchSpec spec) {
        ContainerHandle handle = spec.handle();
        if (containers.containsKey(handle)) {
            throw new IllegalStateException("container " + handle + " was already launched; remove it before"
                    + " launching it again");
        }
        SimContainer c = new SimContainer(spec, behaviourFor(spec), now());
        containers.put(handle, c);
        publish(c);
        c.launchStep = after(Duration.ZERO, () -> {
            c.launchStep = null; // fired: keep no reference to the spent timer
            pullStarted(c);
        });
    }

    private void pullStarted(SimContainer c) {
        if (c.state != ContainerSnapshot.State.PULLING) {
            return;
        }
        emit(new RuntimeEvent.PullStarted(c.handle()));
        c.launchStep = after(c.behaviour.pullDelay(), () -> {
            c.launchStep = null; // fired: keep no reference to the spent timer
            pullFinished(c);
        });
    }

    private void pullFinished(SimContainer c) {
        if (c.state != ContainerSnapshot.State.PULLING) {
            return;
        }
        if (c.behaviour.failingStep() == ContainerBehaviour.LaunchStep.PULL) {
            launchFailed(c, "CannotPullContainerError", detailOr(c, DockerMessages.pullAccessDenied(c.spec.image())));
            return;
        }
        c.imageDigest = c.behaviour.imageDigest() != null ? c.behaviour.imageDigest()
                : imageDigests.computeIfAbsent(c.spec.image(), InMemoryRuntime::digestOf); // one string per image
        emit(new RuntimeEvent.PullFinished(c.handle(), c.imageDigest));
        publish(c);
        c.launchStep = after(Duration.ZERO, () -> {
            c.launchStep = null; // fired: keep no reference to the spent timer
            create(c);
        });
    }

    private void create(SimContainer c) {
        if (c.state != ContainerSnapshot.State.PULLING) {
            return;
        }
        String runtimeId = newId("container:" + c.handle());
        if (c.behaviour.failingStep() == ContainerBehaviour.LaunchStep.CREATE) {
            launchFailed(c, "CannotCreateContainerError", detailOr(c, DockerMessages.noSpaceLeft(runtimeId)));
            return;
        }
        c.runtimeId = runtimeId;
        c.state = ContainerSnapshot.State.CREATED;
        emit(new RuntimeEvent.Created(c.handle(), runtimeId));
        publish(c);
        c.launchStep = after(c.behaviour.startDelay(), () -> {
            c.launchStep = null; // fired: keep no reference to the spent timer
            start(c);
        });
    }

    private void start(SimContainer c) {
        if (c.state != ContainerSnapshot.State.CREATED) {
            return;
        }
        if (c.behaviour.failingStep() == ContainerBehaviour.LaunchStep.START) {
            launchFailed(c, "CannotStartContainerError", detailOr(c, DockerMessages.executableNotFound(c.spec)));
            return;
        }
        NetworkMode mode = c.spec.networkMode();
        if (mode == NetworkMode.BRIDGE || mode == NetworkMode.HOST) {
            PortAllocator.Allocation allocation = ports.allocate(c.hostKey(), c.spec.ports(), mode == NetworkMode.HOST);
            if (allocation.failed()) {
                launchFailed(c, "CannotStartContainerError", DockerMessages.portNotAvailable(
                        DockerMessages.agentContainerName(c.spec, c.runtimeId), c.runtimeId, allocation.error()));
                return;
            }
            c.bindings = allocation.bindings();
        }
        c.state = ContainerSnapshot.State.RUNNING;
        c.startedAt = now();
        HealthCheckSpec healthCheck = c.spec.healthCheck();
        if (healthCheck != null) {
            c.health = HealthState.starting();
        }
        emit(new RuntimeEvent.Started(c.handle(), c.runtimeId, c.bindings));
        publish(c);
        // Order matters at equal instants: a line due when the container exits is still written.
        for (ContainerBehaviour.LogLine line : c.behaviour.logLines()) {
            c.logWrites.add(after(line.offset(), () -> write(c, line)));
        }
        if (c.behaviour.runFor() != null) {
            c.exit = after(c.behaviour.runFor(), () -> {
                if (c.behaviour.oomKilled()) {
                    exited(c, ContainerBehaviour.SIGKILL_EXIT_CODE, true, ContainerBehaviour.OOM_REASON);
                } else {
                    exited(c, c.behaviour.exitCode(), false, null);
                }
            });
        }
        if (healthCheck != null) {
            c.healthProbe = after(interval(healthCheck), () -> probe(c));
        }
    }

    private void launchFailed(SimContainer c, String errorName, String detail) {
        c.cancelTimers();
        c.state = ContainerSnapshot.State.LAUNCH_FAILED;
        c.reason = errorName + ": " + detail;
        c.finishedAt = now();
        emit(new RuntimeEvent.LaunchFailed(c.handle(), errorName, detail));
        publish(c);
    }

    private void doStop(ContainerHandle handle, Duration grace) {
        SimContainer c = containers.get(handle);
        if (c == null || c.state.terminal() || c.state == ContainerSnapshot.State.STOPPING) {
            return;
        }
        if (c.state != ContainerSnapshot.State.RUNNING) {
            // still launching: call the launch off; it never ran
            c.cancelTimers();
            c.state = ContainerSnapshot.State.STOPPING;
            c.stop = after(Duration.ZERO, () -> exited(c, null, false, null));
            publish(c);
            return;
        }
        c.state = ContainerSnapshot.State.STOPPING;
        publish(c);
        ContainerBehaviour b = c.behaviour;
        if (grace.isZero()) {
            c.stop = after(Duration.ZERO, () -> exited(c, ContainerBehaviour.SIGKILL_EXIT_CODE, false, null));
        } else if (b.sigtermIgnored() || b.stopDelay().compareTo(grace) >= 0) {
            c.stop = after(grace, () -> exited(c, ContainerBehaviour.SIGKILL_EXIT_CODE, false, null));
        } else {
            c.stop = after(b.stopDelay(), () -> exited(c, b.sigtermExitCode(), false, null));
        }
    }

    private void doRemove(ContainerHandle handle) {
        SimContainer c = containers.remove(handle);
        if (c == null) {
            return;
        }
        c.removed = true;
        snapshots.remove(handle);
        logs.remove(handle);
        launchSequence.remove(handle);
        if (!c.state.terminal()) {
            // docker rm -f: kill it; its Exited still follows
            Integer exitCode = c.startedAt == null ? null : ContainerBehaviour.SIGKILL_EXIT_CODE;
            c.cancelTimers();
            c.state = ContainerSnapshot.State.STOPPING;
            c.stop = after(Duration.ZERO, () -> exited(c, exitCode, false, null));
        }
    }

    private void exited(SimContainer c, Integer exitCode, boolean oomKilled, String reason) {
        if (c.state.terminal()) {
            return;
        }
        c.cancelTimers();
        ports.release(c.hostKey(), c.bindings);
        c.state = ContainerSnapshot.State.EXITED;
        c.exitCode = exitCode;
        c.oomKilled = oomKilled;
        c.reason = reason;
        c.finishedAt = now();
        emit(new RuntimeEvent.Exited(c.handle(), exitCode, oomKilled, reason));
        publish(c);
    }

    private void write(SimContainer c, ContainerBehaviour.LogLine line) {
        if (!c.alive() || c.removed) {
            return;
        }
        LogEntry entry = new LogEntry(now(), line.stream(), line.message());
        logs.compute(c.handle(), (h, lines) -> { // no entry until a container writes its first line
            lines = lines == null ? List.of() : lines;
            List<LogEntry> more = new ArrayList<>(lines.size() + 1);
            more.addAll(lines);
            more.add(entry);
            return Collections.unmodifiableList(more);
        });
    }

    // ---------------------------------------------------------------- health checks

    private void probe(SimContainer c) {
        if (!c.alive()) {
            return;
        }
        HealthCheckSpec healthCheck = c.spec.healthCheck();
        Instant probeStart = now();
        HealthProbe result = c.behaviour.healthProbe(c.probes++);
        if (result == HealthProbe.TIMEOUT) {
            c.healthProbe = after(timeout(healthCheck), () -> probeEnded(c, probeStart, false));
        } else {
            probeEnded(c, probeStart, result == HealthProbe.PASS);
        }
    }

    private void probeEnded(SimContainer c, Instant probeStart, boolean passed) {
        if (!c.alive()) {
            return;
        }
        HealthCheckSpec healthCheck = c.spec.healthCheck();
        HealthState before = c.health;
        c.health = before.afterProbe(passed, Duration.between(c.startedAt, probeStart), healthCheck.retries(),
                healthCheck.startPeriod());
        if (c.health.status() != before.status()) {
            emit(new RuntimeEvent.HealthChanged(c.handle(), c.health.status().ecs()));
            publish(c);
        }
        c.healthProbe = after(interval(healthCheck), () -> probe(c));
    }

    private static Duration interval(HealthCheckSpec healthCheck) {
        return healthCheck.interval().isZero() || healthCheck.interval().isNegative() ? DOCKER_DEFAULT_PROBE_INTERVAL
                : healthCheck.interval();
    }

    private static Duration timeout(HealthCheckSpec healthCheck) {
        return healthCheck.timeout().isZero() || healthCheck.timeout().isNegative() ? DOCKER_DEFAULT_PROBE_TIMEOUT
                : healthCheck.timeout();
    }

    // ---------------------------------------------------------------- snapshots and ids

    private void publish(SimContainer c) {
        if (c.removed) {
            return;
        }
        if (!launchSequence.containsKey(c.handle())) {
            launchSequence.put(c.handle(), nextSequence++);
        }
        snapshots.put(c.handle(), c.snapshot());
    }

    private static String detailOr(SimContainer c, String realistic) {
        return c.behaviour.failureDetail() != null ? c.behaviour.failureDetail() : realistic;
    }

    /** A 64-hex-digit id, like Docker's; deterministic in the order ids are made. */
    /** A unique 64-hex id (unique per runtime: its first 16 digits are a bijection of a counter). */
    private String newId(String seed) {
        long n = nextId++;
        return hex256(mix(n + GAMMA), fnv1a(seed) ^ n);
    }

    /** The digest a reference pins, or a stable one made from the reference. */
    static String digestOf(String image) {
        int at = image.indexOf('@');
        if (at >= 0 && image.indexOf(':', at) > at) {
            return image.substring(at + 1);
        }
        String key = imageKey(image);
        long h = fnv1a(key);
        return "sha256:" + hex256(mix(h + GAMMA), h);
    }

    /** The image reference with an implicit {@code :latest} made explicit. */
    static String imageKey(String image) {
        Objects.requireNonNull(image, "image");
        String ref = image.trim();
        if (ref.isEmpty()) {
            throw new IllegalArgumentException("image must not be blank");
        }
        if (ref.indexOf('@') >= 0 || ref.lastIndexOf(':') > ref.lastIndexOf('/')) {
            return ref;
        }
        return ref + ":latest";
    }

    // Ids and digests only have to look like Docker's and be stable; a cryptographic hash would load the JDK's security
    // providers, a noticeable part of a test fixture's cold start.

    private static final long GAMMA = 0x9e3779b97f4a7c15L;

    /** 64 hex digits: {@code first}, then three SplitMix64 outputs seeded with {@code seed}. */
    private static String hex256(long first, long seed) {
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(first) + hex.toHexDigits(mix(seed + 2 * GAMMA)) + hex.toHexDigits(mix(seed + 3 * GAMMA))
                + hex.toHexDigits(mix(seed + 4 * GAMMA));
    }

    /** SplitMix64's finalizer: a bijection on 64-bit values. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** 64-bit FNV-1a of the text's UTF-16 units. */
    private static long fnv1a(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static <K> Map<K, ContainerBehaviour> with(Map<K, ContainerBehaviour> map, K key, ContainerBehaviour value) {
        Map<K, ContainerBehaviour> copy = new HashMap<>(map);
        copy.put(key, value);
        return Map.copyOf(copy);
    }

    // ================================================================ types

    /** The scripts, as one immutable value swapped atomically. */
    private record Scripts(ContainerBehaviour defaultBehaviour, Map<String, ContainerBehaviour> byImage,
                           Map<String, ContainerBehaviour> byName, Map<ContainerHandle, ContainerBehaviour> byHandle) {
    }

    /** One simulated container. Confined to the loop. */
    private static final class SimContainer {
        final ContainerLaunchSpec spec;
        final ContainerBehaviour behaviour;
        final Instant launchedAt;
        ContainerSnapshot.State state = ContainerSnapshot.State.PULLING;
        String runtimeId;
        String imageDigest;
        List<NetworkBinding> bindings = List.of();
        HealthState health;
        int probes;
        Integer exitCode;
        boolean oomKilled;
        String reason;
        Instant startedAt;
        Instant finishedAt;
        boolean removed;

        Cancellable launchStep;
        Cancellable exit;
        Cancellable stop;
        Cancellable healthProbe;
        final List<Cancellable> logWrites = new ArrayList<>();

        SimContainer(ContainerLaunchSpec spec, ContainerBehaviour behaviour, Instant launchedAt) {
            this.spec = spec;
            this.behaviour = behaviour;
            this.launchedAt = launchedAt;
        }

        ContainerHandle handle() {
            return spec.handle();
        }

        String hostKey() {
            return spec.hostId() == null ? "" : spec.hostId();
        }

        /** Running, or running and asked to stop. */
        boolean alive() {
            return state == ContainerSnapshot.State.RUNNING
                    || (state == ContainerSnapshot.State.STOPPING && startedAt != null);
        }

        void cancelTimers() {
            for (Cancellable timer : new Cancellable[] {launchStep, exit, stop, healthProbe}) {
                if (timer != null) {
                    timer.cancel();
                }
            }
            logWrites.forEach(Cancellable::cancel);
            logWrites.clear();
            launchStep = null;
            exit = null;
            stop = null;
            healthProbe = null;
        }

        ContainerSnapshot snapshot() {
            HealthStatus healthStatus = health != null ? health.status().ecs()
                    : spec.healthCheck() != null ? HealthStatus.UNKNOWN : null;
            return new ContainerSnapshot(spec.handle(), spec.image(), behaviour, state, runtimeId, imageDigest,
                    bindings, healthStatus, exitCode, oomKilled, reason, launchedAt, startedAt, finishedAt);
        }
    }

    /**
     * Builds an {@link InMemoryRuntime}. Not thread-safe.
     *
     * <p>Defaults: every container behaves as {@link ContainerBehaviour#defaultBehaviour()}; dynamic host ports from
     * {@value InMemoryRuntime#DEFAULT_FIRST_EPHEMERAL_PORT}-{@value InMemoryRuntime#DEFAULT_LAST_EPHEMERAL_PORT};
     * calls are recorded.
     */
    public static final class Builder {
        private ContainerBehaviour defaultBehaviour = ContainerBehaviour.defaultBehaviour();
        private final Map<String, ContainerBehaviour> byImage = new HashMap<>();
        private final Map<String, ContainerBehaviour> byName = new HashMap<>();
        private int firstEphemeralPort = DEFAULT_FIRST_EPHEMERAL_PORT;
        private int lastEphemeralPort = DEFAULT_LAST_EPHEMERAL_PORT;
        private boolean recordCalls = true;

        private Builder() {
        }

        /** The behaviour of containers that have no more specific script. */
        public Builder defaultBehaviour(ContainerBehaviour behaviour) {
            this.defaultBehaviour = Objects.requireNonNull(behaviour, "behaviour");
            return this;
        }

        /** As {@link InMemoryRuntime#onImage(String, ContainerBehaviour)}. */
        public Builder onImage(String image, ContainerBehaviour behaviour) {
            byImage.put(imageKey(image), Objects.requireNonNull(behaviour, "behaviour"));
            return this;
        }

        /** As {@link InMemoryRuntime#onContainer(String, ContainerBehaviour)}. */
        public Builder onContainer(String containerName, ContainerBehaviour behaviour) {
            byName.put(Objects.requireNonNull(containerName, "containerName"),
                    Objects.requireNonNull(behaviour, "behaviour"));
            return this;
        }

        /** The range dynamic host ports are taken from (the agent's {@code ECS_DYNAMIC_HOST_PORT_RANGE}). */
        public Builder ephemeralPortRange(int first, int last) {
            if (first < 1 || last > 65535 || first > last) {
                throw new IllegalArgumentException("ephemeral port range must satisfy 1 <= first <= last <= 65535: "
                        + first + "-" + last);
            }
            this.firstEphemeralPort = first;
            this.lastEphemeralPort = last;
            return this;
        }

        /**
         * Whether to record calls for {@link InMemoryRuntime#calls()} (default true). Recording keeps every call, so
         * turn it off for long-running use.
         */
        public Builder recordCalls(boolean recordCalls) {
            this.recordCalls = recordCalls;
            return this;
        }

        /** Builds the runtime; {@link InMemoryRuntime#start} it (the control plane does) before use. */
        public InMemoryRuntime build() {
            return new InMemoryRuntime(this);
        }
    }
}
