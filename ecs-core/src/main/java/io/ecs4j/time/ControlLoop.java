package io.ecs4j.time;

import java.util.function.Supplier;

/**
 * A serial executor: the single writer of one cluster's state.
 *
 * <p>Commands given to one loop run one at a time, in the order they were given. Only commands running on the loop may
 * change the state the loop owns; everybody else reads immutable snapshots.
 *
 * <p>Under a {@link VirtualClock} every loop runs on the thread that drives the clock (a deterministic same-thread
 * driver); under {@link TimeSource#system()} each loop has its own named thread.
 *
 * <p>Implementations are thread-safe.
 */
public interface ControlLoop extends AutoCloseable {

    /** The loop's name, used for its thread name ({@code ecs4j-<name>-loop}) and in diagnostics. */
    String name();

    /**
     * Queues a command. Returns without waiting for it to run.
     *
     * @param command the command, not null
     * @throws java.util.concurrent.RejectedExecutionException if the loop is closed
     */
    void execute(Runnable command);

    /**
     * Runs a command on the loop and waits for its result. Called from the loop itself, the command runs at once.
     *
     * @param command the command, not null
     * @param <T>     the result type
     * @return what the command returned
     * @throws RuntimeException whatever the command threw, unwrapped
     * @throws java.util.concurrent.RejectedExecutionException if the loop is closed
     */
    <T> T call(Supplier<T> command);

    /** {@code true} when the calling thread is currently running a command of this loop. */
    boolean inLoop();

    /** Stops accepting commands. Commands already queued may be dropped. Idempotent. */
    @Override
    void close();
}
