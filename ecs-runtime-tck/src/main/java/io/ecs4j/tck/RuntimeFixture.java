package io.ecs4j.tck;

import io.ecs4j.spi.runtime.ContainerLaunchSpec;
import io.ecs4j.spi.runtime.ContainerRuntime;
import io.ecs4j.spi.runtime.LogEntry;
import io.ecs4j.time.TimeSource;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * What a runtime under test provides to {@link AbstractRuntimeContractTest}: the runtime, the time it runs on, a way
 * to let time pass, and <em>behaviour recipes</em> that turn a launch spec into a container that behaves in a known
 * way.
 *
 * <p>A new fixture is made for every test ({@link AbstractRuntimeContractTest#fixture()}) and closed after it. The
 * suite calls {@link #createRuntime()} once per test, before any recipe, and starts the runtime itself with
 * {@link #timeSource()}.
 *
 * <h2>Recipes</h2>
 * Each recipe receives a complete spec (handle, names, ARNs, {@code hostId}, ports, health check, network mode and
 * sandbox as the test wants them, and a placeholder image) and returns the spec to launch: a real runtime typically
 * sets the image and the command (for example a busybox shell script); a scriptable runtime may return the spec
 * unchanged and script the container's behaviour on the runtime it created. Recipes must keep what the test set
 * (handle, ports, network mode, sandbox, health check timing), unless the recipe's Javadoc says otherwise.
 *
 * <p>Timing is loose on purpose, so that real containers can follow it: "about one second" is fine as 1-3 s; the suite
 * waits with generous timeouts and checks order, exit codes and lower bounds, never exact durations.
 */
public interface RuntimeFixture extends AutoCloseable {

    /** A line a container writes, for {@link #writesLogLines}. */
    record LogLine(LogEntry.Stream stream, String message) {
        public LogLine {
            Objects.requireNonNull(stream, "stream");
            Objects.requireNonNull(message, "message");
        }
    }

    /** A new runtime, not started. Called once per test, before any recipe. */
    ContainerRuntime createRuntime();

    /** The time source the runtime is started with and the suite reads the time from. */
    TimeSource timeSource();

    /**
     * Lets time pass until {@code condition} holds or {@code timeout} passed. On a virtual clock,
     * {@code VirtualClock.advanceUntil(condition, timeout)}; in real time, poll (see
     * {@link #pollUntil(BooleanSupplier, Duration, Duration)}).
     *
     * @return whether the condition holds
     */
    boolean awaitUntil(BooleanSupplier condition, Duration timeout);

    /**
     * Lets {@code duration} pass, for checks that nothing (more) happens. On a virtual clock {@code advance}; in real
     * time, sleep.
     */
    void letTimePass(Duration duration);

    /** The container instance id to put in specs ({@code hostId}); dynamic host ports are taken per host. */
    default String hostId() {
        return "tck-instance-1";
    }

    /** A host port no other process uses now, for a static port binding. */
    int freeHostPort();

    // ---------------------------------------------------------------- recipes

    /**
     * Runs until stopped, and exits promptly on SIGTERM with 143 (a process that handles SIGTERM; for Docker, for
     * example {@code sleep} under an init process, or a shell that traps TERM and exits 143).
     */
    ContainerLaunchSpec runsUntilStopped(ContainerLaunchSpec spec);

    /** Runs about one second, then exits with {@code exitCode} on its own; exits with 143 on SIGTERM before that. */
    ContainerLaunchSpec exitsAfterAboutOneSecond(ContainerLaunchSpec spec, int exitCode);

    /** Runs until killed and ignores SIGTERM (for Docker, for example a shell as PID 1 without an init process). */
    ContainerLaunchSpec ignoresSigterm(ContainerLaunchSpec spec);

    /**
     * Runs until stopped (143 on SIGTERM) and every run of its health check command passes. The spec carries the
     * health check the suite wants (interval, timeout, retries, start period); the recipe may replace its command
     * (for Docker, for example {@code ["CMD-SHELL", "exit 0"]}) but keeps its timing.
     */
    ContainerLaunchSpec passesHealthCheck(ContainerLaunchSpec spec);

    /** As {@link #passesHealthCheck}, but every run of the health check command fails (for example {@code exit 1}). */
    ContainerLaunchSpec failsHealthCheck(ContainerLaunchSpec spec);

    /** Its image cannot be pulled (for Docker, for example a reference to a repository that does not exist). */
    ContainerLaunchSpec failsToPull(ContainerLaunchSpec spec);

    /**
     * Writes {@code lines}, in order, to their streams soon after it starts, far enough apart that their order is
     * observable across the two streams (for Docker, for example with a short sleep between lines), then runs until
     * stopped (143 on SIGTERM). Writes nothing else.
     */
    ContainerLaunchSpec writesLogLines(ContainerLaunchSpec spec, List<LogLine> lines);

    /**
     * Listens on TCP {@code containerPort} and answers every connection with {@code greeting} and a newline, until
     * stopped. Used only when the runtime declares {@code REAL_CONTAINERS} and {@code PORT_PUBLISHING}.
     */
    default ContainerLaunchSpec servesTcp(ContainerLaunchSpec spec, int containerPort, String greeting) {
        throw new UnsupportedOperationException("servesTcp is only needed with REAL_CONTAINERS");
    }

    /**
     * Exceeds its memory limit soon after it starts and is killed by the OOM killer. The recipe may set
     * {@code memoryLimitMiB}. Used only when the runtime declares {@code OOM_DETECTION}.
     */
    default ContainerLaunchSpec runsOutOfMemory(ContainerLaunchSpec spec) {
        throw new UnsupportedOperationException("runsOutOfMemory is only needed with OOM_DETECTION");
    }

    /** Cleans up whatever the test left behind (for a real runtime: its containers, networks and volumes). */
    @Override
    default void close() {
    }

    // ---------------------------------------------------------------- helpers for fixtures

    /**
     * Polls {@code condition} every {@code every} until it holds or {@code timeout} passed, in real time: an
     * {@link #awaitUntil} for fixtures of runtimes on the system time source.
     */
    static boolean pollUntil(BooleanSupplier condition, Duration timeout, Duration every) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() - deadline >= 0) {
                return condition.getAsBoolean();
            }
            try {
                Thread.sleep(Math.max(1, every.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return condition.getAsBoolean();
            }
        }
    }
}
