package io.ecs4j.server;

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
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A runtime for the server's tests: sandboxes are ready and containers run at once, and a stopped container exits
 * at once with 143 (SIGTERM). Enough to drive task lifecycles and the SDK's waiters in real time.
 */
final class InstantRuntime implements ContainerRuntime {
    private final Set<ContainerHandle> running = ConcurrentHashMap.newKeySet();
    private volatile RuntimeContext context;

    @Override
    public String name() {
        return "instant";
    }

    @Override
    public Set<RuntimeCapability> capabilities() {
        return Set.of();
    }

    @Override
    public void start(RuntimeContext context) {
        this.context = context;
    }

    @Override
    public void prepareTask(TaskSandboxSpec spec) {
        context.events().accept(new RuntimeEvent.SandboxReady(TaskSandbox.none(spec.taskArn())));
    }

    @Override
    public void launch(ContainerLaunchSpec spec) {
        ContainerHandle h = spec.handle();
        running.add(h);
        context.events().accept(new RuntimeEvent.Created(h, "c-" + h.containerName()));
        context.events().accept(new RuntimeEvent.Started(h, "c-" + h.containerName(), List.of()));
    }

    @Override
    public void stop(ContainerHandle handle, Duration grace) {
        if (running.remove(handle)) {
            context.events().accept(new RuntimeEvent.Exited(handle, 143, false, null));
        }
    }

    @Override
    public void remove(ContainerHandle handle) {
        running.remove(handle);
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
