package io.ecs4j.loadbalancer;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.ecs4j.model.TaskArn;
import io.ecs4j.spi.loadbalancer.HealthCheckSettings;
import io.ecs4j.spi.loadbalancer.LoadBalancingContext;
import io.ecs4j.spi.loadbalancer.Target;
import io.ecs4j.spi.loadbalancer.TargetDescription;
import io.ecs4j.spi.loadbalancer.TargetEvent;
import io.ecs4j.spi.loadbalancer.TargetGroup;
import io.ecs4j.spi.loadbalancer.TargetHealthState;
import io.ecs4j.time.VirtualClock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP load balancer against real HTTP servers on 127.0.0.1: health checks, round robin over healthy targets,
 * fail-open, connection draining and the deregistration delay. Real time (health checks are at least 5 s apart, as ELB
 * requires), so each case waits a few seconds.
 */
class HttpLoadBalancerTest {
    private static final HealthCheckSettings FAST = HealthCheckSettings.DEFAULTS.withPath("/health")
            .withInterval(Duration.ofSeconds(5), Duration.ofSeconds(2)).withThresholds(2, 2);

    private final HttpLoadBalancer lb = HttpLoadBalancer.create();
    private final List<TargetEvent> events = new CopyOnWriteArrayList<>();
    private final List<HttpServer> servers = new ArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final CountDownLatch release = new CountDownLatch(1);
    private int nextTask;

    HttpLoadBalancerTest() {
        lb.start(new LoadBalancingContext(VirtualClock.create(), events::add));
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        lb.close();
        servers.forEach(s -> s.stop(0));
    }

    /** A server answering its name on {@code /}, {@code health} on {@code /health}; {@code /slow} waits for release. */
    private Target server(String name, int healthStatus, Duration healthDelay) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        s.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            int status = 200;
            String body = name;
            if (path.equals("/health")) {
                sleep(healthDelay);
                status = healthStatus;
            } else if (path.equals("/slow")) {
                await(release);
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        s.start();
        servers.add(s);
        nextTask++;
        return new Target("i-" + name, "127.0.0.1", s.getAddress().getPort(),
                TaskArn.parse("arn:aws:ecs:us-east-1:000000000000:task/default/" + "%032x".formatted(nextTask)), "app");
    }

    private Target server(String name) throws IOException {
        return server(name, 200, Duration.ZERO);
    }

    private HttpResponse<String> get(TargetGroup tg, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(lb.listenerUri(tg.arn()).resolve(path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private TargetHealthState state(TargetGroup tg, Target t) {
        return lb.describeTargetHealth(tg.arn()).stream().filter(d -> d.target().sameTarget(t))
                .map(TargetDescription::state).findFirst().orElse(null);
    }

    private static void awaitTrue(String what, BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out waiting for " + what).isLessThan(deadline);
            sleep(Duration.ofMillis(50));
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void healthChecks_routeRoundRobinOverHealthyTargetsOnly_withElbReasons_andFailOpen() throws Exception {
        TargetGroup tg = lb.createTargetGroup("web", FAST, Duration.ofSeconds(30));
        Target a = server("a");
        Target b = server("b");
        Target broken = server("broken", 500, Duration.ZERO);
        Target slow = server("slow", 200, Duration.ofSeconds(3));
        lb.registerTargets(tg.arn(), List.of(a, b, broken, slow));
        TargetGroup lonely = lb.createTargetGroup("lonely", FAST, Duration.ofSeconds(30));
        Target sick = server("sick", 404, Duration.ZERO);
        lb.registerTargets(lonely.arn(), List.of(sick));

        assertThat(get(tg, "/").statusCode()).as("no target healthy yet").isEqualTo(503);
        awaitTrue("a and b healthy, broken and slow unhealthy", () -> state(tg, a) == TargetHealthState.HEALTHY
                && state(tg, b) == TargetHealthState.HEALTHY && state(tg, broken) == TargetHealthState.UNHEALTHY
                && state(tg, slow) == TargetHealthState.UNHEALTHY, Duration.ofSeconds(20));

        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> r = get(tg, "/");
            assertThat(r.statusCode()).isEqualTo(200);
            bodies.add(r.body());
        }
        assertThat(bodies).containsOnly("a", "b").containsSubsequence("a", "b", "a", "b");
        assertThat(lb.requestsServed(tg.arn())).containsEntry(a.taskArn(), 3L).containsEntry(b.taskArn(), 3L);
        assertThat(events).contains(new TargetEvent.HealthChanged(tg.arn(), broken, TargetHealthState.UNHEALTHY,
                        "Health checks failed with these codes: [500]"),
                new TargetEvent.HealthChanged(tg.arn(), slow, TargetHealthState.UNHEALTHY, "Request timed out"),
                new TargetEvent.HealthChanged(tg.arn(), a, TargetHealthState.HEALTHY, null));

        awaitTrue("sick unhealthy", () -> state(lonely, sick) == TargetHealthState.UNHEALTHY, Duration.ofSeconds(20));
        HttpResponse<String> failOpen = get(lonely, "/");
        assertThat(failOpen.statusCode()).as("every target unhealthy: fail open").isEqualTo(200);
        assertThat(failOpen.body()).isEqualTo("sick");
    }

    @Test
    void deregister_sendsNoNewRequest_letsInFlightOnesFinish_andLeavesWhenIdle() throws Exception {
        TargetGroup tg = lb.createTargetGroup("web", FAST, Duration.ofSeconds(60));
        Target a = server("a");
        Target b = server("b");
        lb.registerTargets(tg.arn(), List.of(a, b));
        awaitTrue("both healthy", () -> state(tg, a) == TargetHealthState.HEALTHY
                && state(tg, b) == TargetHealthState.HEALTHY, Duration.ofSeconds(20));
        List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            slow.add(client.sendAsync(HttpRequest.newBuilder(lb.listenerUri(tg.arn()).resolve("/slow")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        awaitTrue("both slow requests in flight", () -> lb.requestsServed(tg.arn()).size() == 2,
                Duration.ofSeconds(5));

        lb.deregisterTargets(tg.arn(), List.of(a));
        assertThat(state(tg, a)).isEqualTo(TargetHealthState.DRAINING);
        for (int i = 0; i < 4; i++) {
            assertThat(get(tg, "/").body()).isEqualTo("b");
        }
        sleep(Duration.ofMillis(300));
        assertThat(events).noneMatch(e -> e instanceof TargetEvent.Deregistered);

        release.countDown();
        assertThat(slow).allSatisfy(f -> assertThat(f.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200));
        awaitTrue("a deregistered", () -> events.contains(new TargetEvent.Deregistered(tg.arn(), a)),
                Duration.ofSeconds(5));
        assertThat(lb.describeTargetHealth(tg.arn())).extracting(TargetDescription::target).containsExactly(b);
    }

    @Test
    void deregister_withARequestStuck_leavesAfterTheDeregistrationDelay() throws Exception {
        TargetGroup tg = lb.createTargetGroup("web", FAST, Duration.ofSeconds(2));
        Target a = server("a");
        lb.registerTargets(tg.arn(), List.of(a));
        awaitTrue("healthy", () -> state(tg, a) == TargetHealthState.HEALTHY, Duration.ofSeconds(20));
        client.sendAsync(HttpRequest.newBuilder(lb.listenerUri(tg.arn()).resolve("/slow")).build(),
                HttpResponse.BodyHandlers.ofString());
        awaitTrue("in flight", () -> !lb.requestsServed(tg.arn()).isEmpty(), Duration.ofSeconds(5));

        long start = System.nanoTime();
        lb.deregisterTargets(tg.arn(), List.of(a));
        awaitTrue("deregistered", () -> events.contains(new TargetEvent.Deregistered(tg.arn(), a)),
                Duration.ofSeconds(10));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1900),
                Duration.ofSeconds(5));
        assertThat(get(tg, "/").statusCode()).isEqualTo(503);
    }

    @Test
    void deregister_anIdleTarget_leavesAtOnce_andUnknownTargetsAreIgnored() throws Exception {
        TargetGroup tg = lb.createTargetGroup("web", FAST, Duration.ofSeconds(300));
        Target a = server("a");
        lb.registerTargets(tg.arn(), List.of(a));
        lb.deregisterTargets(tg.arn(), List.of(a, server("never-registered")));
        awaitTrue("deregistered", () -> events.contains(new TargetEvent.Deregistered(tg.arn(), a)),
                Duration.ofSeconds(2));
        assertThat(events).filteredOn(e -> e instanceof TargetEvent.Deregistered).hasSize(1);
        assertThat(lb.listenerUri(tg.arn())).isEqualTo(URI.create("http://127.0.0.1:"
                + lb.listenerUri(tg.arn()).getPort() + "/"));
        assertThat(lb.findTargetGroup(tg.arn())).contains(tg);
    }
}
