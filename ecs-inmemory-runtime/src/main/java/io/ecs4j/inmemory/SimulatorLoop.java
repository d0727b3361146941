package io.ecs4j.inmemory;

import io.ecs4j.time.Cancellable;
import io.ecs4j.time.ControlLoop;
import io.ecs4j.time.TimeSource;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;

/** What the simulators of this module (the in-memory runtime, the simulated load balancer) share about their loop. */
final class SimulatorLoop {
    private SimulatorLoop() {
    }

    /**
     * Runs {@code step} as a command on {@code loop} after {@code delay}, followed by {@code flush}; nothing runs once
     * {@code closed} holds, or when the loop was closed while the timer was due.
     */
    static Cancellable after(TimeSource time, ControlLoop loop, BooleanSupplier closed, Runnable flush, Duration delay,
                             Runnable step) {
        return time.schedule(delay, () -> {
            if (closed.getAsBoolean()) {
                return;
            }
            try {
                loop.execute(() -> {
                    if (!closed.getAsBoolean()) {
                        try {
                            step.run();
                        } finally {
                            flush.run();
                        }
                    }
                });
            } catch (RejectedExecutionException closedMeanwhile) {
                // closed while the timer was due: nothing happens any more
            }
        });
    }
}
