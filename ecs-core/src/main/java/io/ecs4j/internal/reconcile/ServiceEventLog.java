package io.ecs4j.internal.reconcile;

import io.ecs4j.model.ServiceEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A service's {@code events[]}: newest first, at most 100. A message identical to the newest one is suppressed unless
 * 6 hours have passed (ecs-semantics §5.8: identical messages are not repeated until the cause changes - something
 * else happened - or 6 hours pass). Events of the same kind recorded at the same instant are combined into one, as
 * one ECS scheduler run reports them ("has stopped 4 running tasks", "registered 4 targets"), even when the control
 * loop handled their causes one at a time (four targets turning healthy at the same virtual instant). Loop-confined.
 */
final class ServiceEventLog {
    static final int CAPACITY = 100;
    static final Duration REPEAT_AFTER = Duration.ofHours(6);
    /** ECS lists at most ten tasks in one "has started" / "has stopped" event. */
    static final int TASKS_PER_EVENT = 10;

    /** Newest first; at most {@link #CAPACITY}, so inserting at the front stays cheap. */
    private final List<ServiceEvent> events = new ArrayList<>();
    private List<ServiceEvent> snapshot = List.of();

    /** Records {@code message} unless it repeats the newest event; returns whether it was recorded. */
    boolean add(String id, Instant now, String message) {
        if (combine(now, message)) {
            return true;
        }
        ServiceEvent newest = events.isEmpty() ? null : events.get(0);
        if (newest != null && newest.message().equals(message)
                && Duration.between(newest.createdAt(), now).compareTo(REPEAT_AFTER) < 0) {
            return false;
        }
        events.add(0, new ServiceEvent(id, now, message));
        if (events.size() > CAPACITY) {
            events.remove(events.size() - 1);
        }
        snapshot = null;
        return true;
    }

    /**
     * Combines {@code message} into an event of the same kind among the newest events recorded at {@code now} that
     * are all task or target events; returns whether it did.
     */
    private boolean combine(Instant now, String message) {
        String key = ServiceMessages.combineKey(message);
        if (key == null) {
            return false;
        }
        int index = 0;
        for (ServiceEvent e : events) {
            String other = e.createdAt().equals(now) ? ServiceMessages.combineKey(e.message()) : null;
            if (other == null) {
                return false; // only a run of task and target events at this instant, never across another event
            }
            if (other.equals(key)) {
                // the newest of its kind: a full one ("has started 10 tasks") starts a new event
                String combined = ServiceMessages.combine(e.message(), message, TASKS_PER_EVENT);
                if (combined == null) {
                    return false;
                }
                events.set(index, new ServiceEvent(e.id(), now, combined));
                snapshot = null;
                return true;
            }
            index++;
        }
        return false;
    }

    /** The events, newest first. */
    List<ServiceEvent> snapshot() {
        if (snapshot == null) {
            snapshot = List.copyOf(events);
        }
        return snapshot;
    }
}
