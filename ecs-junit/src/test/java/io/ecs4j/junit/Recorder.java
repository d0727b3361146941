package io.ecs4j.junit;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the scenario classes (run through the JUnit Platform test kit by the tests of the extension) saw. Test-only
 * static state: the outer tests run one at a time and {@link #reset()} it first.
 */
final class Recorder {
    static final Queue<Object> seen = new ConcurrentLinkedQueue<>();
    static final Queue<String> threads = new ConcurrentLinkedQueue<>();
    static final AtomicInteger running = new AtomicInteger();
    static final AtomicInteger maxRunning = new AtomicInteger();

    private Recorder() {
    }

    static void reset() {
        seen.clear();
        threads.clear();
        running.set(0);
        maxRunning.set(0);
    }

    static void record(Object... objects) {
        seen.addAll(List.of(objects));
    }

    static <T> List<T> seen(Class<T> type) {
        return seen.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static void enter() {
        int now = running.incrementAndGet();
        maxRunning.accumulateAndGet(now, Math::max);
        threads.add(Thread.currentThread().getName());
    }

    static void exit() {
        running.decrementAndGet();
    }
}
