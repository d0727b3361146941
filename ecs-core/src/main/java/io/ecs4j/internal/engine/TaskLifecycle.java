package io.ecs4j.internal.engine;

import io.ecs4j.model.TaskStatus;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The declared task state machine: which {@code lastStatus} transitions are legal. ECS's happy path is
 * PROVISIONING → PENDING → ACTIVATING → RUNNING → DEACTIVATING → STOPPING → DEPROVISIONING → STOPPED; optional states
 * may be skipped, a task never moves backwards, and STOPPED is final.
 */
final class TaskLifecycle {

    /** What a transition request amounts to. */
    enum Result {
        /** A legal move forward; apply it. */
        APPLIED,
        /** The task is already in that status; nothing to do. */
        IGNORED,
        /** Backwards, or out of a final status: a bug in the caller. */
        ILLEGAL
    }

    private static final Map<TaskStatus, Set<TaskStatus>> RULES = new EnumMap<>(TaskStatus.class);

    static {
        rule(TaskStatus.PROVISIONING, TaskStatus.PENDING, TaskStatus.STOPPING, TaskStatus.DEPROVISIONING,
                TaskStatus.STOPPED);
        rule(TaskStatus.PENDING, TaskStatus.ACTIVATING, TaskStatus.RUNNING, TaskStatus.STOPPING,
                TaskStatus.DEPROVISIONING, TaskStatus.STOPPED);
        rule(TaskStatus.ACTIVATING, TaskStatus.RUNNING, TaskStatus.DEACTIVATING, TaskStatus.STOPPING,
                TaskStatus.DEPROVISIONING, TaskStatus.STOPPED);
        rule(TaskStatus.RUNNING, TaskStatus.DEACTIVATING, TaskStatus.STOPPING, TaskStatus.DEPROVISIONING,
                TaskStatus.STOPPED);
        rule(TaskStatus.DEACTIVATING, TaskStatus.STOPPING, TaskStatus.DEPROVISIONING, TaskStatus.STOPPED);
        rule(TaskStatus.STOPPING, TaskStatus.DEPROVISIONING, TaskStatus.STOPPED);
        rule(TaskStatus.DEPROVISIONING, TaskStatus.STOPPED);
        rule(TaskStatus.STOPPED);
    }

    private TaskLifecycle() {
    }

    private static void rule(TaskStatus from, TaskStatus... to) {
        Set<TaskStatus> targets = EnumSet.noneOf(TaskStatus.class);
        targets.addAll(Set.of(to));
        RULES.put(from, targets);
    }

    /** Whether moving from {@code from} to {@code to} is legal. */
    static Result check(TaskStatus from, TaskStatus to) {
        if (from == to) {
            return Result.IGNORED;
        }
        return RULES.get(from).contains(to) ? Result.APPLIED : Result.ILLEGAL;
    }

    /** The statuses {@code from} may move to. */
    static Set<TaskStatus> targets(TaskStatus from) {
        return Set.copyOf(RULES.get(from));
    }
}
