package io.ecs4j.benchmarks.services;

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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The cheapest runtime that still behaves like one, to measure the control plane rather than a simulator: sandboxes
 * are ready, containers created and started, and stopped containers exited, at once — each as its own runtime event,
 * which the control plane handles as its own loop command, exactly as with a real runtime. Images listed with
 * {@link #failImage} fail to launch (a pull error). O(1) per call. Confined to the benchmark thread.
 */
final class InstantRuntime implements ContainerRuntime {
    private final Set<ContainerHandle> live = new HashSet<>();
    private final Set<String> failing = new HashSet<>();
    private RuntimeContext context;

    void failImage(String image) {
        failing.add(image);
    }

    @Override
    public String name() {
        return "instant";
    }

    @Override
    public Set<RuntimeCapability> capabilities() {
        return Set.of(RuntimeCapability.VIRTUAL_TIME);
    }

    @Override
    public void start(RuntimeContext context) {
        this.context = context;
    }

    @Override
    public void prepareTask(TaskSandboxSpec spec) {
        context.events().accept(new RuntimeEvent.SandboxReady(new TaskSandbox(spec.taskArn(), null, "10.0.0.9",
                List.of())));
    }

    @Override
    public void launch(ContainerLaunchSpec spec) {
        ContainerHandle h = spec.handle();
        if (failing.contains(spec.image())) {
            context.events().accept(new RuntimeEvent.LaunchFailed(h, "CannotPullContainerError",
                    "pull access denied for " + spec.image()));
            return;
        }
        live.add(h);
        context.events().accept(new RuntimeEvent.Created(h, "c-" + h.containerName()));
        context.events().accept(new RuntimeEvent.Started(h, "c-" + h.containerName(), List.of()));
    }

    @Override
    public void stop(ContainerHandle handle, Duration grace) {
        if (live.remove(handle)) {
            context.events().accept(new RuntimeEvent.Exited(handle, 143, false, null));
        }
    }

    @Override
    public void remove(ContainerHandle handle) {
        live.remove(handle);
    }

    @Override
    public void releaseTask(TaskSandboxSpec spec) {
    }

    @Override
    public CompletionStage<List<LogEntry>> logs(ContainerHandle handle) {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public List<DiscoveredContainer> discover() {
        return List.of();
    }

    @Override
    public void close() {
    }
}
