package io.ecs4j.benchmarks.services;

import io.ecs4j.model.DesiredStatus;
import io.ecs4j.model.EcsEvent;
import io.ecs4j.model.Task;
import io.ecs4j.model.TaskStatus;
import io.ecs4j.model.TaskStopCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The independent checker of the service benchmarks (benchmarking.md rule 4): listens to every published task change
 * of the service and fails the run when the service ever has more than ⌊D × max / 100⌋ tasks RUNNING, PENDING or
 * STOPPING, or when the scheduler stops a healthy task while fewer than ⌈D × min / 100⌉ healthy tasks remain (healthy:
 * RUNNING for 40 s, the tasks have no health check). It also counts deployment waves: launches separated by the
 * 40-second health wait. A fast but wrong run is a failure.
 */
final class ServiceChecker implements Consumer<EcsEvent> {
    private final String group;
    private final Clock clock;
    private final Map<String, Task> tasks = new HashMap<>();
    private int desired;
    private int min;
    private int max;
    private String violation;
    private Instant lastLaunchAt;
    private int launchWaves;

    ServiceChecker(String service, Clock clock) {
        this.group = "service:" + service;
        this.clock = clock;
    }

    void expect(int desired, int min, int max) {
        this.desired = desired;
        this.min = min;
        this.max = max;
    }

    /** Starts counting launch waves afresh (before a deployment). */
    void resetWaves() {
        lastLaunchAt = null;
        launchWaves = 0;
    }

    int launchWaves() {
        return launchWaves;
    }

    int liveTasks() {
        return tasks.size();
    }

    /** @throws IllegalStateException describing the first violation seen, if any */
    void verify() {
        if (violation != null) {
            throw new IllegalStateException("checker: " + violation);
        }
    }

    @Override
    public void accept(EcsEvent event) {
        if (!(event instanceof EcsEvent.TaskStateChange change) || !group.equals(change.task().group())) {
            return;
        }
        Task task = change.task();
        Task previous = tasks.get(task.taskId());
        if (previous == null && task.lastStatus() != TaskStatus.STOPPED) {
            Instant now = clock.instant();
            if (lastLaunchAt == null || !lastLaunchAt.equals(now)) {
                launchWaves++;
                lastLaunchAt = now;
            }
        }
        if (task.lastStatus() == TaskStatus.STOPPED) {
            tasks.remove(task.taskId());
        } else {
            tasks.put(task.taskId(), task);
        }
        int bound = desired * max / 100;
        if (tasks.size() > bound && violation == null) {
            violation = clock.instant() + ": " + tasks.size() + " tasks > maximum " + bound;
        }
        if (previous != null && previous.desiredStatus() == DesiredStatus.RUNNING
                && task.desiredStatus() == DesiredStatus.STOPPED
                && task.stopCode() == TaskStopCode.SERVICE_SCHEDULER_INITIATED && healthy(previous)) {
            int healthy = 0;
            for (Task t : tasks.values()) {
                healthy += healthy(t) ? 1 : 0;
            }
            int floor = (desired * min + 99) / 100;
            if (healthy < floor && violation == null) {
                violation = clock.instant() + ": " + healthy + " healthy tasks < minimum " + floor;
            }
        }
    }

    private boolean healthy(Task t) {
        return t.desiredStatus() == DesiredStatus.RUNNING && t.lastStatus() == TaskStatus.RUNNING
                && t.startedAt() != null && !clock.instant().isBefore(t.startedAt().plus(Duration.ofSeconds(40)));
    }
}
