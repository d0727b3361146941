package io.ecs4j.time;

import io.ecs4j.internal.time.SystemTimeSource;
import java.time.Clock;
import java.time.Duration;

/**
 * Where ecs4j takes time from: a clock for timestamps, a timer for delays, and the control loops that serialise each
 * cluster's changes. ecs-core never reads the wall clock or sleeps; everything goes through a {@code TimeSource}.
 *
 * <p>Two implementations exist: {@link VirtualClock}, deterministic and driven by the caller (the default for tests and
 * the in-memory runtime), and {@link #system()}, real time with one thread per loop (for long-running use and for the
 * Docker runtime).
 *
 * <p>Implementations are thread-safe.
 */
public interface TimeSource extends AutoCloseable {

    /** The clock timestamps are read from; never null. */
    Clock clock();

    /**
     * Runs {@code action} once, after {@code delay}. The action should be short; ecs-core's actions only queue a command
     * on a {@link ControlLoop}.
     *
     * @param delay  how long to wait; zero or negative means "as soon as possible"
     * @param action the action, not null
     * @return a handle to call the action off; after {@link #close()} the action is dropped (it never runs) and the
     *         handle's {@code cancel()} returns false
     */
    Cancellable schedule(Duration delay, Runnable action);

    /**
     * Creates a new control loop.
     *
     * @param name a short name, used for the thread name and diagnostics
     * @return a new, open loop
     * @throws java.util.concurrent.RejectedExecutionException after {@link #close()}
     */
    ControlLoop newLoop(String name);

    /** Stops timers and loops this time source created. Idempotent. */
    @Override
    void close();

    /**
     * Real time: the system UTC clock, a timer thread, one thread per control loop. Each call creates an independent
     * time source owning its own threads, which {@link #close()} stops.
     */
    static TimeSource system() {
        return new SystemTimeSource();
    }
}
