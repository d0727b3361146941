package io.ecs4j.services;

import io.ecs4j.model.HealthStatus;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * A runtime for service tests whose containers behave by image: they start (after {@link #startDelay}), fail to
 * launch, or start and report a health status; stopped containers exit (after {@link #stopDelay}). Tests can also
 * crash a task's containers or change their health by hand. Every delay runs on the virtual clock.
 */
final class ScriptedRuntime implements ContainerRuntime {

    /** What a container of an image does. */
    enum Behaviour {
        /** Starts; reports HEALTHY when it has a health check. */
        HEALTHY,
        /** Starts; reports UNHEALTHY when it has a health check. */
        UNHEALTHY,
        /** Starts; reports no health (UNKNOWN) until told. */
        SILENT,
        /** Cannot be launched (an image pull error): the task never reaches RUNNING. */
        FAIL,
        /** Never starts and never fails. */
        HANG
    }

    private final Map<String, Behaviour> behaviours = new HashMap<>();
    private final Map<ContainerHandle, ContainerLaunchSpec> live = new LinkedHashMap<>();
    private final List<String> launchedImages = new ArrayList<>();
    private final List<java.time.Instant> launchTimes = new ArrayList<>();
    private RuntimeContext context;
    private Behaviour defaultBehaviour = Behaviour.HEALTHY;
    Function<ContainerLaunchSpec, Duration> startDelay = spec -> Duration.ZERO;
    Function<ContainerHandle, Duration> stopDelay = handle -> Duration.ZERO;

    ScriptedRuntime behave(String image, Behaviour behaviour) {
        behaviours.put(image, behaviour);
        return this;
    }

    ScriptedRuntime byDefault(Behaviour behaviour) {
        this.defaultBehaviour = behaviour;
        return this;
    }

    @Override
    public String name() {
        return "scripted";
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
    public synchronized void prepareTask(TaskSandboxSpec spec) {
        emit(new RuntimeEvent.SandboxReady(new TaskSandbox(spec.taskArn(), null, "10.0.0.9", List.of())));
    }

    @Override
    public synchronized void launch(ContainerLaunchSpec spec) {
        launchedImages.add(spec.image());
        launchTimes.add(context.timeSource().clock().instant());
        Behaviour behaviour = behaviours.getOrDefault(spec.image(), defaultBehaviour);
        ContainerHandle h = spec.handle();
        switch (behaviour) {
            case FAIL -> emit(new RuntimeEvent.LaunchFailed(h, "CannotPullContainerError",
                    "pull image manifest has been retried 5 time(s): " + spec.image() + ": not found"));
            case HANG -> live.put(h, spec);
            default -> {
                live.put(h, spec);
                Duration delay = startDelay.apply(spec);
                Runnable start = () -> {
                    synchronized (this) {
                        if (!live.containsKey(h)) {
                            return;
                        }
                        emit(new RuntimeEvent.Created(h, "rt-" + h.containerName()));
                        emit(new RuntimeEvent.Started(h, "rt-" + h.containerName(), List.of()));
                        if (spec.healthCheck() != null && behaviour != Behaviour.SILENT) {
                            emit(new RuntimeEvent.HealthChanged(h, behaviour == Behaviour.HEALTHY
                                    ? HealthStatus.HEALTHY : HealthStatus.UNHEALTHY));
                        }
                    }
                };
                if (delay.isZero()) {
                    start.run();
                } else {
                    context.timeSource().schedule(delay, start);
                }
            }
        }
    }

    @Override
    public synchronized void stop(ContainerHandle handle, Duration grace) {
        if (!live.containsKey(handle)) {
            return;
        }
        Duration delay = stopDelay.apply(handle);
        Runnable exit = () -> {
            synchronized (this) {
                if (live.remove(handle) != null) {
                    emit(new RuntimeEvent.Exited(handle, 143, false, null));
                }
            }
        };
        if (delay.isZero()) {
            exit.run();
        } else {
            context.timeSource().schedule(delay, exit);
        }
    }

    /** The containers of {@code task} exit with {@code code}, as if they crashed. */
    synchronized void crash(TaskArn task, int code) {
        for (ContainerHandle h : new ArrayList<>(live.keySet())) {
            if (h.taskArn().equals(task)) {
                live.remove(h);
                emit(new RuntimeEvent.Exited(h, code, false, null));
            }
        }
    }

    /** The containers of {@code task} report {@code status}. */
    synchronized void health(TaskArn task, HealthStatus status) {
        for (ContainerHandle h : live.keySet()) {
            if (h.taskArn().equals(task)) {
                emit(new RuntimeEvent.HealthChanged(h, status));
            }
        }
    }

    synchronized List<java.time.Instant> launchTimes() {
        return List.copyOf(launchTimes);
    }

    synchronized List<String> launchedImages() {
        return List.copyOf(launchedImages);
    }

    private void emit(RuntimeEvent event) {
        context.events().accept(event);
    }

    @Override
    public void remove(ContainerHandle handle) {
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
