package io.ecs4j.server;

import io.ecs4j.LocalEcs;
import io.ecs4j.server.internal.cli.ServerCommand;
import io.ecs4j.server.internal.http.NettyEndpoint;
import io.ecs4j.server.internal.wire.RegionRouter;
import io.ecs4j.server.internal.wire.Regions;
import io.ecs4j.server.internal.wire.WireProtocol;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Amazon ECS's wire API (AWS JSON 1.1, {@code X-Amz-Target: AmazonEC2ContainerServiceV20141113.<Operation>}) over
 * HTTP, so the unmodified AWS SDKs and the AWS CLI drive a {@link LocalEcs}.
 *
 * <p>Regions: the region of a request is the one of its SigV4 credential scope ({@code Authorization:
 * ... Credential=<key>/<date>/<region>/ecs/aws4_request}); signatures are not verified. An endpoint built with
 * {@link Builder#localEcs(LocalEcs)} serves that instance's region only (other regions get a {@code ClientException}
 * naming the served region); one built with {@link Builder#localEcsFactory(Function)} (or with neither) makes one
 * {@code LocalEcs} per region on its first request. Unsigned requests go to {@link #defaultRegion()}.
 *
 * <p>Lifecycle: {@link #start()} binds the port; {@link #close()} (idempotent) releases it and closes the
 * {@code LocalEcs} instances the endpoint made itself, never one given to {@link Builder#localEcs(LocalEcs)}.
 *
 * {@snippet :
 * try (LocalEcs ecs = LocalEcs.builder().start();
 *      EcsServer server = EcsServer.builder().localEcs(ecs).port(0).build().start()) {
 *     EcsClient client = EcsClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)...build();
 *     client.listClusters();
 * }
 * }
 *
 * <p>Thread-safe. Requests are served in parallel; every change goes through {@link LocalEcs}, which applies the
 * changes of one cluster in order.
 */
public final class EcsServer implements AutoCloseable {
    private final String host;
    private final RegionRouter regions;
    private final Regions.OnDemand ownedRegions;
    private final NettyEndpoint endpoint;
    private final WireProtocol protocol;
    private final LocalEcs embedded;
    private final Object lock = new Object();
    private State state = State.NEW;

    private enum State { NEW, RUNNING, CLOSED }

    private EcsServer(Builder b) {
        this.host = b.host;
        if (b.localEcs != null) {
            this.ownedRegions = null;
            this.regions = Regions.fixed(b.localEcs, b.defaultRegion != null ? b.defaultRegion : b.localEcs.region());
        } else {
            Function<String, LocalEcs> factory = b.factory != null ? b.factory
                    : region -> LocalEcs.builder().region(region).build();
            this.ownedRegions = Regions.onDemand(factory, b.defaultRegion != null ? b.defaultRegion : "us-east-1");
            this.regions = ownedRegions;
        }
        this.protocol = new WireProtocol(regions);
        this.endpoint = new NettyEndpoint(b.host, b.port, b.maxRequestBytes, b.workerThreads, b.ioThreads, protocol);
        this.embedded = b.localEcs;
    }

    /** A new builder: 127.0.0.1, an ephemeral port, one {@code LocalEcs} per region made on demand. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds the port and serves requests. An embedded {@code LocalEcs} that is not started yet is started (and still
     * not closed by this server).
     *
     * @return this
     * @throws IllegalStateException if already started or closed
     * @throws UncheckedIOException  if the port cannot be bound
     */
    public EcsServer start() {
        synchronized (lock) {
            if (state != State.NEW) {
                throw new IllegalStateException("EcsServer can be started once; it is " + state);
            }
            if (embedded != null && embedded.state() == LocalEcs.State.NEW) {
                embedded.start();
            }
            try {
                endpoint.start();
            } catch (Exception e) {
                state = State.CLOSED;
                endpoint.close();
                if (ownedRegions != null) {
                    ownedRegions.close();
                }
                throw new UncheckedIOException("cannot listen on " + host + ": " + e.getMessage(),
                        e instanceof java.io.IOException io ? io : new java.io.IOException(e));
            }
            state = State.RUNNING;
            return this;
        }
    }

    /** The endpoint URI for {@code endpointOverride} / {@code --endpoint-url}, for example {@code http://127.0.0.1:8080}. */
    public URI endpoint() {
        requireStarted();
        String h = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + h + ":" + endpoint.port());
    }

    /** The bound port. */
    public int port() {
        requireStarted();
        return endpoint.port();
    }

    /** The region of requests without a SigV4 credential scope. */
    public String defaultRegion() {
        return regions.defaultRegion();
    }

    /**
     * The {@code LocalEcs} serving {@code region}; with a factory it is made (and started) if needed.
     *
     * @throws IllegalArgumentException if this endpoint does not serve {@code region}
     */
    public LocalEcs localEcs(String region) {
        Objects.requireNonNull(region, "region");
        try {
            return regions.forRegion(region);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The ECS operations this endpoint implements, sorted. */
    public List<String> supportedOperations() {
        return protocol.supportedOperations();
    }

    /** The operations of the ECS API answered with {@code UnsupportedFeatureException}, sorted. */
    public List<String> unsupportedOperations() {
        return protocol.unsupportedOperations();
    }

    /** Stops serving, releases the port and closes the {@code LocalEcs} instances this server made. Idempotent. */
    @Override
    public void close() {
        synchronized (lock) {
            if (state == State.CLOSED) {
                return;
            }
            state = State.CLOSED;
            try {
                endpoint.close();
            } finally {
                if (ownedRegions != null) {
                    ownedRegions.close();
                }
            }
        }
    }

    private void requireStarted() {
        synchronized (lock) {
            if (state != State.RUNNING) {
                throw new IllegalStateException("EcsServer is " + state + "; call start() first");
            }
        }
    }

    /**
     * Runs a standalone endpoint: {@code java -jar ecs-server.jar [--port P] [--host H] [--region R]
     * [--runtime in-memory|docker] [--instances N]}. Prints the endpoint URL; Ctrl-C stops it.
     */
    public static void main(String[] args) {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        System.exit(ServerCommand.run(args, System.out, System.err));
    }

    /** Builds an {@link EcsServer}. Not thread-safe. */
    public static final class Builder {
        private LocalEcs localEcs;
        private Function<String, LocalEcs> factory;
        private String defaultRegion;
        private String host = "127.0.0.1";
        private int port;
        private int maxRequestBytes = 1 << 20;
        private int workerThreads = 200;
        private int ioThreads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

        private Builder() {
        }

        /**
         * Serves this instance (and only its region). It is started by {@link EcsServer#start()} if it is not yet, and
         * never closed by the server.
         */
        public Builder localEcs(LocalEcs localEcs) {
            this.localEcs = Objects.requireNonNull(localEcs, "localEcs");
            this.factory = null;
            return this;
        }

        /**
         * Makes one instance per region on the region's first request (the argument is the region); the server starts
         * it if it is not started and closes it on {@link EcsServer#close()}. The default makes
         * {@code LocalEcs.builder().region(region).build()} (real time, the runtime found on the class path).
         */
        public Builder localEcsFactory(Function<String, LocalEcs> factory) {
            this.factory = Objects.requireNonNull(factory, "factory");
            this.localEcs = null;
            return this;
        }

        /**
         * The region of requests without a SigV4 credential scope. Default: the embedded instance's region, else
         * {@code us-east-1}.
         */
        public Builder defaultRegion(String region) {
            this.defaultRegion = Objects.requireNonNull(region, "region");
            return this;
        }

        /** The address to listen on. Default {@code 127.0.0.1}. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port; 0 (the default) picks a free one, see {@link EcsServer#port()}. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535: " + port);
            }
            this.port = port;
            return this;
        }

        /** The largest request body accepted; larger ones get HTTP 413. Default 1 MiB. */
        public Builder maxRequestBytes(int maxRequestBytes) {
            if (maxRequestBytes < 1024) {
                throw new IllegalArgumentException("maxRequestBytes must be at least 1024: " + maxRequestBytes);
            }
            this.maxRequestBytes = maxRequestBytes;
            return this;
        }

        /** The size of the worker pool serving changes. Default 200. */
        public Builder workerThreads(int workerThreads) {
            if (workerThreads < 4) {
                throw new IllegalArgumentException("workerThreads must be at least 4: " + workerThreads);
            }
            this.workerThreads = workerThreads;
            return this;
        }

        /** The number of I/O threads. Default: the number of processors, at most 4. */
        public Builder ioThreads(int ioThreads) {
            if (ioThreads < 1) {
                throw new IllegalArgumentException("ioThreads must be at least 1: " + ioThreads);
            }
            this.ioThreads = ioThreads;
            return this;
        }

        /** A new server, not started. */
        public EcsServer build() {
            return new EcsServer(this);
        }
    }
}
