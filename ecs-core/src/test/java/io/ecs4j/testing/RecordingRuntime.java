package io.ecs4j.testing;

import io.ecs4j.model.HealthStatus;
import io.ecs4j.model.NetworkBinding;
import io.ecs4j.model.TaskArn;
import io.ecs4j.spi.runtime.ContainerHandle;
import io.ecs4j.spi.runtime.ContainerLaunchSpec;
import io.ecs4j.spi.runtime.ContainerRuntime;
import io.ecs4j.spi.runtime.DiscoveredContainer;
import io.ecs4j.spi.runtime.LogEntry;
import io.ecs4j.spi.runtime.RuntimeCapability;
import io.ecs4j.spi.runtime.RuntimeContext;
import io.ecs4j.spi.runtime.RuntimeEvent;
import io.ecs4j.spi.runtime.TaskSandbox;
import io.ecs4j.spi.runtime.TaskSandboxSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A runtime for engine tests: records every call and does nothing on its own; the test reports events by hand
 * ({@link #started}, {@link #exited}, ...). With {@link #autoStart()} sandboxes and launches succeed at once.
 */
public final class RecordingRuntime implements ContainerRuntime {

    /** One call the engine made. */
    public record Call(String kind, ContainerHandle handle, TaskArn task, Duration grace, ContainerLaunchSpec spec) {
        @Override
        public String toString() {
            return kind + (handle != null ? " " + handle.containerName() : "") + (grace != null ? " " + grace : "");
        }
    }

    private final List<Call> calls = new ArrayList<>();
    private final Map<ContainerHandle, ContainerLaunchSpec> launched = new LinkedHashMap<>();
    private final Map<TaskArn, TaskSandboxSpec> sandboxes = new LinkedHashMap<>();
    private RuntimeContext context;
    private boolean autoStart;
    private boolean autoSandbox = true;
    private List<DiscoveredContainer> discoverable = List.of();
    private boolean discovery = true;

    /** Sandboxes ready at once, and every launched container starts at once (Created + Started). */
    public RecordingRuntime autoStart() {
        this.autoStart = true;
        return this;
    }

    /** Declares no DISCOVERY capability, as a runtime whose containers never outlive it (the in-memory one). */
    public RecordingRuntime withoutDiscovery() {
        this.discovery = false;
        return this;
    }

    /** Do not report SandboxReady automatically. */
    public RecordingRuntime manualSandbox() {
        this.autoSandbox = false;
        return this;
    }

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public Set<RuntimeCapability> capabilities() {
        // DISCOVERY: what it launched can be discovered by another instance (asDiscovered), as after a restart
        return discovery ? Set.of(RuntimeCapability.VIRTUAL_TIME, RuntimeCapability.DISCOVERY)
                : Set.of(RuntimeCapability.VIRTUAL_TIME);
    }

    @Override
    public void start(RuntimeContext context) {
        this.context = context;
    }

    @Override
    public synchronized void prepareTask(TaskSandboxSpec spec) {
        calls.add(new Call("prepare", null, spec.taskArn(), null, null));
        sandboxes.put(spec.taskArn(), spec);
        if (autoSandbox) {
            context.events().accept(new RuntimeEvent.SandboxReady(new TaskSandbox(spec.taskArn(), null,
                    "10.0.0.9", List.of())));
        }
    }

    @Override
    public synchronized void launch(ContainerLaunchSpec spec) {
        calls.add(new Call("launch", spec.handle(), spec.handle().taskArn(), null, spec));
        launched.put(spec.handle(), spec);
        if (autoStart) {
            created(spec.handle());
            started(spec.handle());
        }
    }

    @Override
    public synchronized void stop(ContainerHandle handle, Duration grace) {
        calls.add(new Call("stop", handle, handle.taskArn(), grace, null));
    }

    @Override
    public synchronized void remove(ContainerHandle handle) {
        calls.add(new Call("remove", handle, handle.taskArn(), null, null));
    }

    @Override
    public synchronized void releaseTask(TaskSandboxSpec spec) {
        calls.add(new Call("release", null, spec.taskArn(), null, null));
    }

    @Override
    public CompletionStage<List<LogEntry>> logs(ContainerHandle handle) {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public List<DiscoveredContainer> discover() {
        return discoverable;
    }

    /** What {@link #discover()} reports (containers "left running by a previous process"). */
    public RecordingRuntime discoverable(List<DiscoveredContainer> containers) {
        this.discoverable = List.copyOf(containers);
        return this;
    }

    /** The containers launched so far, as a later runtime would discover them (all running). */
    public synchronized List<DiscoveredContainer> asDiscovered() {
        return launched.values().stream().map(spec -> new DiscoveredContainer(spec.handle(),
                "rt-" + spec.handle(), true, null, null, List.of(), spec.labels())).toList();
    }

    @Override
    public void close() {
    }

    // ------------------------------------------------------------------ for tests

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The calls of one kind, in order. */
    public synchronized List<Call> calls(String kind) {
        return calls.stream().filter(c -> c.kind().equals(kind)).toList();
    }

    /** The sandbox spec the engine prepared for {@code task}, or null. */
    public synchronized TaskSandboxSpec sandbox(TaskArn task) {
        return sandboxes.get(task);
    }

    /** The names of the containers launched, in order. */
    public synchronized List<String> launchedNames() {
        return calls("launch").stream().map(c -> c.handle().containerName()).toList();
    }

    /** The launch spec of {@code container} of the (only or last) task that launched it. */
    public synchronized ContainerLaunchSpec spec(String container) {
        ContainerLaunchSpec found = null;
        for (ContainerLaunchSpec s : launched.values()) {
            if (s.containerName().equals(container)) {
                found = s;
            }
        }
        return found;
    }

    /** The handle of {@code container} of the last task that launched it. */
    public ContainerHandle handle(String container) {
        ContainerLaunchSpec s = spec(container);
        if (s == null) {
            throw new AssertionError("container " + container + " was never launched; calls: " + calls());
        }
        return s.handle();
    }

    public void created(ContainerHandle h) {
        context.events().accept(new RuntimeEvent.Created(h, "rt-" + h.containerName()));
    }

    public void started(ContainerHandle h) {
        context.events().accept(new RuntimeEvent.Started(h, "rt-" + h.containerName(), List.of()));
    }

    public void started(ContainerHandle h, List<NetworkBinding> bindings) {
        context.events().accept(new RuntimeEvent.Started(h, "rt-" + h.containerName(), bindings));
    }

    public void health(ContainerHandle h, HealthStatus status) {
        context.events().accept(new RuntimeEvent.HealthChanged(h, status));
    }

    public void exited(ContainerHandle h, int code) {
        context.events().accept(new RuntimeEvent.Exited(h, code, false, null));
    }

    public void exitedBeforeStart(ContainerHandle h) {
        context.events().accept(new RuntimeEvent.Exited(h, null, false, null));
    }

    public void oomKilled(ContainerHandle h) {
        context.events().accept(new RuntimeEvent.Exited(h, 137, true, null));
    }

    public void launchFailed(ContainerHandle h, String error, String detail) {
        context.events().accept(new RuntimeEvent.LaunchFailed(h, error, detail));
    }

    public void sandboxReady(TaskArn task) {
        context.events().accept(new RuntimeEvent.SandboxReady(new TaskSandbox(task, "pause", "10.0.0.9", List.of())));
    }

    public void sandboxFailed(TaskArn task, String error, String detail) {
        context.events().accept(new RuntimeEvent.SandboxFailed(task, error, detail));
    }

    /** Reports every stop call so far as an exit with {@code code}, for containers not yet reported. */
    public void exitAllStopped(int code) {
        for (Call c : calls("stop")) {
            exited(c.handle(), code);
        }
    }
}
