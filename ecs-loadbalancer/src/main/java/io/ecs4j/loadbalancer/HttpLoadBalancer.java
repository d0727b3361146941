package io.ecs4j.loadbalancer;

import io.ecs4j.model.TaskArn;
import io.ecs4j.spi.loadbalancer.HealthCheckSettings;
import io.ecs4j.spi.loadbalancer.LoadBalancing;
import io.ecs4j.spi.loadbalancer.LoadBalancingContext;
import io.ecs4j.spi.loadbalancer.Target;
import io.ecs4j.spi.loadbalancer.TargetDescription;
import io.ecs4j.spi.loadbalancer.TargetEvent;
import io.ecs4j.spi.loadbalancer.TargetGroup;
import io.ecs4j.spi.loadbalancer.TargetHealthState;
import java.net.URI;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.proxy.ProxyHandler;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A real HTTP load balancer on this machine, for ecs4j services: each target group has a listener on
 * {@code 127.0.0.1} (Application Load Balancer style: one listener forwarding to one target group) that forwards
 * requests - through Jetty 12's reverse proxy ({@code jetty-proxy}) - round robin to the group's healthy targets, checks
 * their health over HTTP and drains them when they are deregistered.
 *
 * <h2>Behaviour, as Elastic Load Balancing</h2>
 * <ul>
 *   <li>Health checks: {@code GET <path>} on each target, at once when it registers and then every interval; a check
 *       passes on status 200 within the timeout. A target becomes {@code healthy} after {@code healthyThreshold}
 *       consecutive passes and {@code unhealthy} after {@code unhealthyThreshold} consecutive failures (reasons as ELB
 *       words them: {@code Health checks failed with these codes: [404]}, {@code Request timed out},
 *       {@code Health checks failed}).</li>
 *   <li>Routing: round robin over the healthy targets that are not draining. If every registered target is unhealthy
 *       the load balancer fails open (routes to all of them); with none healthy otherwise it answers 503.</li>
 *   <li>Connection draining: a deregistered target gets no new request; requests in flight finish; it leaves the
 *       group ({@link TargetEvent.Deregistered}) as soon as it has no request in flight, or when the group's
 *       deregistration delay has passed, whichever comes first.</li>
 * </ul>
 *
 * <p>Time is real: health checks and draining use the wall clock, whatever time source the control plane runs on
 * (use {@code TimeSource.system()}, as with the Docker runtime). The listeners start with the first target group.
 *
 * <p>Thread-safe.
 *
 * {@snippet :
 * HttpLoadBalancer lb = HttpLoadBalancer.create();
 * TargetGroup web = lb.createTargetGroup("web", HealthCheckSettings.DEFAULTS.withPath("/health")
 *         .withInterval(Duration.ofSeconds(5), Duration.ofSeconds(2)).withThresholds(2, 2), Duration.ofSeconds(5));
 * URI uri = lb.listenerUri(web.arn());                  // http://127.0.0.1:<port>/
 * try (LocalEcs ecs = LocalEcs.builder().runtime(DockerRuntime.create()).loadBalancer(lb).start()) {
 *     // services with loadBalancers = [(web.arn(), "app", 8080)] receive the traffic sent to uri
 * }
 * }
 */
public final class HttpLoadBalancer implements LoadBalancing {
    private static final System.Logger LOG = System.getLogger(HttpLoadBalancer.class.getName());
    private static final String BACKEND = HttpLoadBalancer.class.getName() + ".backend";

    private final String region;
    private final String accountId;
    private final String bindAddress;
    private final Map<String, Group> groups = new ConcurrentHashMap<>();
    private final Map<String, ServerConnector> listeners = new ConcurrentHashMap<>();
    private volatile LoadBalancingContext context;
    private volatile boolean closed;
    private Server server;
    private HttpClient checker;
    private ScheduledExecutorService timers;

    private HttpLoadBalancer(Builder b) {
        this.region = b.region;
        this.accountId = b.accountId;
        this.bindAddress = b.bindAddress;
    }

    /** A load balancer with the defaults: {@code us-east-1}, account {@code 000000000000}, listening on 127.0.0.1. */
    public static HttpLoadBalancer create() {
        return builder().build();
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    // ================================================================ target groups

    /**
     * Creates a target group and its listener on a free port of the bind address (see {@link #listenerUri}).
     *
     * @throws IllegalArgumentException for a bad name or delay, or a name already used
     * @throws IllegalStateException    when the listener cannot be opened, or after {@link #close()}
     */
    public TargetGroup createTargetGroup(String name, HealthCheckSettings healthCheck, Duration deregistrationDelay) {
        return createTargetGroup(name, healthCheck, deregistrationDelay, 0);
    }

    /**
     * Creates a target group and its listener on {@code port} (0: a free port).
     *
     * @throws IllegalArgumentException for a bad name or delay, or a name already used
     * @throws IllegalStateException    when the listener cannot be opened, or after {@link #close()}
     */
    public synchronized TargetGroup createTargetGroup(String name, HealthCheckSettings healthCheck,
                                                      Duration deregistrationDelay, int port) {
        if (closed) {
            throw new IllegalStateException("the load balancer is closed");
        }
        for (Group g : groups.values()) {
            if (g.config.name().equals(name)) {
                throw new IllegalArgumentException("a target group named " + name + " exists already: "
                        + g.config.arn());
            }
        }
        String id = HexFormat.of().toHexDigits(name.hashCode() * 0x9E3779B97F4A7C15L + groups.size());
        TargetGroup config = new TargetGroup(TargetGroup.arn(region, accountId, name, id), name, healthCheck,
                deregistrationDelay);
        ensureStarted();
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setName(config.arn());
        connector.setHost(bindAddress);
        connector.setPort(port);
        server.addConnector(connector);
        try {
            connector.start();
        } catch (Exception e) {
            server.removeConnector(connector);
            throw new IllegalStateException("cannot listen on " + bindAddress + ":" + port + " for target group "
                    + name + ": " + e.getMessage(), e);
        }
        groups.put(config.arn(), new Group(config));
        listeners.put(config.arn(), connector);
        return config;
    }

    /**
     * Where the target group's listener accepts requests: {@code http://<bind address>:<port>/}.
     *
     * @throws IllegalArgumentException for an unknown target group
     */
    public URI listenerUri(String targetGroupArn) {
        group(targetGroupArn);
        return URI.create("http://" + bindAddress + ":" + listeners.get(targetGroupArn).getLocalPort() + "/");
    }

    /** The registered targets (draining ones included) and their health, in registration order. */
    public List<TargetDescription> describeTargetHealth(String targetGroupArn) {
        return group(targetGroupArn).describe();
    }

    /** How many requests each task was sent, in the order tasks first got one. */
    public Map<TaskArn, Long> requestsServed(String targetGroupArn) {
        return group(targetGroupArn).served();
    }

    /** How many requests found no target to go to (answered 503). */
    public long noTargetResponses(String targetGroupArn) {
        return group(targetGroupArn).noTarget();
    }

    private Group group(String arn) {
        Group g = arn == null ? null : groups.get(arn);
        if (g == null) {
            throw new IllegalArgumentException("no target group " + arn + " in this load balancer");
        }
        return g;
    }

    // ================================================================ SPI

    @Override
    public String name() {
        return "http";
    }

    @Override
    public synchronized void start(LoadBalancingContext context) {
        Objects.requireNonNull(context, "context");
        if (this.context != null) {
            throw new IllegalStateException("the HTTP load balancer was already started");
        }
        if (closed) {
            throw new IllegalStateException("the load balancer is closed");
        }
        this.context = context;
        ensureStarted();
    }

    @Override
    public Optional<TargetGroup> findTargetGroup(String targetGroupArn) {
        Group g = targetGroupArn == null ? null : groups.get(targetGroupArn);
        return Optional.ofNullable(g == null ? null : g.config);
    }

    @Override
    public void registerTargets(String targetGroupArn, List<Target> targets) {
        Group g = targetGroupArn == null ? null : groups.get(targetGroupArn);
        if (g == null || closed) {
            return;
        }
        long interval = g.config.healthCheck().interval().toMillis();
        for (Target t : targets) {
            Backend b = g.add(new Backend(t));
            if (b != null) {
                synchronized (g) {
                    b.checks = timers.scheduleWithFixedDelay(() -> check(g, b), 0, interval, TimeUnit.MILLISECONDS);
                }
            }
        }
    }

    @Override
    public void deregisterTargets(String targetGroupArn, List<Target> targets) {
        Group g = targetGroupArn == null ? null : groups.get(targetGroupArn);
        if (g == null || closed) {
            return;
        }
        for (Target t : targets) {
            Backend b = g.get(t.key());
            if (b == null) {
                continue;
            }
            boolean idle;
            synchronized (g) {
                if (b.state == TargetHealthState.DRAINING || b.deregistered) {
                    continue;
                }
                b.state = TargetHealthState.DRAINING;
                b.reason = "Target.DeregistrationInProgress";
                if (b.checks != null) {
                    b.checks.cancel(false);
                }
                idle = b.inFlight == 0;
                if (!idle) {
                    b.drainTimeout = timers.schedule(() -> deregistered(g, b),
                            g.config.deregistrationDelay().toMillis(), TimeUnit.MILLISECONDS);
                }
            }
            if (idle) {
                timers.execute(() -> deregistered(g, b));
            }
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (timers != null) {
            timers.shutdownNow();
        }
        try {
            if (server != null) {
                server.stop();
            }
            if (checker != null) {
                checker.stop();
            }
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "stopping the HTTP load balancer failed", e);
        }
    }

    // ================================================================ internals

    private synchronized void ensureStarted() {
        if (server != null) {
            return;
        }
        QueuedThreadPool pool = new QueuedThreadPool(64, 4);
        pool.setName("ecs4j-lb");
        Server s = new Server(pool);
        ProxyHandler.Reverse proxy = new ProxyHandler.Reverse(request -> {
            Backend b = (Backend) request.getAttribute(BACKEND);
            return HttpURI.build(request.getHttpURI()).scheme("http").host(b.target.host()).port(b.target.port());
        });
        s.setHandler(new Balancer(proxy));
        HttpClient client = new HttpClient();
        client.setName("ecs4j-lb-health");
        client.setFollowRedirects(false);
        client.setConnectTimeout(2000);
        try {
            s.start();
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the HTTP load balancer: " + e.getMessage(), e);
        }
        timers = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "ecs4j-lb-timer");
            t.setDaemon(true);
            return t;
        });
        server = s;
        checker = client;
    }

    /** Picks the target of each request, forwards it through the proxy, and counts it until it completes. */
    private final class Balancer extends Handler.Wrapper {
        Balancer(Handler proxy) {
            super(proxy);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            Group g = groups.get(request.getConnectionMetaData().getConnector().getName());
            Backend b = g == null ? null : g.pick();
            if (b == null) {
                Response.writeError(request, response, callback, 503, "no healthy target");
                return true;
            }
            request.setAttribute(BACKEND, b);
            Callback counted = new Callback() {
                @Override
                public void succeeded() {
                    try {
                        callback.succeeded();
                    } finally {
                        release(g, b);
                    }
                }

                @Override
                public void failed(Throwable x) {
                    try {
                        callback.failed(x);
                    } finally {
                        release(g, b);
                    }
                }

                @Override
                public InvocationType getInvocationType() {
                    return callback.getInvocationType();
                }
            };
            boolean handled;
            try {
                handled = super.handle(request, response, counted);
            } catch (Exception | Error e) {
                release(g, b);
                throw e;
            }
            if (!handled) {
                release(g, b);
            }
            return handled;
        }
    }

    private void release(Group g, Backend b) {
        if (g.finished(b)) {
            deregistered(g, b);
        }
    }

    /** The target drained (or its delay passed): it leaves the group. Once. */
    private void deregistered(Group g, Backend b) {
        synchronized (g) {
            if (b.deregistered) {
                return;
            }
            b.deregistered = true;
            if (b.drainTimeout != null) {
                b.drainTimeout.cancel(false);
            }
            g.remove(b);
        }
        emit(new TargetEvent.Deregistered(g.config.arn(), b.target));
    }

    private void check(Group g, Backend b) {
        HealthCheckSettings hc = g.config.healthCheck();
        try {
            checker.newRequest(b.target.host(), b.target.port())
                    .path(hc.path())
                    .timeout(hc.timeout().toMillis(), TimeUnit.MILLISECONDS)
                    .send(result -> {
                        if (result.isFailed()) {
                            boolean timeout = result.getFailure() instanceof TimeoutException;
                            probed(g, b, false, timeout ? "Request timed out" : "Health checks failed");
                        } else {
                            int status = result.getResponse().getStatus();
                            probed(g, b, status == 200, "Health checks failed with these codes: [" + status + "]");
                        }
                    });
        } catch (RuntimeException e) {
            probed(g, b, false, "Health checks failed");
        }
    }

    private void probed(Group g, Backend b, boolean passed, String failure) {
        TargetEvent event = null;
        synchronized (g) {
            if (b.state == TargetHealthState.DRAINING || b.deregistered) {
                return;
            }
            HealthCheckSettings hc = g.config.healthCheck();
            TargetHealthState next = b.state;
            if (passed) {
                b.failures = 0;
                b.passes++;
                if (b.state != TargetHealthState.HEALTHY && b.passes >= hc.healthyThreshold()) {
                    next = TargetHealthState.HEALTHY;
                }
            } else {
                b.passes = 0;
                b.failures++;
                if (b.state != TargetHealthState.UNHEALTHY && b.failures >= hc.unhealthyThreshold()) {
                    next = TargetHealthState.UNHEALTHY;
                }
            }
            if (next != b.state) {
                b.state = next;
                b.reason = next == TargetHealthState.UNHEALTHY ? "Target.FailedHealthChecks" : null;
                event = new TargetEvent.HealthChanged(g.config.arn(), b.target, next,
                        next == TargetHealthState.UNHEALTHY ? failure : null);
            }
        }
        if (event != null) {
            emit(event);
        }
    }

    private void emit(TargetEvent event) {
        LoadBalancingContext c = context;
        if (c == null || closed) {
            return;
        }
        try {
            c.events().accept(event);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the load balancer's event sink failed on " + event, e);
        }
    }

    @Override
    public String toString() {
        return "HttpLoadBalancer[" + bindAddress + ", targetGroups=" + groups.size() + (closed ? ", closed" : "")
                + "]";
    }

    /** Builds an {@link HttpLoadBalancer}. Not thread-safe. */
    public static final class Builder {
        private String region = "us-east-1";
        private String accountId = "000000000000";
        private String bindAddress = "127.0.0.1";

        private Builder() {
        }

        /** The region in target group ARNs. Default {@code us-east-1} (LocalEcs's default). */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /** The account in target group ARNs. Default {@code 000000000000} (LocalEcs's default). */
        public Builder accountId(String accountId) {
            this.accountId = Objects.requireNonNull(accountId, "accountId");
            return this;
        }

        /** The address listeners bind to. Default {@code 127.0.0.1}: nothing is reachable from other machines. */
        public Builder bindAddress(String bindAddress) {
            this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
            return this;
        }

        /** A new load balancer (nothing listens until the first target group or {@code start}). */
        public HttpLoadBalancer build() {
            return new HttpLoadBalancer(this);
        }
    }
}
