package io.ecs4j.samples.webapp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Clients sending requests through the load balancer, continuously, counting the answers per version and every
 * failure (an error status or no answer).
 */
final class Traffic implements AutoCloseable {
    private final URI uri;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, LongAdder> perVersion = new ConcurrentHashMap<>();
    private final AtomicLong failed = new AtomicLong();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    Traffic(URI uri) {
        this.uri = uri;
    }

    /** Starts {@code clients} threads, each sending a request about every 10 ms. */
    void start(int clients) {
        running = true;
        for (int i = 0; i < clients; i++) {
            Thread t = new Thread(this::loop, "webapp-client-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    private void loop() {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build();
        while (running) {
            try {
                HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    perVersion.computeIfAbsent(r.body().strip(), k -> new LongAdder()).increment();
                } else {
                    fail("HTTP " + r.statusCode());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                fail(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void fail(String why) {
        failed.incrementAndGet();
        if (failures.size() < 20) {
            failures.add(why);
        }
    }

    /** Answers per body ({@code webapp v1}, ...), sorted. */
    Map<String, Long> perVersion() {
        Map<String, Long> out = new TreeMap<>();
        perVersion.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    long failed() {
        return failed.get();
    }

    long total() {
        return failed.get() + perVersion().values().stream().mapToLong(Long::longValue).sum();
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() {
        running = false;
        for (Thread t : threads) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
