package io.ecs4j.docker.internal;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import io.ecs4j.model.HealthStatus;
import io.ecs4j.model.NetworkBinding;
import io.ecs4j.model.NetworkMode;
import io.ecs4j.model.TransportProtocol;
import io.ecs4j.spi.runtime.ContainerHandle;
import io.ecs4j.spi.runtime.ContainerLaunchSpec;
import io.ecs4j.spi.runtime.PortSpec;
import io.ecs4j.spi.runtime.RuntimeEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One container under management: its launch, its Docker events and its end. All work runs on the container's strand,
 * so its events are emitted in order: pull, created, started, health changes, then exactly one exited or failed.
 *
 * <p>{@link #stop} and {@link #remove} may be called from any thread while the launch runs; they set the cancel flag
 * under this object's lock, and the launch checks it between its steps.
 */
final class ManagedContainer {
    private static final Logger LOG = LoggerFactory.getLogger(ManagedContainer.class);
    static final String OOM_REASON = "OutOfMemoryError: Container killed due to memory usage";
    private static final Duration OOM_GRACE = Duration.ofMillis(300);

    enum State { LAUNCHING, STARTING, RUNNING, EXITED, FAILED }

    private final RuntimeCore core;
    private final ContainerHandle handle;
    private final ContainerLaunchSpec spec;   // null for adopted containers
    private final SerialExecutor strand;
    private volatile String containerId;
    private volatile java.io.Closeable pullInFlight;
    private State state;                       // guarded by this
    private boolean cancelRequested;           // guarded by this
    private Duration cancelGrace = Duration.ZERO;
    private boolean removed;                   // guarded by this
    // strand-confined
    private HealthStatus lastHealth;
    private boolean oomSeen;
    private boolean exitScheduled;
    private ScheduledFuture<?> retentionTimer;

    ManagedContainer(RuntimeCore core, ContainerHandle handle, ContainerLaunchSpec spec) {
        this.core = core;
        this.handle = handle;
        this.spec = spec;
        this.strand = new SerialExecutor(core.pool);
        this.state = State.LAUNCHING;
    }

    /** A container found by {@code discover()}, already created (and maybe already exited). */
    static ManagedContainer adopted(RuntimeCore core, ContainerHandle handle, String id, boolean running,
                                    HealthStatus health) {
        ManagedContainer c = new ManagedContainer(core, handle, null);
        c.containerId = id;
        c.state = running ? State.RUNNING : State.EXITED;
        c.lastHealth = health;
        return c;
    }

    ContainerHandle handle() {
        return handle;
    }

    String containerId() {
        return containerId;
    }

    // ------------------------------------------------------------------ launch

    void launch() {
        strand.execute(this::doLaunch);
    }

    private void doLaunch() {
        String step = "CannotPullContainerError";
        try {
            core.emit(new RuntimeEvent.PullStarted(handle));
            String digest = core.images.ensure(spec, pull -> pullInFlight = pull);
            if (cancelled()) {
                finishCancelled();
                return;
            }
            core.emit(new RuntimeEvent.PullFinished(handle, digest));

            step = "CannotCreateContainerError";
            core.sandboxes.ensureScratchVolumes(spec);
            String id;
            try {
                id = create();
            } catch (NotFoundException e) {
                if (!missingImage(e) || !core.images.forget(spec.image())) {
                    throw e;
                }
                // the image was removed since it was last seen: make it present again, then create
                step = "CannotPullContainerError";
                core.images.ensure(spec, pull -> pullInFlight = pull);
                if (cancelled()) {
                    finishCancelled();
                    return;
                }
                step = "CannotCreateContainerError";
                id = create();
            }
            containerId = id;
            core.registerId(id, this);
            core.emit(new RuntimeEvent.Created(handle, id));
            synchronized (this) {
                if (!cancelRequested) {
                    state = State.STARTING;
                }
            }
            if (cancelled()) {
                removeQuietly();
                finishCancelled();
                return;
            }

            step = "CannotStartContainerError";
            core.docker.startContainerCmd(id).exec();
            InspectContainerResponse inspect = core.docker.inspectContainerCmd(id).exec();
            core.images.createdFrom(spec.image(), inspect.getImageId());
            List<NetworkBinding> bindings = bindings(inspect);
            boolean stopNow;
            Duration grace;
            synchronized (this) {
                state = State.RUNNING;
                stopNow = cancelRequested;
                grace = cancelGrace;
            }
            core.emit(new RuntimeEvent.Started(handle, id, bindings));
            if (stopNow) {
                doStop(grace);   // stop arrived while starting: the container ran, so it ends with its exit code
            }
        } catch (RuntimeException e) {
            if (cancelled() && step.equals("CannotPullContainerError")) {
                finishCancelled();   // the pull was aborted by stop()
                return;
            }
            fail(step, DockerErrors.detail(e));
        }
    }

    private String create() {
        CreateContainerCmd create = core.docker.createContainerCmd(spec.image());
        ContainerConfigs.apply(create, spec, core.settings, core.settings.networkPrefix());
        return create.exec().getId();
    }

    private static boolean missingImage(NotFoundException e) {
        return e.getMessage() != null && e.getMessage().contains("No such image");
    }

    private void fail(String errorName, String detail) {
        synchronized (this) {
            state = State.FAILED;
        }
        LOG.debug("{} failed: {}: {}", handle, errorName, detail);
        core.emit(new RuntimeEvent.LaunchFailed(handle, errorName, detail));
        scheduleRetention();
    }

    private void finishCancelled() {
        synchronized (this) {
            state = State.EXITED;
        }
        core.emit(new RuntimeEvent.Exited(handle, null, false, null));
        scheduleRetention();
    }

    private synchronized boolean cancelled() {
        return cancelRequested;
    }

    /** What this container published: nothing for awsvpc (the pause container did) and none. */
    private List<NetworkBinding> bindings(InspectContainerResponse inspect) {
        NetworkMode mode = spec.networkMode();
        List<NetworkBinding> out = new ArrayList<>();
        if (mode == NetworkMode.HOST) {
            for (PortSpec p : spec.ports()) {
                int port = p.hostPort() == 0 ? p.containerPort() : p.hostPort();
                out.add(new NetworkBinding("0.0.0.0", p.containerPort(), port, p.protocol()));
            }
        } else if (mode == NetworkMode.BRIDGE) {
            out.addAll(publishedBindings(inspect, spec.ports()));
        }
        return out;
    }

    /** The host ports Docker bound for {@code ports} (the chosen ones for dynamic mappings). */
    static List<NetworkBinding> publishedBindings(InspectContainerResponse inspect, List<PortSpec> ports) {
        List<NetworkBinding> out = new ArrayList<>();
        Ports published = inspect.getNetworkSettings() == null ? null : inspect.getNetworkSettings().getPorts();
        if (published == null) {
            return out;
        }
        Map<ExposedPort, Ports.Binding[]> map = published.getBindings();
        for (PortSpec p : ports) {
            Ports.Binding[] bound = map.get(ContainerConfigs.exposedPort(p));
            if (bound == null) {
                continue;
            }
            for (Ports.Binding b : bound) {
                if (b.getHostPortSpec() != null && !b.getHostPortSpec().isEmpty()) {
                    out.add(new NetworkBinding(b.getHostIp() == null || b.getHostIp().isEmpty() ? "0.0.0.0"
                            : b.getHostIp(), p.containerPort(), Integer.parseInt(b.getHostPortSpec()), p.protocol()));
                }
            }
        }
        return out;
    }

    static List<NetworkBinding> allPublishedBindings(InspectContainerResponse inspect) {
        List<NetworkBinding> out = new ArrayList<>();
        Ports published = inspect.getNetworkSettings() == null ? null : inspect.getNetworkSettings().getPorts();
        if (published == null) {
            return out;
        }
        published.getBindings().forEach((exposed, bound) -> {
            if (bound == null) {
                return;
            }
            TransportProtocol protocol = exposed.getProtocol().name().equalsIgnoreCase("udp")
                    ? TransportProtocol.UDP : TransportProtocol.TCP;
            for (Ports.Binding b : bound) {
                if (b.getHostPortSpec() != null && !b.getHostPortSpec().isEmpty()) {
                    out.add(new NetworkBinding(b.getHostIp() == null || b.getHostIp().isEmpty() ? "0.0.0.0"
                            : b.getHostIp(), exposed.getPort(), Integer.parseInt(b.getHostPortSpec()), protocol));
                }
            }
        });
        return out;
    }

    // ------------------------------------------------------------------ stop / remove

    void stop(Duration grace) {
        synchronized (this) {
            switch (state) {
                case LAUNCHING, STARTING -> {
                    cancelRequested = true;
                    cancelGrace = grace;
                    closePull();
                    return;
                }
                case EXITED, FAILED -> {
                    return;
                }
                case RUNNING -> {
                }
            }
        }
        strand.execute(() -> doStop(grace));
    }

    private void doStop(Duration grace) {
        if (currentState() != State.RUNNING) {
            return;
        }
        try {
            core.docker.stopContainerCmd(containerId).withTimeout(ContainerConfigs.seconds(grace)).exec();
        } catch (NotModifiedException e) {
            // already stopped: its die event is (or was) on its way
        } catch (NotFoundException e) {
            exited(null, false);   // removed behind our back
            return;
        } catch (RuntimeException e) {
            LOG.warn("stop of {} failed: {}", handle, DockerErrors.detail(e));
            return;
        }
        // Docker's stop returns once the container exited: report it now rather than wait for the die event
        handleExit(null);
    }

    void remove() {
        synchronized (this) {
            if (removed) {
                return;
            }
            removed = true;
            if (state == State.LAUNCHING || state == State.STARTING) {
                cancelRequested = true;
                closePull();
            }
        }
        core.forgetHandle(this);
        strand.execute(this::doRemove);
    }

    private void doRemove() {
        if (retentionTimer != null) {
            retentionTimer.cancel(false);
        }
        if (currentState() == State.RUNNING) {
            try {
                // stop with no grace: SIGKILL, and returns once the container has exited, so Exited comes first
                core.docker.stopContainerCmd(containerId).withTimeout(0).exec();
            } catch (RuntimeException e) {
                LOG.debug("kill of {} before removal: {}", handle, e.getMessage());
            }
            handleExit(null, false);
        }
        removeQuietly();
        core.forget(this);
    }

    private void removeQuietly() {
        if (containerId == null) {
            return;
        }
        try {
            core.docker.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException e) {
            // already gone
        } catch (RuntimeException e) {
            LOG.warn("removal of {} ({}) failed: {}", handle, containerId, DockerErrors.detail(e));
        }
    }

    private void scheduleRetention() {
        Duration retention = core.settings.retention();
        if (retention == null || core.closed()) {
            return;
        }
        try {
            retentionTimer = core.timers.schedule(this::remove, retention.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    // ------------------------------------------------------------------ Docker events (any thread → strand)

    void onDie(Integer exitCodeFromEvent) {
        strand.execute(() -> handleExit(exitCodeFromEvent));
    }

    void onOom() {
        strand.execute(() -> oomSeen = true);
    }

    void onHealth(String status) {
        strand.execute(() -> {
            HealthStatus health = switch (status) {
                case "healthy" -> HealthStatus.HEALTHY;
                case "unhealthy" -> HealthStatus.UNHEALTHY;
                default -> null;   // "starting" is not a change ECS reports
            };
            if (health != null && health != lastHealth && currentState() == State.RUNNING) {
                lastHealth = health;
                core.emit(new RuntimeEvent.HealthChanged(handle, health));
            }
        });
    }

    /** Checks with Docker whether a running container is still running (after the event stream was down). */
    void verify() {
        strand.execute(() -> {
            if (currentState() != State.RUNNING) {
                return;
            }
            try {
                InspectContainerResponse inspect = core.docker.inspectContainerCmd(containerId).exec();
                if (!Boolean.TRUE.equals(inspect.getState().getRunning())) {
                    handleExit(null);
                } else if (inspect.getState().getHealth() != null) {
                    onHealth(inspect.getState().getHealth().getStatus());
                }
            } catch (NotFoundException e) {
                exited(null, false);
            } catch (RuntimeException e) {
                LOG.debug("verify of {} failed: {}", handle, e.getMessage());
            }
        });
    }

    /** Reports the container's exit once, with the exit code and OOM flag Docker recorded. Runs on the strand. */
    private void handleExit(Integer exitCodeFromEvent) {
        handleExit(exitCodeFromEvent, true);
    }

    private void handleExit(Integer exitCodeFromEvent, boolean allowOomGrace) {
        if (currentState() != State.RUNNING || exitScheduled) {
            return;
        }
        Integer exitCode = exitCodeFromEvent;
        boolean oom = oomSeen;
        boolean memoryLimited = spec != null && spec.memoryLimitMiB() != null;
        try {
            InspectContainerResponse inspect = core.docker.inspectContainerCmd(containerId).exec();
            InspectContainerResponse.ContainerState s = inspect.getState();
            if (Boolean.TRUE.equals(s.getRunning())) {
                return;   // a stale event: it is running (again)
            }
            exitCode = s.getExitCodeLong() == null ? exitCode : Integer.valueOf(s.getExitCodeLong().intValue());
            oom = oom || Boolean.TRUE.equals(s.getOOMKilled());
            Long memory = inspect.getHostConfig() == null ? null : inspect.getHostConfig().getMemory();
            memoryLimited = memoryLimited || (memory != null && memory > 0);
        } catch (NotFoundException e) {
            // removed already: keep what the event said
        } catch (RuntimeException e) {
            LOG.debug("inspect of {} after exit failed: {}", handle, e.getMessage());
        }
        if (allowOomGrace && !oom && memoryLimited && Integer.valueOf(137).equals(exitCode)) {
            // dockerd may handle the kernel's OOM notice just after the exit: give its oom event a moment to arrive
            exitScheduled = true;
            Integer code = exitCode;
            try {
                core.timers.schedule(() -> strand.execute(() -> exited(code, oomSeen || oomKilledNow())),
                        OOM_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                exitScheduled = false;
            }
        }
        exited(exitCode, oom);
    }

    private boolean oomKilledNow() {
        try {
            return Boolean.TRUE.equals(core.docker.inspectContainerCmd(containerId).exec().getState().getOOMKilled());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void exited(Integer exitCode, boolean oom) {
        synchronized (this) {
            if (state == State.EXITED || state == State.FAILED) {
                return;
            }
            state = State.EXITED;
        }
        core.emit(new RuntimeEvent.Exited(handle, exitCode, oom, oom ? OOM_REASON : null));
        scheduleRetention();
    }

    private void closePull() {
        java.io.Closeable pull = pullInFlight;
        if (pull != null) {
            try {
                pull.close();
            } catch (java.io.IOException | RuntimeException e) {
                LOG.debug("abort of the pull for {}: {}", handle, e.getMessage());
            }
        }
    }

    private synchronized State currentState() {
        return state;
    }
}
