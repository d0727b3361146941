package io.ecs4j.samples.quickstart;

import io.ecs4j.model.Container;
import io.ecs4j.model.Deployment;
import io.ecs4j.model.DeploymentStatus;
import io.ecs4j.model.EcsEvent;
import io.ecs4j.model.Service;
import io.ecs4j.model.ServiceEvent;
import io.ecs4j.model.Task;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Prints, against virtual time since {@link #startNow()}: what changed in each standalone task, as it changes (from
 * the events of {@code LocalEcs.subscribe}); and, for a service, the service events ECS records (oldest first, where
 * DescribeServices lists them newest first) and every change of its deployments (from {@link #onService(Service)}).
 *
 * <p>To keep lines short, task ids are cut to 8 characters and target group ARNs to {@code targetgroup/name/id}.
 */
final class Timeline {
    private static final Pattern TASK_ID = Pattern.compile("\\(task ([0-9a-f]{8})[0-9a-f]{24}\\)");
    private static final Pattern TARGET_GROUP_ARN = Pattern.compile(
            "arn:aws:elasticloadbalancing:[^:]+:[0-9]+:(targetgroup/[^)\\s]+)");

    private final Clock clock;
    private final PrintStream out;
    private final Map<String, String> lastSeen = new HashMap<>();
    private final Set<String> seenServiceEvents = new HashSet<>();
    private String lastDeployments = "";
    private Instant origin;

    Timeline(Clock clock, PrintStream out) {
        this.clock = clock;
        this.out = out;
    }

    /** Starts (or restarts) the timeline: times are printed from now on, relative to now. */
    void startNow() {
        origin = clock.instant();
    }

    static String shortId(String id) {
        return id.substring(0, 8);
    }

    /** A service event's message, with task ids and target group ARNs shortened. */
    static String shorten(String message) {
        return TARGET_GROUP_ARN.matcher(TASK_ID.matcher(message).replaceAll("(task $1)")).replaceAll("$1");
    }

    // ------------------------------------------------------------------ standalone tasks

    /** Listens to task changes; tasks started by a service are left to {@link #onService(Service)}. */
    void onEvent(EcsEvent event) {
        if (origin == null || !(event instanceof EcsEvent.TaskStateChange change)
                || change.task().group() != null && change.task().group().startsWith("service:")) {
            return;
        }
        Task task = change.task();
        String id = shortId(task.taskId());
        if (!lastSeen.containsKey(id)) {
            lastSeen.put(id, "seen");
            printTask(id, "task created, " + task.lastStatus() + " (" + task.availabilityZone() + ")", event.time());
            remember(id, task);
            return;
        }
        for (Container c : task.containers()) {
            report(id, "container " + c.name(), c.lastStatus() + "/" + c.healthStatus() + "/" + c.exitCode(),
                    describe(c), event.time());
        }
        report(id, "health", task.healthStatus().value(), "task health " + task.healthStatus(), event.time());
        report(id, "status", task.lastStatus().value(), "task is " + task.lastStatus()
                + (task.stopCode() != null ? " (" + task.stopCode() + ": " + task.stoppedReason() + ")" : ""),
                event.time());
    }

    private void remember(String id, Task task) {
        for (Container c : task.containers()) {
            lastSeen.put(id + " container " + c.name(), c.lastStatus() + "/" + c.healthStatus() + "/" + c.exitCode());
        }
        lastSeen.put(id + " health", task.healthStatus().value());
        lastSeen.put(id + " status", task.lastStatus().value());
    }

    private static String describe(Container c) {
        String text = "container " + c.name() + " " + c.lastStatus();
        if (c.exitCode() != null) {
            text += " (exit code " + c.exitCode() + (c.essential() ? ", essential" : "") + ")";
        } else if (!c.healthStatus().value().equals("UNKNOWN")) {
            text += ", " + c.healthStatus();
        }
        return text;
    }

    private void report(String taskId, String what, String state, String text, Instant at) {
        if (Objects.equals(lastSeen.put(taskId + " " + what, state), state)) {
            return;
        }
        printTask(taskId, text, at);
    }

    private void printTask(String taskId, String text, Instant at) {
        print(at, "task " + taskId + "  " + text);
    }

    // ------------------------------------------------------------------ services

    /**
     * Prints the service's events not printed yet, oldest first, then its deployments if they changed since the last
     * call.
     *
     * @return {@code service}
     */
    Service onService(Service service) {
        List<ServiceEvent> fresh = new ArrayList<>();
        for (ServiceEvent e : service.events()) {
            if (seenServiceEvents.add(e.id())) {
                fresh.add(e);
            }
        }
        Collections.reverse(fresh);
        fresh.forEach(e -> print(e.createdAt(), shorten(e.message())));
        String deployments = service.deployments().stream().map(Timeline::describe)
                .collect(Collectors.joining(" | "));
        if (!deployments.equals(lastDeployments)) {
            lastDeployments = deployments;
            print(clock.instant(), "deployments: " + deployments);
        }
        return service;
    }

    private static String describe(Deployment d) {
        return d.status() + " " + d.taskDefinition().familyRevision() + " " + d.runningCount() + "/"
                + d.desiredCount() + " running" + (d.pendingCount() > 0 ? ", " + d.pendingCount() + " pending" : "")
                + (d.status() == DeploymentStatus.PRIMARY ? " (" + d.rolloutState() + ")" : "");
    }

    private void print(Instant at, String text) {
        Duration since = Duration.between(origin, at);
        out.printf("   +%02d:%02d.%03d  %s%n", since.toMinutes(), since.toSecondsPart(), since.toMillisPart(), text);
    }
}
