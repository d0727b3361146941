package io.ecs4j.docker;

import io.ecs4j.model.TaskArn;
import io.ecs4j.spi.runtime.ContainerHandle;
import io.ecs4j.spi.runtime.RuntimeEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Records runtime events and waits (bounded) for the ones a test expects. */
final class EventLog implements Consumer<RuntimeEvent> {
    private final List<RuntimeEvent> events = new ArrayList<>();

    @Override
    public synchronized void accept(RuntimeEvent event) {
        events.add(event);
        notifyAll();
    }

    synchronized List<RuntimeEvent> all() {
        return List.copyOf(events);
    }

    synchronized List<RuntimeEvent> of(ContainerHandle handle) {
        return events.stream()
                .filter(e -> e instanceof RuntimeEvent.ContainerEvent c && c.handle().equals(handle)).toList();
    }

    <T extends RuntimeEvent> T await(ContainerHandle handle, Class<T> type, Duration timeout) {
        return await(type, e -> e instanceof RuntimeEvent.ContainerEvent c && c.handle().equals(handle), timeout);
    }

    <T extends RuntimeEvent> T awaitTask(TaskArn taskArn, Class<T> type, Duration timeout) {
        return await(type, e -> e.taskArn().equals(taskArn), timeout);
    }

    /** The first event of {@code type} matching {@code filter}; fails after {@code timeout}. */
    synchronized <T extends RuntimeEvent> T await(Class<T> type, Predicate<? super T> filter, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (RuntimeEvent e : events) {
                if (type.isInstance(e) && filter.test(type.cast(e))) {
                    return type.cast(e);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no " + type.getSimpleName() + " within " + timeout + "; events: " + events);
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
