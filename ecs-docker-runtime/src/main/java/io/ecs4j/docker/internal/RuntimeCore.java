package io.ecs4j.docker.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Event;
import io.ecs4j.spi.runtime.ContainerHandle;
import io.ecs4j.spi.runtime.ContainerLaunchSpec;
import io.ecs4j.spi.runtime.DiscoveredContainer;
import io.ecs4j.spi.runtime.LogEntry;
import io.ecs4j.spi.runtime.RuntimeEvent;
import io.ecs4j.spi.runtime.TaskSandboxSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running part of a {@code DockerRuntime}: its threads, its containers, the event stream. Created by
 * {@code start}, ended by {@code close}.
 *
 * <p>Thread-safe. Docker calls run on a bounded pool; each container's and each task's work runs on its own strand
 * ({@link SerialExecutor}), so the events of one container come out in the order they happened.
 */
public final class RuntimeCore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RuntimeCore.class);

    final DockerClient docker;
    final Settings settings;
    private final Consumer<RuntimeEvent> sink;
    final ExecutorService pool;
    final ScheduledExecutorService timers;
    final Images images;
    final Sandboxes sandboxes;
    private final Map<ContainerHandle, ManagedContainer> byHandle = new ConcurrentHashMap<>();
    private final Map<String, ManagedContainer> byId = new ConcurrentHashMap<>();
    private final EventStream events;
    private volatile boolean closed;

    public RuntimeCore(DockerClient docker, Settings settings, Consumer<RuntimeEvent> sink, Instant now) {
        this.docker = docker;
        this.settings = settings;
        this.sink = sink;
        this.pool = new ThreadPoolExecutor(settings.maxConcurrency(), settings.maxConcurrency(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemonThreads("ecs4j-docker-"));
        ((ThreadPoolExecutor) pool).allowCoreThreadTimeOut(true);
        this.timers = Executors.newSingleThreadScheduledExecutor(daemonThreads("ecs4j-docker-timer-"));
        this.images = new Images(docker, settings);
        this.sandboxes = new Sandboxes(this);
        this.events = new EventStream(docker, Labels.filter(settings.scopeLabels()), this::onDockerEvent,
                this::reconcileAfterReconnect, timers);
        // a little earlier than now: events of the first milliseconds are replayed rather than lost (duplicates are
        // harmless, each container ignores what does not change its state)
        events.open(now.minusSeconds(1));
    }

    /** Waits until the event stream is connected, or {@code timeout}. */
    public boolean awaitEventStream(Duration timeout) throws InterruptedException {
        return events.awaitConnected(timeout);
    }

    void emit(RuntimeEvent event) {
        if (closed) {
            return;   // close() promises no further events
        }
        try {
            sink.accept(event);
        } catch (RuntimeException e) {
            LOG.error("event sink failed on {}", event, e);
        }
    }

    boolean closed() {
        return closed;
    }

    // ------------------------------------------------------------------ SPI operations

    public void prepareTask(TaskSandboxSpec spec) {
        sandboxes.prepare(spec);
    }

    public void releaseTask(TaskSandboxSpec spec) {
        sandboxes.release(spec);
    }

    public void launch(ContainerLaunchSpec spec) {
        ManagedContainer fresh = new ManagedContainer(this, spec.handle(), spec);
        ManagedContainer previous = byHandle.putIfAbsent(spec.handle(), fresh);
        if (previous != null) {
            LOG.warn("launch of {} ignored: the handle is already in use (remove it first)", spec.handle());
            return;
        }
        fresh.launch();
    }

    public void stop(ContainerHandle handle, Duration grace) {
        ManagedContainer c = byHandle.get(handle);
        if (c != null) {
            c.stop(grace);
        }
    }

    public void remove(ContainerHandle handle) {
        ManagedContainer c = byHandle.get(handle);
        if (c != null) {
            c.remove();
        }
    }

    public CompletionStage<List<LogEntry>> logs(ContainerHandle handle) {
        ManagedContainer c = byHandle.get(handle);
        if (c == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("unknown container: " + handle));
        }
        String id = c.containerId();
        if (id == null) {
            return CompletableFuture.completedFuture(List.of());   // never created: nothing written
        }
        return CompletableFuture.supplyAsync(() -> LogReader.read(docker, id), pool);
    }

    public List<DiscoveredContainer> discover() {
        return Discovery.discover(this);
    }

    // ------------------------------------------------------------------ bookkeeping

    void registerId(String id, ManagedContainer c) {
        byId.put(id, c);
    }

    boolean knowsId(String id) {
        return byId.containsKey(id);
    }

    /** Registers an adopted container unless its handle is taken; returns whether it was registered. */
    boolean adopt(ManagedContainer c) {
        if (byHandle.putIfAbsent(c.handle(), c) != null) {
            return false;
        }
        byId.put(c.containerId(), c);
        return true;
    }

    /** The handle is unknown from now on (remove() promises that when it returns); its Docker work may go on. */
    void forgetHandle(ManagedContainer c) {
        byHandle.remove(c.handle(), c);
    }

    /** The container is gone from Docker. */
    void forget(ManagedContainer c) {
        byHandle.remove(c.handle(), c);
        if (c.containerId() != null) {
            byId.remove(c.containerId(), c);
        }
        sandboxes.containerRemoved(c.handle().taskArn());
    }

    private void onDockerEvent(Event event) {
        String id = event.getActor() != null && event.getActor().getId() != null
                ? event.getActor().getId() : event.getId();
        ManagedContainer c = id == null ? null : byId.get(id);
        if (c == null) {
            return;   // not ours, or not yet created by this instance
        }
        String action = event.getAction() == null ? event.getStatus() : event.getAction();
        if (action == null) {
            return;
        }
        Map<String, String> attributes = event.getActor() == null || event.getActor().getAttributes() == null
                ? Map.of() : event.getActor().getAttributes();
        if (action.equals("die")) {
            c.onDie(parseInt(attributes.get("exitCode")));
        } else if (action.equals("oom")) {
            c.onOom();
        } else if (action.startsWith("health_status")) {
            c.onHealth(action.substring(action.indexOf(':') + 1).strip());
        }
    }

    /** After the stream was down, events may be lost: ask Docker for the state of every running container. */
    private void reconcileAfterReconnect() {
        byId.values().forEach(ManagedContainer::verify);
    }

    private static Integer parseInt(String value) {
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        events.close();
        timers.shutdownNow();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
        sandboxes.removeIdleNetworks();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
