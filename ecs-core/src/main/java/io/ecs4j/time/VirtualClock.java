package io.ecs4j.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A deterministic {@link TimeSource}: time stands still until the caller moves it.
 *
 * <p>The clock, its timers and every {@link ControlLoop} it creates run on the thread that drives it:
 * <ul>
 *   <li>{@link #advance(Duration)} moves time forward, firing each due timer in deadline order (ties in the order they
 *       were scheduled) and draining the loops after each one, so every consequence of a timer happens "at" its
 *       deadline;</li>
 *   <li>{@link #runUntilIdle()} fires the timers that are due now (including zero-delay work) and drains the loops,
 *       until nothing is left to do at the current instant;</li>
 *   <li>{@link ControlLoop#call(Supplier)} runs one command and drains the loops' queues, but fires no timer. So an API
 *       call returns the state as of that call (a new task is PENDING) and only time, or {@code runUntilIdle()}, moves
 *       things further.</li>
 * </ul>
 *
 * <p>The same scenario therefore always produces the same events in the same order, in milliseconds of wall time.
 *
 * <p>Thread-safe: every operation takes one lock, so several threads (for example HTTP threads of an embedded server)
 * may use the clock; they are served one at a time. A command that fails while the clock is being driven makes the
 * driving call ({@code advance}, {@code runUntilIdle}, {@code call}) throw {@link IllegalStateException} once the
 * queues are drained; that is always a bug in ecs4j or in a listener.
 *
 * {@snippet :
 * VirtualClock clock = VirtualClock.create();
 * // ... run a task ...
 * clock.advance(Duration.ofSeconds(30));   // health checks, timeouts and scripted exits happen here
 * }
 */
public final class VirtualClock extends Clock implements TimeSource {

    /** The instant a clock made with {@link #create()} starts at. */
    public static final Instant DEFAULT_START = Instant.ofEpochSecond(1_767_225_600L); // 2026-01-01T00:00:00Z

    private final ReentrantLock lock = new ReentrantLock();
    private final PriorityQueue<TimerEntry> timers = new PriorityQueue<>();
    /** How many entries of {@link #timers} are cancelled (they leave the queue when due, or in a purge). */
    private final AtomicInteger cancelledTimers = new AtomicInteger();
    private final List<VirtualLoop> loops = new ArrayList<>();
    private volatile Instant now;
    private long sequence;
    private boolean draining;
    private VirtualLoop currentLoop;
    private RuntimeException firstFailure;
    private boolean closed;

    private VirtualClock(Instant start) {
        this.now = start;
    }

    /** A clock starting at {@link #DEFAULT_START}. */
    public static VirtualClock create() {
        return new VirtualClock(DEFAULT_START);
    }

    /** A clock starting at {@code start}. */
    public static VirtualClock startingAt(Instant start) {
        return new VirtualClock(Objects.requireNonNull(start, "start"));
    }

    // ---------------------------------------------------------------- Clock

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public long millis() {
        return now.toEpochMilli();
    }

    /** Always UTC. */
    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** A view of this clock in another zone; it shares this clock's instant. */
    @Override
    public Clock withZone(ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        VirtualClock source = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return source.withZone(other);
            }

            @Override
            public Instant instant() {
                return source.instant();
            }
        };
    }

    // ---------------------------------------------------------------- TimeSource

    /** This clock. */
    @Override
    public Clock clock() {
        return this;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(action, "action");
        lock.lock();
        try {
            Instant deadline = delay.isNegative() ? now : now.plus(delay);
            TimerEntry entry = new TimerEntry(deadline, sequence++, action, cancelledTimers);
            if (closed) {
                entry.cancel(); // a closed clock fires nothing (see close())
                return entry;
            }
            timers.add(entry);
            purgeCancelledTimers();
            return entry;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public ControlLoop newLoop(String name) {
        Objects.requireNonNull(name, "name");
        lock.lock();
        try {
            if (closed) {
                throw new RejectedExecutionException("VirtualClock is closed");
            }
            VirtualLoop loop = new VirtualLoop(name);
            loops.add(loop);
            return loop;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Cancels all timers and closes all loops. Idempotent. Timers scheduled afterwards never fire; new loops are
     * refused.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            timers.clear();
            cancelledTimers.set(0);
            for (VirtualLoop loop : loops) {
                loop.closed = true;
                loop.queue.clear();
            }
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- driving

    /**
     * Moves time forward by {@code duration}, firing every timer that falls due on the way, in deadline order.
     *
     * @param duration how far to move; zero behaves like {@link #runUntilIdle()}
     * @throws IllegalArgumentException if {@code duration} is negative
     */
    public void advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative: " + duration);
        }
        lock.lock();
        try {
            runUntil(now.plus(duration));
        } finally {
            lock.unlock();
        }
        throwPendingFailure();
    }

    /**
     * Moves time forward to {@code instant}.
     *
     * @throws IllegalArgumentException if {@code instant} is before the current instant
     */
    public void advanceTo(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        lock.lock();
        try {
            if (instant.isBefore(now)) {
                throw new IllegalArgumentException("cannot move time backwards from " + now + " to " + instant);
            }
            runUntil(instant);
        } finally {
            lock.unlock();
        }
        throwPendingFailure();
    }

    /** Fires the timers due at the current instant and drains the loops, until nothing is left to do now. */
    public void runUntilIdle() {
        advance(Duration.ZERO);
    }

    /**
     * Moves time forward, timer by timer, until {@code condition} holds or {@code timeout} of virtual time has passed.
     * The condition is checked after the current instant is idle and after each timer.
     *
     * @return {@code true} if the condition holds; {@code false} if the timeout passed first (time then stands at the
     *         timeout)
     */
    public boolean advanceUntil(BooleanSupplier condition, Duration timeout) {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(timeout, "timeout");
        lock.lock();
        try {
            Instant deadline = now.plus(timeout);
            runUntil(now);
            throwPendingFailure();
            while (!condition.getAsBoolean()) {
                TimerEntry next = nextLiveTimer();
                if (next == null || next.deadline.isAfter(deadline)) {
                    runUntil(deadline);
                    throwPendingFailure();
                    return condition.getAsBoolean();
                }
                runUntil(next.deadline);
                throwPendingFailure();
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The deadline of the next pending timer, if any. */
    public Optional<Instant> nextTimerDeadline() {
        lock.lock();
        try {
            TimerEntry next = nextLiveTimer();
            return next == null ? Optional.empty() : Optional.of(next.deadline);
        } finally {
            lock.unlock();
        }
    }

    /** How many timers are pending (not yet fired, not cancelled). */
    public int pendingTimers() {
        lock.lock();
        try {
            int count = 0;
            for (TimerEntry entry : timers) {
                if (!entry.cancelled()) {
                    count++;
                }
            }
            return count;
        } finally {
            lock.unlock();
        }
    }

    private TimerEntry nextLiveTimer() {
        TimerEntry next = timers.peek();
        while (next != null && next.cancelled()) {
            timers.poll();
            cancelledTimers.decrementAndGet();
            next = timers.peek();
        }
        return next;
    }

    /**
     * Must hold the lock. Drops cancelled timers once they are most of the queue (a container start timeout, for
     * example, is cancelled when the container starts but would otherwise stay queued, with what its action holds,
     * until its deadline). Amortised O(1) per cancellation.
     */
    private void purgeCancelledTimers() {
        int cancelled = cancelledTimers.get();
        if (cancelled > 64 && cancelled > timers.size() / 2) {
            int before = timers.size();
            timers.removeIf(TimerEntry::cancelled);
            cancelledTimers.addAndGet(timers.size() - before);
        }
    }

    /** Must hold the lock. */
    private void runUntil(Instant target) {
        drainLoops();
        while (true) {
            TimerEntry next = nextLiveTimer();
            if (next == null || next.deadline.isAfter(target)) {
                break;
            }
            timers.poll();
            if (!next.markFired()) {
                cancelledTimers.decrementAndGet();
                continue; // cancelled by another thread after nextLiveTimer() looked at it
            }
            if (next.deadline.isAfter(now)) {
                now = next.deadline;
            }
            try {
                next.action.run();
            } catch (RuntimeException e) {
                recordFailure(e);
            }
            drainLoops();
        }
        if (target.isAfter(now)) {
            now = target;
        }
        purgeCancelledTimers();
    }

    /** Must hold the lock. Runs queued loop commands until every queue is empty. */
    private void drainLoops() {
        if (draining) {
            return;
        }
        draining = true;
        try {
            boolean progress;
            do {
                progress = false;
                for (int i = 0; i < loops.size(); i++) {
                    VirtualLoop loop = loops.get(i);
                    Runnable command;
                    while ((command = loop.queue.poll()) != null) {
                        progress = true;
                        runOn(loop, command);
                    }
                }
            } while (progress);
        } finally {
            draining = false;
        }
    }

    private void runOn(VirtualLoop loop, Runnable command) {
        VirtualLoop previous = currentLoop;
        currentLoop = loop;
        try {
            command.run();
        } catch (RuntimeException e) {
            recordFailure(e);
        } finally {
            currentLoop = previous;
        }
    }

    private void recordFailure(RuntimeException e) {
        if (firstFailure == null) {
            firstFailure = e;
        } else if (firstFailure != e) {
            firstFailure.addSuppressed(e);
        }
    }

    private void throwPendingFailure() {
        RuntimeException failure = takePendingFailure();
        if (failure != null) {
            throw pendingFailureException(failure);
        }
    }

    private RuntimeException takePendingFailure() {
        lock.lock();
        try {
            RuntimeException failure = firstFailure;
            firstFailure = null;
            return failure;
        } finally {
            lock.unlock();
        }
    }

    private static IllegalStateException pendingFailureException(RuntimeException failure) {
        return new IllegalStateException("bug: a command failed while the virtual clock was running", failure);
    }

    // ---------------------------------------------------------------- internals

    private static final class TimerEntry implements Comparable<TimerEntry>, Cancellable {
        private static final int PENDING = 0;
        private static final int FIRED = 1;
        private static final int CANCELLED = 2;

        final Instant deadline;
        final long sequence;
        final Runnable action;
        /** PENDING, then FIRED or CANCELLED, whichever wins the race; so cancel() is exact. */
        private final AtomicInteger state = new AtomicInteger(PENDING);
        private final AtomicInteger cancelledCount;

        TimerEntry(Instant deadline, long sequence, Runnable action, AtomicInteger cancelledCount) {
            this.deadline = deadline;
            this.sequence = sequence;
            this.action = action;
            this.cancelledCount = cancelledCount;
        }

        @Override
        public int compareTo(TimerEntry other) {
            int byDeadline = deadline.compareTo(other.deadline);
            return byDeadline != 0 ? byDeadline : Long.compare(sequence, other.sequence);
        }

        boolean cancelled() {
            return state.get() == CANCELLED;
        }

        boolean markFired() {
            return state.compareAndSet(PENDING, FIRED);
        }

        @Override
        public boolean cancel() {
            if (state.compareAndSet(PENDING, CANCELLED)) {
                cancelledCount.incrementAndGet();
                return true;
            }
            return false;
        }
    }

    private final class VirtualLoop implements ControlLoop {
        private final String name;
        private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
        private boolean closed;

        VirtualLoop(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void execute(Runnable command) {
            Objects.requireNonNull(command, "command");
            lock.lock();
            try {
                if (closed) {
                    throw new RejectedExecutionException("loop " + name + " is closed");
                }
                queue.add(command);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public <T> T call(Supplier<T> command) {
            Objects.requireNonNull(command, "command");
            Object[] result = new Object[1];
            RuntimeException[] failure = new RuntimeException[1];
            boolean[] ran = new boolean[1];
            lock.lock();
            try {
                if (closed) {
                    throw new RejectedExecutionException("loop " + name + " is closed");
                }
                if (draining) {
                    // Called from a command running on this driver thread: run inline, as the loop would next.
                    VirtualLoop previous = currentLoop;
                    currentLoop = this;
                    try {
                        return command.get();
                    } finally {
                        currentLoop = previous;
                    }
                }
                queue.add(() -> {
                    ran[0] = true;
                    try {
                        result[0] = command.get();
                    } catch (RuntimeException e) {
                        failure[0] = e;
                    }
                });
                drainLoops();
            } finally {
                lock.unlock();
            }
            // Only the outermost driving call reports failures of other commands; nested calls leave them to it.
            boolean outermost = !lock.isHeldByCurrentThread();
            if (failure[0] != null) {
                // The command's own exception wins; a failure of another command rides along instead of masking it.
                RuntimeException other = outermost ? takePendingFailure() : null;
                if (other != null && other != failure[0]) {
                    failure[0].addSuppressed(pendingFailureException(other));
                }
                throw failure[0];
            }
            if (outermost) {
                throwPendingFailure();
            }
            if (!ran[0]) {
                throw new RejectedExecutionException("loop " + name + " was closed before the command ran");
            }
            @SuppressWarnings("unchecked")
            T value = (T) result[0];
            return value;
        }

        @Override
        public boolean inLoop() {
            return lock.isHeldByCurrentThread() && currentLoop == this;
        }

        @Override
        public void close() {
            lock.lock();
            try {
                closed = true;
                queue.clear();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public String toString() {
            return "VirtualLoop[" + name + "]";
        }
    }

    @Override
    public String toString() {
        return "VirtualClock[" + now + "]";
    }
}
