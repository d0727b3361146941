package io.ecs4j.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.ecs4j.docker.internal.RuntimeCore;
import io.ecs4j.docker.internal.Settings;
import io.ecs4j.spi.runtime.ContainerHandle;
import io.ecs4j.spi.runtime.ContainerLaunchSpec;
import io.ecs4j.spi.runtime.ContainerRuntime;
import io.ecs4j.spi.runtime.DiscoveredContainer;
import io.ecs4j.spi.runtime.LogEntry;
import io.ecs4j.spi.runtime.RuntimeCapability;
import io.ecs4j.spi.runtime.RuntimeContext;
import io.ecs4j.spi.runtime.TaskSandboxSpec;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * A {@link ContainerRuntime} that runs ECS containers as real Docker containers, mapped the way the ECS container
 * agent maps them: image, entry point, command, environment, user, limits ({@code cpu} → CPU shares, {@code memory} →
 * hard limit, {@code memoryReservation} → soft limit), ulimits, health checks, init process, mounts, links and ports.
 * {@code awsvpc} is emulated as the agent does it: a per-task pause container on a per-cluster bridge network holds
 * the task's network namespace, ports and DNS aliases, and every container of the task joins it.
 *
 * <p>Every call of the SPI returns at once; Docker work runs on the runtime's own bounded pool, and its outcomes
 * arrive as {@link io.ecs4j.spi.runtime.RuntimeEvent}s, driven by Docker's event stream (no polling). Containers,
 * networks and volumes carry labels (the agent's {@code com.amazonaws.ecs.*} ones plus {@code io.ecs4j.*}) from which
 * {@link #discover()} rebuilds handles after a JVM restart.
 *
 * <p>Thread-safe. Needs a Docker engine with API 1.41 or later. The runtime takes wall-clock time for its own timers
 * (event stream reconnects, stopped-container retention), whatever {@link io.ecs4j.time.TimeSource} the context has.
 *
 * {@snippet :
 * try (DockerRuntime docker = DockerRuntime.builder()
 *         .bindAddress("127.0.0.1")
 *         .stoppedContainerRetention(Duration.ofMinutes(10))
 *         .build()) {
 *     HostCapacity capacity = docker.hostCapacity();   // register the host as a container instance
 *     // LocalEcs.builder().runtime(docker) ...
 * }
 * }
 */
public final class DockerRuntime implements ContainerRuntime {
    private volatile HostCapacity cachedCapacity;


    private static final Set<RuntimeCapability> CAPABILITIES = Set.copyOf(EnumSet.of(
            RuntimeCapability.REAL_CONTAINERS, RuntimeCapability.HEALTH_CHECKS, RuntimeCapability.PORT_PUBLISHING,
            RuntimeCapability.AWSVPC_NETWORKING, RuntimeCapability.LOGS, RuntimeCapability.VOLUMES,
            RuntimeCapability.DISCOVERY, RuntimeCapability.OOM_DETECTION, RuntimeCapability.IMAGE_PULL));

    private final Settings settings;
    private final DockerClient docker;
    private final String dockerHost;
    private volatile RuntimeCore core;
    private volatile boolean closed;

    private DockerRuntime(Builder b) {
        this.settings = new Settings(b.bindAddress, b.networkNamePrefix, b.credentials, b.retention, b.pauseImage,
                b.labels, b.maxConcurrency, b.pullTimeout);
        DefaultDockerClientConfig.Builder config = DefaultDockerClientConfig.createDefaultConfigBuilder();
        if (b.dockerHost != null) {
            config.withDockerHost(b.dockerHost);
        }
        DockerClientConfig resolved = config.build();
        this.dockerHost = resolved.getDockerHost().toString();
        ZerodepDockerHttpClient http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(resolved.getDockerHost())
                .sslConfig(resolved.getSSLConfig())
                .maxConnections(Math.max(16, b.maxConcurrency * 2 + 4))
                .connectionTimeout(Duration.ofSeconds(5))
                .build();
        this.docker = DockerClientImpl.getInstance(resolved, http);
    }

    /** A runtime with every default: the engine from {@code DOCKER_HOST} (else the local socket). */
    public static DockerRuntime create() {
        return builder().build();
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "docker";
    }

    /**
     * {@code REAL_CONTAINERS, HEALTH_CHECKS, PORT_PUBLISHING, AWSVPC_NETWORKING, LOGS, VOLUMES, DISCOVERY,
     * OOM_DETECTION, IMAGE_PULL}.
     */
    @Override
    public Set<RuntimeCapability> capabilities() {
        return CAPABILITIES;
    }

    /**
     * Connects to the engine and subscribes to its event stream. Blocks until both are done (usually milliseconds).
     *
     * @throws IllegalStateException if called twice, after {@link #close()}, or when the engine does not answer (the
     *                               message names the Docker host)
     */
    @Override
    public synchronized void start(RuntimeContext context) {
        Objects.requireNonNull(context, "context");
        if (closed) {
            throw new IllegalStateException("DockerRuntime is closed");
        }
        if (core != null) {
            throw new IllegalStateException("DockerRuntime already started");
        }
        try {
            docker.pingCmd().exec();
        } catch (RuntimeException e) {
            throw new IllegalStateException("no Docker engine answers at " + dockerHost
                    + " (start one, or set DOCKER_HOST / DockerRuntime.builder().dockerHost(...)): " + e.getMessage(), e);
        }
        // the event stream starts from wall-clock time, whatever the context's clock says (a virtual clock's "now" may be
        // far from the daemon's)
        RuntimeCore started = new RuntimeCore(docker, settings, context.events(), java.time.Instant.now());
        try {
            if (!started.awaitEventStream(Duration.ofSeconds(10))) {
                started.close();
                throw new IllegalStateException("Docker event stream at " + dockerHost + " did not connect in 10 s");
            }
        } catch (InterruptedException e) {
            started.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to Docker", e);
        }
        core = started;
    }

    @Override
    public void prepareTask(TaskSandboxSpec spec) {
        core().prepareTask(Objects.requireNonNull(spec, "spec"));
    }

    @Override
    public void launch(ContainerLaunchSpec spec) {
        core().launch(Objects.requireNonNull(spec, "spec"));
    }

    /** Docker's stop with {@code grace} as its timeout, rounded up to whole seconds. */
    @Override
    public void stop(ContainerHandle handle, Duration grace) {
        Objects.requireNonNull(grace, "grace");
        core().stop(Objects.requireNonNull(handle, "handle"), grace);
    }

    /** Removes the container and its anonymous volumes (killing it first if it still runs). */
    @Override
    public void remove(ContainerHandle handle) {
        core().remove(Objects.requireNonNull(handle, "handle"));
    }

    @Override
    public void releaseTask(TaskSandboxSpec spec) {
        core().releaseTask(Objects.requireNonNull(spec, "spec"));
    }

    @Override
    public CompletionStage<List<LogEntry>> logs(ContainerHandle handle) {
        return core().logs(Objects.requireNonNull(handle, "handle"));
    }

    /** Lists the engine's ecs4j containers (with this runtime's scope labels) and adopts the unknown ones. Blocks. */
    @Override
    public List<DiscoveredContainer> discover() {
        return core().discover();
    }

    /** The host's capacity ({@link #hostCapacity()}) as the SPI reports it; queried once, then cached. */
    @Override
    public java.util.Optional<io.ecs4j.spi.runtime.HostResources> hostResources() {
        HostCapacity capacity = cachedCapacity;
        if (capacity == null) {
            capacity = hostCapacity();
            cachedCapacity = capacity;
        }
        return java.util.Optional.of(new io.ecs4j.spi.runtime.HostResources(capacity.cpuUnits(),
                (int) Math.min(Integer.MAX_VALUE, capacity.memoryMiB())));
    }

    /**
     * The Docker host's CPUs and memory (from Docker's {@code info}), in the units a container instance registers
     * with: CPU units = cores × 1024, memory in MiB. Blocks for one Docker call; works before {@link #start}.
     *
     * @throws IllegalStateException when the engine does not answer
     */
    public HostCapacity hostCapacity() {
        try {
            Info info = docker.infoCmd().exec();
            return HostCapacity.of(info.getNCPU(), info.getMemTotal());
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot read the capacity of the Docker host " + dockerHost + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Stops the event stream and the worker threads, removes cluster networks no container uses any more, and closes
     * the connection. Containers keep running. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (core != null) {
            core.close();
        }
        try {
            docker.close();
        } catch (IOException e) {
            // nothing left to do with it
        }
    }

    private RuntimeCore core() {
        RuntimeCore c = core;
        if (c == null || closed) {
            throw new IllegalStateException(closed ? "DockerRuntime is closed" : "DockerRuntime not started");
        }
        return c;
    }

    @Override
    public String toString() {
        return "DockerRuntime[" + dockerHost + "]";
    }

    /**
     * Builds a {@link DockerRuntime}. Not thread-safe. Every setting has a default; {@link #build()} connects to
     * nothing (that happens in {@link DockerRuntime#start}).
     */
    public static final class Builder {
        private String dockerHost;
        private String bindAddress = "127.0.0.1";
        private String networkNamePrefix = "ecs4j-";
        private RegistryCredentialsProvider credentials = RegistryCredentialsProvider.anonymous();
        private Duration retention = Duration.ofHours(3);
        private String pauseImage;
        private final Map<String, String> labels = new LinkedHashMap<>();
        private int maxConcurrency = 16;
        private Duration pullTimeout = Duration.ofMinutes(10);

        private Builder() {
        }

        /**
         * The engine, for example {@code unix:///var/run/docker.sock} or {@code tcp://127.0.0.1:2375}. Default: the
         * {@code DOCKER_HOST} environment variable, else the local socket (docker-java's resolution, which also reads
         * {@code DOCKER_TLS_VERIFY} and {@code DOCKER_CERT_PATH}).
         */
        public Builder dockerHost(String dockerHost) {
            this.dockerHost = Objects.requireNonNull(dockerHost, "dockerHost");
            return this;
        }

        /**
         * The host address published ports bind to. Default {@code 127.0.0.1}, so nothing is reachable from other
         * machines; {@code 0.0.0.0} is what ECS does on a real instance.
         */
        public Builder bindAddress(String bindAddress) {
            this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
            return this;
        }

        /**
         * Prefix of the names of what the runtime creates besides task containers: the per-cluster {@code awsvpc}
         * network ({@code <prefix><cluster>}), pause containers ({@code <prefix>pause-<taskId>}) and task scratch
         * volumes ({@code <prefix><taskId>-<volume>}). Default {@code ecs4j-}.
         */
        public Builder networkNamePrefix(String prefix) {
            this.networkNamePrefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /** Resolves {@code repositoryCredentials.credentialsParameter} for pulls. Default: pull anonymously. */
        public Builder registryCredentialsProvider(RegistryCredentialsProvider provider) {
            this.credentials = Objects.requireNonNull(provider, "provider");
            return this;
        }

        /**
         * How long a container is kept after it stopped (for its logs and exit state) before the runtime removes it
         * itself, like the agent's {@code ECS_ENGINE_TASK_CLEANUP_WAIT_DURATION}. Default 3 hours; null keeps stopped
         * containers until {@link DockerRuntime#remove} is called.
         */
        public Builder stoppedContainerRetention(Duration retention) {
            if (retention != null && retention.isNegative()) {
                throw new IllegalArgumentException("retention must not be negative: " + retention);
            }
            this.retention = retention;
            return this;
        }

        /**
         * The image of {@code awsvpc} pause containers; its default command must run until killed. Default: a
         * built-in minimal image ({@code ecs4j/pause:1}, x86-64) imported into the engine on first use, so no
         * registry is needed.
         */
        public Builder pauseImage(String image) {
            this.pauseImage = Objects.requireNonNull(image, "image");
            return this;
        }

        /**
         * Adds a label to everything this runtime creates. {@link DockerRuntime#discover()} and the event stream then
         * only consider containers carrying all such labels: a way to keep several ecs4j instances on one engine apart.
         * Default: none.
         */
        public Builder label(String key, String value) {
            labels.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** The number of worker threads making Docker calls (a stop holds one for its grace period). Default 16. */
        public Builder maxConcurrency(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("maxConcurrency must be at least 1: " + threads);
            }
            this.maxConcurrency = threads;
            return this;
        }

        /** How long one image pull may take before the launch fails. Default 10 minutes. */
        public Builder pullTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("pullTimeout must be positive: " + timeout);
            }
            this.pullTimeout = timeout;
            return this;
        }

        /** A new runtime; not started. */
        public DockerRuntime build() {
            return new DockerRuntime(this);
        }
    }
}
