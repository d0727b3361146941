package io.ecs4j.internal.reconcile;

import io.ecs4j.model.ServiceEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

/**
 * A service's {@code events[]}: newest first, at most 100. A message identical to the newest one is suppressed unless
 * 6 hours have passed (ecs-semantics §5.8: identical messages are not repeated until the cause changes - something
 * else happened - or 6 hours pass). Loop-confined.
 */
final class ServiceEventLog {
    static final int CAPACITY = 100;
    static final Duration REPEAT_AFTER = Duration.ofHours(6);

    private final ArrayDeque<ServiceEvent> events = new ArrayDeque<>();
    private List<ServiceEvent> snapshot = List.of();

    /** Records {@code message} unless it repeats the newest event; returns whether it was recorded. */
    boolean add(String id, Instant now, String message) {
        ServiceEvent newest = events.peekFirst();
        if (newest != null && newest.message().equals(message)
                && Duration.between(newest.createdAt(), now).compareTo(REPEAT_AFTER) < 0) {
            return false;
        }
        events.addFirst(new ServiceEvent(id, now, message));
        if (events.size() > CAPACITY) {
            events.removeLast();
        }
        snapshot = null;
        return true;
    }

    /** The events, newest first. */
    List<ServiceEvent> snapshot() {
        if (snapshot == null) {
            snapshot = List.copyOf(events);
        }
        return snapshot;
    }
}
