package io.ecs4j.samples.quickstart;

import io.ecs4j.model.Container;
import io.ecs4j.model.EcsEvent;
import io.ecs4j.model.Task;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** Prints what changed in each task, as it changes, against virtual time. */
final class Timeline {
    private final java.time.Clock clock;
    private final PrintStream out;
    private final Map<String, String> lastSeen = new HashMap<>();
    private Instant origin;

    Timeline(java.time.Clock clock, PrintStream out) {
        this.clock = clock;
        this.out = out;
    }

    void startNow() {
        origin = clock.instant();
    }

    static String shortId(String id) {
        return id.substring(0, 8);
    }

    void onEvent(EcsEvent event) {
        if (origin == null || !(event instanceof EcsEvent.TaskStateChange change)) {
            return;
        }
        Task task = change.task();
        String id = shortId(task.taskId());
        if (!lastSeen.containsKey(id)) {
            lastSeen.put(id, "seen");
            print(id, "task created, " + task.lastStatus() + " (" + task.availabilityZone() + ")", event.time());
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
        print(taskId, text, at);
    }

    private void print(String taskId, String text, Instant at) {
        Duration since = Duration.between(origin, at);
        out.printf("   +%02d:%02d.%03d  task %s  %s%n", since.toMinutes(), since.toSecondsPart(), since.toMillisPart(),
                taskId, text);
    }
}
