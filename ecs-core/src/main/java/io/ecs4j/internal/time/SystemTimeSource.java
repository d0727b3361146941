package io.ecs4j.internal.time;

import io.ecs4j.SuppressForbidden;
import io.ecs4j.time.Cancellable;
import io.ecs4j.time.ControlLoop;
import io.ecs4j.time.TimeSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Real time: the system UTC clock, one daemon timer thread, one daemon thread per control loop. Threads start lazily
 * on first use and stop on {@link #close()}.
 */
@SuppressForbidden(reason = "the single sanctioned bridge from ecs4j to the wall clock")
public final class SystemTimeSource implements TimeSource {
    /** The logger, made on first use: System.getLogger bootstraps the JDK's logging (tens of ms at a cold start). */
    private static final class Log {
        static final System.Logger LOG = System.getLogger(SystemTimeSource.class.getName());
    }

    private final Clock clock = Clock.systemUTC();
    private final ScheduledThreadPoolExecutor timer;
    private final List<ThreadLoop> loops = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    public SystemTimeSource() {
        timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "ecs4j-timer");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    /** After {@link #close()} the action is dropped and the returned handle's {@code cancel()} returns false. */
    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(action, "action");
        long nanos = delay.isNegative() ? 0 : saturatedNanos(delay);
        ScheduledFuture<?> future;
        try {
            future = timer.schedule(() -> {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    Log.LOG.log(System.Logger.Level.ERROR, "bug: timer action failed", e);
                }
            }, nanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            if (closed) {
                return () -> false;
            }
            throw e;
        }
        return () -> future.cancel(false);
    }

    private static long saturatedNanos(Duration delay) {
        try {
            return delay.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    /** @throws RejectedExecutionException after {@link #close()} */
    @Override
    public ControlLoop newLoop(String name) {
        Objects.requireNonNull(name, "name");
        if (closed) {
            throw new RejectedExecutionException("time source is closed");
        }
        ThreadLoop loop = new ThreadLoop(name);
        loops.add(loop);
        if (closed) { // lost a race with close()
            loop.close();
            throw new RejectedExecutionException("time source is closed");
        }
        return loop;
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        for (ThreadLoop loop : loops) {
            loop.close();
        }
    }

    private static final class ThreadLoop implements ControlLoop {
        private final String name;
        private final ThreadPoolExecutor executor;
        private volatile Thread thread;

        ThreadLoop(String name) {
            this.name = name;
            this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "ecs4j-" + name + "-loop");
                t.setDaemon(true);
                thread = t;
                return t;
            });
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void execute(Runnable command) {
            Objects.requireNonNull(command, "command");
            executor.execute(() -> {
                try {
                    command.run();
                } catch (RuntimeException e) {
                    Log.LOG.log(System.Logger.Level.ERROR, "bug: command on loop " + name + " failed", e);
                }
            });
        }

        @Override
        public <T> T call(Supplier<T> command) {
            Objects.requireNonNull(command, "command");
            if (inLoop()) {
                return command.get();
            }
            CallTask<T> task = new CallTask<>(command);
            executor.execute(task);
            try {
                return task.result.join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }

        @Override
        public boolean inLoop() {
            return Thread.currentThread() == thread;
        }

        @Override
        public void close() {
            // Callers blocked in call() on a command that will now never run must not wait forever.
            for (Runnable dropped : executor.shutdownNow()) {
                if (dropped instanceof CallTask<?> task) {
                    task.result.completeExceptionally(
                            new RejectedExecutionException("loop " + name + " was closed before the command ran"));
                }
            }
        }
    }

    /** A {@link ControlLoop#call} command; its result is completed by the loop, or exceptionally by close(). */
    private static final class CallTask<T> implements Runnable {
        final CompletableFuture<T> result = new CompletableFuture<>();
        private final Supplier<T> command;

        CallTask(Supplier<T> command) {
            this.command = command;
        }

        @Override
        public void run() {
            try {
                result.complete(command.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }
    }
}
