package io.ecs4j.inmemory;

import io.ecs4j.spi.runtime.LogEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * How a simulated container behaves in an {@link InMemoryRuntime}: how long its image takes to pull, whether a launch
 * step fails, how long it runs and how it ends, how it reacts to SIGTERM, what its health check command reports, and
 * what it writes to stdout and stderr.
 *
 * <p>Times are relative: {@code pullDelay} to the launch, {@code startDelay} to the container's creation, {@code runFor}
 * and log offsets to its start, {@code stopDelay} to the SIGTERM. Everything happens on the runtime's
 * {@link io.ecs4j.time.TimeSource}, so on a {@link io.ecs4j.time.VirtualClock} at exactly these instants.
 *
 * <p>The {@linkplain #defaultBehaviour() default}: the image is pulled, and the container created and started at once;
 * it runs until stopped; on SIGTERM it exits at once with 143; every health probe passes; it writes nothing; its image
 * digest is derived from the image reference.
 *
 * {@snippet :
 * runtime.onImage("acme/worker:1", ContainerBehaviour.builder()
 *         .pullDelay(Duration.ofSeconds(3))
 *         .stdout(Duration.ZERO, "worker ready")
 *         .exitAfter(Duration.ofMinutes(2), 1)
 *         .build());
 * }
 *
 * <p>Immutable and thread-safe. Build with {@link #builder()} or start from one of the static factories.
 */
public final class ContainerBehaviour {

    /** The launch step that fails (see {@link Builder#failPull(String)} and friends). */
    public enum LaunchStep {
        /** The image pull fails: {@code CannotPullContainerError}. */
        PULL,
        /** Creating the container fails: {@code CannotCreateContainerError}. */
        CREATE,
        /** Starting the container fails: {@code CannotStartContainerError}. */
        START
    }

    /**
     * A line the container writes.
     *
     * @param offset  when, after the container started; not negative
     * @param stream  stdout or stderr; not null
     * @param message the line, without a line terminator; not null
     */
    public record LogLine(Duration offset, LogEntry.Stream stream, String message) {
        public LogLine {
            requireNotNegative(offset, "offset");
            Objects.requireNonNull(stream, "stream");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Exit code of a process that handled SIGTERM by exiting (128 + 15). */
    public static final int SIGTERM_EXIT_CODE = 143;
    /** Exit code of a process killed with SIGKILL, by a stop's timeout or the OOM killer (128 + 9). */
    public static final int SIGKILL_EXIT_CODE = 137;
    /** The reason ECS gives a container killed for exceeding its memory limit. */
    public static final String OOM_REASON = "OutOfMemoryError: Container killed due to memory usage";

    private static final ContainerBehaviour DEFAULT = new Builder().build();

    private final Duration pullDelay;
    private final LaunchStep failingStep;
    private final String failureDetail;
    private final Duration startDelay;
    private final Duration runFor;
    private final int exitCode;
    private final boolean oomKilled;
    private final boolean sigtermIgnored;
    private final int sigtermExitCode;
    private final Duration stopDelay;
    private final List<HealthProbe> healthProbes;
    private final List<LogLine> logLines;
    private final String imageDigest;

    private ContainerBehaviour(Builder b) {
        this.pullDelay = b.pullDelay;
        this.failingStep = b.failingStep;
        this.failureDetail = b.failureDetail;
        this.startDelay = b.startDelay;
        this.runFor = b.runFor;
        this.exitCode = b.exitCode;
        this.oomKilled = b.oomKilled;
        this.sigtermIgnored = b.sigtermIgnored;
        this.sigtermExitCode = b.sigtermExitCode;
        this.stopDelay = b.stopDelay;
        this.healthProbes = List.copyOf(b.healthProbes);
        List<LogLine> lines = new ArrayList<>(b.logLines);
        lines.sort(Comparator.comparing(LogLine::offset)); // stable: lines at the same offset keep their order
        this.logLines = List.copyOf(lines);
        this.imageDigest = b.imageDigest;
    }

    // ---------------------------------------------------------------- factories

    /** The default behaviour: starts at once, runs until stopped, exits 143 on SIGTERM, passes its health checks. */
    public static ContainerBehaviour defaultBehaviour() {
        return DEFAULT;
    }

    /** Runs for {@code after}, then exits with {@code exitCode}. */
    public static ContainerBehaviour exitsAfter(Duration after, int exitCode) {
        return builder().exitAfter(after, exitCode).build();
    }

    /** Runs for {@code after}, then is killed for exceeding its memory limit (exit code 137, {@code oomKilled}). */
    public static ContainerBehaviour oomKilledAfter(Duration after) {
        return builder().oomAfter(after).build();
    }

    /** The image pull fails with a Docker-style "repository does not exist" detail. */
    public static ContainerBehaviour failsToPull() {
        return builder().failPull().build();
    }

    /** The image pull fails with {@code detail}. */
    public static ContainerBehaviour failsToPull(String detail) {
        return builder().failPull(detail).build();
    }

    /** Creating the container fails with a Docker-style detail. */
    public static ContainerBehaviour failsToCreate() {
        return builder().failCreate().build();
    }

    /** Starting the container fails with a Docker-style "executable file not found" detail. */
    public static ContainerBehaviour failsToStart() {
        return builder().failStart().build();
    }

    /** Runs until stopped and ignores SIGTERM: a stop kills it with 137 when the grace period ends. */
    public static ContainerBehaviour ignoresSigterm() {
        return builder().ignoreSigterm().build();
    }

    /** Runs until stopped; every health probe fails. */
    public static ContainerBehaviour failsHealthChecks() {
        return builder().healthProbes(HealthProbe.FAIL).build();
    }

    /** A new builder, starting from the {@linkplain #defaultBehaviour() default}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this behaviour's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.pullDelay = pullDelay;
        b.failingStep = failingStep;
        b.failureDetail = failureDetail;
        b.startDelay = startDelay;
        b.runFor = runFor;
        b.exitCode = exitCode;
        b.oomKilled = oomKilled;
        b.sigtermIgnored = sigtermIgnored;
        b.sigtermExitCode = sigtermExitCode;
        b.stopDelay = stopDelay;
        b.healthProbes = new ArrayList<>(healthProbes);
        b.logLines = new ArrayList<>(logLines);
        b.imageDigest = imageDigest;
        return b;
    }

    // ---------------------------------------------------------------- accessors

    /** How long the image pull takes (default zero). */
    public Duration pullDelay() {
        return pullDelay;
    }

    /** The launch step that fails, or null when the launch succeeds. */
    public LaunchStep failingStep() {
        return failingStep;
    }

    /** The failure's detail, or null for a realistic Docker-style detail made from the launch spec. */
    public String failureDetail() {
        return failureDetail;
    }

    /** Time between creating and starting the container (default zero). */
    public Duration startDelay() {
        return startDelay;
    }

    /** How long the container runs before it exits on its own, or null when it runs until stopped. */
    public Duration runFor() {
        return runFor;
    }

    /** {@code true} when the container runs until it is stopped. */
    public boolean runsUntilStopped() {
        return runFor == null;
    }

    /** The exit code when it exits on its own after {@link #runFor()} (137 when {@link #oomKilled()}). */
    public int exitCode() {
        return exitCode;
    }

    /** {@code true} when the exit after {@link #runFor()} is a kill for exceeding the memory limit. */
    public boolean oomKilled() {
        return oomKilled;
    }

    /** {@code true} when the container ignores SIGTERM (a stop kills it when the grace period ends). */
    public boolean sigtermIgnored() {
        return sigtermIgnored;
    }

    /** The exit code when it exits on SIGTERM (default 143). */
    public int sigtermExitCode() {
        return sigtermExitCode;
    }

    /** How long it takes to exit after SIGTERM (default zero); if not less than the grace period it is killed. */
    public Duration stopDelay() {
        return stopDelay;
    }

    /** The scripted health probe results, in order; the last one repeats. Empty means every probe passes. */
    public List<HealthProbe> healthProbes() {
        return healthProbes;
    }

    /**
     * The result of the {@code n}-th health probe (0-based): the scripted one, the last scripted one once the script
     * is exhausted, or {@link HealthProbe#PASS} when nothing is scripted.
     */
    public HealthProbe healthProbe(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        if (healthProbes.isEmpty()) {
            return HealthProbe.PASS;
        }
        return healthProbes.get(Math.min(n, healthProbes.size() - 1));
    }

    /** The lines it writes, by offset (lines with the same offset in the order they were added). */
    public List<LogLine> logLines() {
        return logLines;
    }

    /** The image digest to report, or null to derive one from the image reference. */
    public String imageDigest() {
        return imageDigest;
    }

    // ---------------------------------------------------------------- Object

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ContainerBehaviour other)) {
            return false;
        }
        return exitCode == other.exitCode && oomKilled == other.oomKilled && sigtermIgnored == other.sigtermIgnored
                && sigtermExitCode == other.sigtermExitCode && pullDelay.equals(other.pullDelay)
                && failingStep == other.failingStep && Objects.equals(failureDetail, other.failureDetail)
                && startDelay.equals(other.startDelay) && Objects.equals(runFor, other.runFor)
                && stopDelay.equals(other.stopDelay) && healthProbes.equals(other.healthProbes)
                && logLines.equals(other.logLines) && Objects.equals(imageDigest, other.imageDigest);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pullDelay, failingStep, failureDetail, startDelay, runFor, exitCode, oomKilled,
                sigtermIgnored, sigtermExitCode, stopDelay, healthProbes, logLines, imageDigest);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("ContainerBehaviour[");
        if (!pullDelay.isZero()) {
            s.append("pullDelay=").append(pullDelay).append(", ");
        }
        if (failingStep != null) {
            s.append("fail=").append(failingStep);
            if (failureDetail != null) {
                s.append('(').append(failureDetail).append(')');
            }
            s.append(", ");
        }
        if (!startDelay.isZero()) {
            s.append("startDelay=").append(startDelay).append(", ");
        }
        if (runFor == null) {
            s.append("runsUntilStopped");
        } else if (oomKilled) {
            s.append("oomAfter=").append(runFor);
        } else {
            s.append("exit ").append(exitCode).append(" after ").append(runFor);
        }
        if (sigtermIgnored) {
            s.append(", ignoresSigterm");
        } else {
            if (sigtermExitCode != SIGTERM_EXIT_CODE) {
                s.append(", sigtermExitCode=").append(sigtermExitCode);
            }
            if (!stopDelay.isZero()) {
                s.append(", stopDelay=").append(stopDelay);
            }
        }
        if (!healthProbes.isEmpty()) {
            s.append(", healthProbes=").append(healthProbes);
        }
        if (!logLines.isEmpty()) {
            s.append(", logLines=").append(logLines.size());
        }
        if (imageDigest != null) {
            s.append(", imageDigest=").append(imageDigest);
        }
        return s.append(']').toString();
    }

    private static Duration requireNotNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
        return value;
    }

    private static int requireExitCode(int code, String name) {
        if (code < 0 || code > 255) {
            throw new IllegalArgumentException(name + " must be 0-255, as a process exit status: " + code);
        }
        return code;
    }

    /** Builds a {@link ContainerBehaviour}; starts from the default behaviour. Not thread-safe. */
    public static final class Builder {
        private Duration pullDelay = Duration.ZERO;
        private LaunchStep failingStep;
        private String failureDetail;
        private Duration startDelay = Duration.ZERO;
        private Duration runFor;
        private int exitCode;
        private boolean oomKilled;
        private boolean sigtermIgnored;
        private int sigtermExitCode = SIGTERM_EXIT_CODE;
        private Duration stopDelay = Duration.ZERO;
        private List<HealthProbe> healthProbes = new ArrayList<>();
        private List<LogLine> logLines = new ArrayList<>();
        private String imageDigest;

        private Builder() {
        }

        /** How long the image pull takes (between {@code PullStarted} and {@code PullFinished}). Default zero. */
        public Builder pullDelay(Duration pullDelay) {
            this.pullDelay = requireNotNegative(pullDelay, "pullDelay");
            return this;
        }

        /** The pull fails (after {@link #pullDelay}) with a Docker-style "repository does not exist" detail. */
        public Builder failPull() {
            return fail(LaunchStep.PULL, null);
        }

        /** The pull fails (after {@link #pullDelay}) with {@code detail}: {@code CannotPullContainerError: <detail>}. */
        public Builder failPull(String detail) {
            return fail(LaunchStep.PULL, Objects.requireNonNull(detail, "detail"));
        }

        /** Creating the container fails with a Docker-style detail. */
        public Builder failCreate() {
            return fail(LaunchStep.CREATE, null);
        }

        /** Creating the container fails with {@code detail}: {@code CannotCreateContainerError: <detail>}. */
        public Builder failCreate(String detail) {
            return fail(LaunchStep.CREATE, Objects.requireNonNull(detail, "detail"));
        }

        /** Starting the container fails (after {@link #startDelay}) with a Docker-style "executable not found". */
        public Builder failStart() {
            return fail(LaunchStep.START, null);
        }

        /** Starting fails (after {@link #startDelay}) with {@code detail}: {@code CannotStartContainerError: <detail>}. */
        public Builder failStart(String detail) {
            return fail(LaunchStep.START, Objects.requireNonNull(detail, "detail"));
        }

        /** The launch succeeds (undoes {@code failPull}, {@code failCreate} and {@code failStart}). The default. */
        public Builder launchSucceeds() {
            return fail(null, null);
        }

        private Builder fail(LaunchStep step, String detail) {
            this.failingStep = step;
            this.failureDetail = detail;
            return this;
        }

        /** Time between {@code Created} and {@code Started}. Default zero. */
        public Builder startDelay(Duration startDelay) {
            this.startDelay = requireNotNegative(startDelay, "startDelay");
            return this;
        }

        /** Runs until stopped. The default. */
        public Builder runUntilStopped() {
            this.runFor = null;
            this.exitCode = 0;
            this.oomKilled = false;
            return this;
        }

        /** Runs for {@code after} (from its start), then exits with {@code exitCode} (0-255). */
        public Builder exitAfter(Duration after, int exitCode) {
            this.runFor = requireNotNegative(after, "after");
            this.exitCode = requireExitCode(exitCode, "exitCode");
            this.oomKilled = false;
            return this;
        }

        /**
         * Runs for {@code after}, then is killed by the OOM killer: exit code 137, {@code oomKilled}, reason
         * {@value ContainerBehaviour#OOM_REASON}.
         */
        public Builder oomAfter(Duration after) {
            this.runFor = requireNotNegative(after, "after");
            this.exitCode = SIGKILL_EXIT_CODE;
            this.oomKilled = true;
            return this;
        }

        /** Ignores SIGTERM: a stop kills it (137) when the grace period ends. */
        public Builder ignoreSigterm() {
            return ignoreSigterm(true);
        }

        /** Whether it ignores SIGTERM. Default false. */
        public Builder ignoreSigterm(boolean ignore) {
            this.sigtermIgnored = ignore;
            return this;
        }

        /** The exit code when it exits on SIGTERM (0-255). Default 143. */
        public Builder sigtermExitCode(int code) {
            this.sigtermExitCode = requireExitCode(code, "sigtermExitCode");
            return this;
        }

        /**
         * How long it takes to exit after SIGTERM. Default zero. When not less than the stop's grace period, it is
         * killed (137) when the grace period ends instead.
         */
        public Builder stopDelay(Duration stopDelay) {
            this.stopDelay = requireNotNegative(stopDelay, "stopDelay");
            return this;
        }

        /**
         * The results of the health check command, probe after probe; the last one repeats. Used only when the launch
         * spec has a health check. Default: every probe passes.
         */
        public Builder healthProbes(HealthProbe... probes) {
            return healthProbes(Arrays.asList(probes));
        }

        /** As {@link #healthProbes(HealthProbe...)}. */
        public Builder healthProbes(List<HealthProbe> probes) {
            List<HealthProbe> copy = new ArrayList<>(probes);
            copy.forEach(p -> Objects.requireNonNull(p, "probes must not contain null"));
            this.healthProbes = copy;
            return this;
        }

        /** Writes {@code line} to stdout {@code at} after the start. Adds to the lines already given. */
        public Builder stdout(Duration at, String line) {
            return logLine(new LogLine(at, LogEntry.Stream.STDOUT, line));
        }

        /** Writes {@code line} to stderr {@code at} after the start. Adds to the lines already given. */
        public Builder stderr(Duration at, String line) {
            return logLine(new LogLine(at, LogEntry.Stream.STDERR, line));
        }

        /** Adds a line to write. */
        public Builder logLine(LogLine line) {
            this.logLines.add(Objects.requireNonNull(line, "line"));
            return this;
        }

        /** Replaces the lines to write. */
        public Builder logLines(List<LogLine> lines) {
            List<LogLine> copy = new ArrayList<>(lines);
            copy.forEach(l -> Objects.requireNonNull(l, "lines must not contain null"));
            this.logLines = copy;
            return this;
        }

        /**
         * The digest reported when the pull finishes, for example {@code sha256:<64 hex digits>}; null (the default)
         * derives a stable one from the image reference (or takes the digest the reference pins).
         */
        public Builder imageDigest(String imageDigest) {
            if (imageDigest != null && (imageDigest.isBlank() || imageDigest.indexOf(':') < 1)) {
                throw new IllegalArgumentException("imageDigest must look like 'sha256:<hex>': " + imageDigest);
            }
            this.imageDigest = imageDigest;
            return this;
        }

        /** Builds the behaviour. */
        public ContainerBehaviour build() {
            return new ContainerBehaviour(this);
        }
    }
}
