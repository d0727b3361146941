package io.ecs4j.samples.webapp;

import io.ecs4j.LocalEcs;
import io.ecs4j.loadbalancer.HttpLoadBalancer;
import io.ecs4j.model.Deployment;
import io.ecs4j.model.EcsEvent;
import io.ecs4j.model.Service;
import io.ecs4j.model.ServiceEvent;
import io.ecs4j.model.Task;
import io.ecs4j.spi.loadbalancer.TargetDescription;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Prints, live: service events as ECS records them, deployment changes, task status changes, the load balancer's view
 * of each target, and the requests answered per version every five seconds.
 */
final class Timeline implements AutoCloseable {
    private final LocalEcs ecs;
    private final HttpLoadBalancer lb;
    private final String cluster;
    private final String service;
    private final String targetGroupArn;
    private final PrintStream out;
    private final long origin = System.nanoTime();
    private final Set<String> seenEvents = new HashSet<>();
    private final Map<String, String> deployments = new HashMap<>();
    private final Map<String, String> targets = new HashMap<>();
    private final Map<String, String> tasks = new HashMap<>();
    private final Thread poller;
    private final AutoCloseable subscription;
    private volatile Traffic traffic;
    private volatile boolean running = true;
    private long lastCounts;

    Timeline(LocalEcs ecs, HttpLoadBalancer lb, String cluster, String service, String targetGroupArn,
             PrintStream out) {
        this.ecs = ecs;
        this.lb = lb;
        this.cluster = cluster;
        this.service = service;
        this.targetGroupArn = targetGroupArn;
        this.out = out;
        ecs.findService(cluster, service).ifPresent(s -> s.events().forEach(e -> seenEvents.add(e.id())));
        subscription = ecs.subscribe(this::onEvent);
        poller = new Thread(this::poll, "webapp-timeline");
        poller.setDaemon(true);
        poller.start();
    }

    void traffic(Traffic t) {
        this.traffic = t;
    }

    /** Prints a line stamped with the time since the sample started. */
    synchronized void print(String text) {
        double seconds = (System.nanoTime() - origin) / 1e9;
        out.printf("  +%5.1fs  %s%n", seconds, text);
    }

    private void onEvent(EcsEvent event) {
        if (event instanceof EcsEvent.TaskStateChange c && ("service:" + service).equals(c.task().group())) {
            Task t = c.task();
            String status = t.lastStatus().value();
            if (!Objects.equals(tasks.put(t.taskId(), status), status)) {
                print("task " + shortId(t.taskId()) + " (v" + t.taskDefinitionArn().revision() + ", "
                        + t.availabilityZone() + ") " + status + (t.stoppedReason() != null
                        && t.lastStatus().value().equals("STOPPED") ? "  [" + t.stoppedReason() + "]" : ""));
            }
        }
    }

    private void poll() {
        while (running) {
            try {
                pollOnce();
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the instance is closing
            }
        }
    }

    private void pollOnce() {
        Service s = ecs.findService(cluster, service).orElse(null);
        if (s != null) {
            List<ServiceEvent> fresh = new ArrayList<>();
            for (ServiceEvent e : s.events()) {
                if (seenEvents.add(e.id())) {
                    fresh.add(0, e);
                }
            }
            fresh.forEach(e -> print("event: " + shorten(e.message())));
            for (Deployment d : s.deployments()) {
                String state = d.status() + " " + d.rolloutState() + " running " + d.runningCount() + "/"
                        + d.desiredCount() + (d.failedTasks() > 0 ? " failed " + d.failedTasks() : "");
                if (!Objects.equals(deployments.put(d.id(), state), state)) {
                    print("deployment " + d.id() + " (webapp:" + d.taskDefinition().revision() + ") " + state);
                }
            }
        }
        Set<String> present = new HashSet<>();
        for (TargetDescription d : lb.describeTargetHealth(targetGroupArn)) {
            String key = d.target().endpoint();
            present.add(key);
            String state = d.state().value();
            if (!Objects.equals(targets.put(key, state), state)) {
                print("target " + key + " (task " + shortId(d.target().taskArn().taskId()) + ") " + state
                        + (d.reason() != null ? " (" + d.reason() + ")" : ""));
            }
        }
        for (String key : new ArrayList<>(targets.keySet())) {
            if (!present.contains(key)) {
                targets.remove(key);
                print("target " + key + " deregistered");
            }
        }
        Traffic t = traffic;
        long now = System.nanoTime();
        if (t != null && now - lastCounts > Duration.ofSeconds(5).toNanos()) {
            lastCounts = now;
            print("requests: " + t.perVersion() + ", failed " + t.failed());
        }
    }

    private String shorten(String message) {
        return message.replace(targetGroupArn, "targetgroup/" + targetGroupArn.substring(
                targetGroupArn.indexOf("targetgroup/") + "targetgroup/".length()));
    }

    static String shortId(String id) {
        return id.substring(0, 8);
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
        try {
            poller.join(2000);
            subscription.close();
        } catch (Exception e) {
            Thread.currentThread().interrupt();
        }
        pollOnce();
    }
}
