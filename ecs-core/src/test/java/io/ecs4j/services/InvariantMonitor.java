package io.ecs4j.services;

import io.ecs4j.model.DesiredStatus;
import io.ecs4j.model.EcsEvent;
import io.ecs4j.model.HealthStatus;
import io.ecs4j.model.Task;
import io.ecs4j.model.TaskStatus;
import io.ecs4j.model.TaskStopCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Checks the rolling-update bounds at every published transition of a service's tasks (listeners run on the control
 * loop after each command, so every intermediate state is seen):
 * <ul>
 *   <li>upper bound: tasks not yet STOPPED (RUNNING, PENDING and STOPPING) never exceed ⌊D × max / 100⌋;</li>
 *   <li>lower bound: when the scheduler stops a healthy task (ServiceSchedulerInitiated, not for failing health
 *       checks), at least ⌈D × min / 100⌉ healthy tasks remain.</li>
 * </ul>
 * Independent of the scheduler's code: health is recomputed from task snapshots (RUNNING and HEALTHY, or RUNNING for
 * 40 s without a health check).
 */
final class InvariantMonitor implements Consumer<EcsEvent> {
    private final String group;
    private final Clock clock;
    private final boolean withHealthCheck;
    private final Map<String, Task> tasks = new LinkedHashMap<>();
    private final List<String> violations = new ArrayList<>();
    volatile int desired;
    volatile int minimumPercent;
    volatile int maximumPercent;
    int maxActiveSeen;
    int schedulerStopsOfHealthyTasks;
    /** After the desired count is lowered: the tasks already there, until they are down to the new bound. */
    private int ceiling;

    InvariantMonitor(String service, Clock clock, boolean withHealthCheck, int desired, int min, int max) {
        this.group = "service:" + service;
        this.clock = clock;
        this.withHealthCheck = withHealthCheck;
        this.desired = desired;
        this.minimumPercent = min;
        this.maximumPercent = max;
    }

    static int maxTasks(int desired, int percent) {
        return desired * percent / 100;
    }

    static int minHealthy(int desired, int percent) {
        return (desired * percent + 99) / 100;
    }

    @Override
    public synchronized void accept(EcsEvent event) {
        if (!(event instanceof EcsEvent.TaskStateChange change) || !group.equals(change.task().group())) {
            return;
        }
        Task task = change.task();
        Task previous = tasks.get(task.taskId());
        if (task.lastStatus() == TaskStatus.STOPPED) {
            tasks.remove(task.taskId());
        } else {
            tasks.put(task.taskId(), task);
        }
        int active = tasks.size();
        maxActiveSeen = Math.max(maxActiveSeen, active);
        int bound = maxTasks(desired, maximumPercent);
        if (active <= bound) {
            ceiling = 0;
        }
        bound = Math.max(bound, ceiling);
        if (active > bound) {
            violations.add(clock.instant() + ": " + active + " tasks RUNNING/PENDING/STOPPING > " + bound);
        }
        if (previous != null && previous.desiredStatus() == DesiredStatus.RUNNING
                && task.desiredStatus() == DesiredStatus.STOPPED
                && task.stopCode() == TaskStopCode.SERVICE_SCHEDULER_INITIATED
                && !"Task failed container health checks".equals(task.stoppedReason()) && healthy(previous)) {
            schedulerStopsOfHealthyTasks++;
            int healthy = healthyCount();
            int floor = minHealthy(desired, minimumPercent);
            if (healthy < floor) {
                violations.add(clock.instant() + ": stopped healthy task " + task.taskId() + " leaving " + healthy
                        + " healthy < " + floor);
            }
        }
    }

    /**
     * The desired count changes (call before the change is made). When it goes down, the tasks above the new bound
     * are stopped by the scheduler; until they are, nothing may be added to them.
     */
    synchronized void desiredChanged(int newDesired) {
        ceiling = Math.max(ceiling, tasks.size());
        desired = newDesired;
    }

    synchronized int healthyCount() {
        int n = 0;
        for (Task t : tasks.values()) {
            n += healthy(t) ? 1 : 0;
        }
        return n;
    }

    private boolean healthy(Task t) {
        if (t.desiredStatus() != DesiredStatus.RUNNING || t.lastStatus() != TaskStatus.RUNNING || t.startedAt() == null) {
            return false;
        }
        if (withHealthCheck) {
            return t.healthStatus() == HealthStatus.HEALTHY;
        }
        Instant now = clock.instant();
        return !now.isBefore(t.startedAt().plus(Duration.ofSeconds(40)));
    }

    synchronized List<String> violations() {
        return List.copyOf(violations);
    }
}
