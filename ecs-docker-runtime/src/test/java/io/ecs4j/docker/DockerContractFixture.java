package io.ecs4j.docker;

import com.github.dockerjava.api.DockerClient;
import io.ecs4j.spi.runtime.ContainerLaunchSpec;
import io.ecs4j.spi.runtime.ContainerRuntime;
import io.ecs4j.spi.runtime.HealthCheckSpec;
import io.ecs4j.tck.RuntimeFixture;
import io.ecs4j.time.TimeSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/**
 * The contract suite's recipes as busybox shell commands in {@code local/busybox:1}. Everything the runtime creates
 * carries a per-fixture {@code io.ecs4j.test-run} label, by which {@link #close()} removes it.
 */
final class DockerContractFixture implements RuntimeFixture {
    private static final Duration POLL = Duration.ofMillis(50);

    private final String runId = HexFormat.of().formatHex(randomBytes(4));
    private final TimeSource time = TimeSource.system();

    @Override
    public ContainerRuntime createRuntime() {
        return DockerRuntime.builder()
                .label(DockerFixture.RUN_LABEL, runId)
                .networkNamePrefix("ecs4j-tck-" + runId + "-")
                .stoppedContainerRetention(null)
                .build();
    }

    @Override
    public TimeSource timeSource() {
        return time;
    }

    @Override
    public boolean awaitUntil(BooleanSupplier condition, Duration timeout) {
        return RuntimeFixture.pollUntil(condition, timeout, POLL);
    }

    @Override
    public void letTimePass(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public int freeHostPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- recipes

    /** {@code sleep} under docker-init: SIGTERM is forwarded and ends it, so the exit code is 143. */
    @Override
    public ContainerLaunchSpec runsUntilStopped(ContainerLaunchSpec spec) {
        return busybox(spec, List.of("sleep", "3600")).initProcessEnabled(true).build();
    }

    @Override
    public ContainerLaunchSpec exitsAfterAboutOneSecond(ContainerLaunchSpec spec, int exitCode) {
        return busybox(spec, sh("sleep 1; exit " + exitCode)).initProcessEnabled(true).build();
    }

    /** A shell as PID 1 (no init) that also ignores TERM explicitly: only SIGKILL ends it. */
    @Override
    public ContainerLaunchSpec ignoresSigterm(ContainerLaunchSpec spec) {
        return busybox(spec, sh("trap '' TERM; while true; do sleep 1; done")).initProcessEnabled(false).build();
    }

    @Override
    public ContainerLaunchSpec passesHealthCheck(ContainerLaunchSpec spec) {
        return withHealthCommand(runsUntilStopped(spec), "exit 0");
    }

    @Override
    public ContainerLaunchSpec failsHealthCheck(ContainerLaunchSpec spec) {
        return withHealthCommand(runsUntilStopped(spec), "exit 1");
    }

    /** Nothing listens on 127.0.0.1:1, so Docker fails the pull at once (no traffic leaves the host). */
    @Override
    public ContainerLaunchSpec failsToPull(ContainerLaunchSpec spec) {
        return spec.toBuilder().image("localhost:1/ecs4j-tck/does-not-exist:1").build();
    }

    @Override
    public ContainerLaunchSpec writesLogLines(ContainerLaunchSpec spec, List<LogLine> lines) {
        StringBuilder script = new StringBuilder();
        for (LogLine line : lines) {
            script.append("printf '%s\\n' ").append(quote(line.message()))
                    .append(line.stream() == io.ecs4j.spi.runtime.LogEntry.Stream.STDERR ? " >&2" : "")
                    .append("; sleep 0.2; ");
        }
        script.append("exec sleep 3600");
        return busybox(spec, sh(script.toString())).initProcessEnabled(true).build();
    }

    /** busybox {@code nc -ll -e}: a persistent listener that runs {@code echo greeting} per connection. */
    @Override
    public ContainerLaunchSpec servesTcp(ContainerLaunchSpec spec, int containerPort, String greeting) {
        return busybox(spec, List.of("nc", "-ll", "-p", Integer.toString(containerPort), "-e", "echo", greeting))
                .initProcessEnabled(true).build();
    }

    /** {@code tail} buffers one endless line until the 16 MiB limit is hit. */
    @Override
    public ContainerLaunchSpec runsOutOfMemory(ContainerLaunchSpec spec) {
        return busybox(spec, sh("head -c 200m /dev/zero | tail")).memoryLimitMiB(16).build();
    }

    @Override
    public void close() {
        try (DockerClient docker = TestDocker.client()) {
            String label = DockerFixture.RUN_LABEL + "=" + runId;
            docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(label)).exec()
                    .forEach(c -> docker.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec());
            var volumes = docker.listVolumesCmd().withFilter("label", List.of(label)).exec().getVolumes();
            if (volumes != null) {
                volumes.forEach(v -> docker.removeVolumeCmd(v.getName()).exec());
            }
            docker.listNetworksCmd().withFilter("label", List.of(label)).exec()
                    .forEach(n -> docker.removeNetworkCmd(n.getId()).exec());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            time.close();
        }
    }

    // ---------------------------------------------------------------- helpers

    private static ContainerLaunchSpec.Builder busybox(ContainerLaunchSpec spec, List<String> command) {
        return spec.toBuilder().image(DockerFixture.IMAGE).entryPoint(List.of()).command(command);
    }

    private static ContainerLaunchSpec withHealthCommand(ContainerLaunchSpec spec, String shell) {
        HealthCheckSpec hc = spec.healthCheck();
        return spec.toBuilder().healthCheck(new HealthCheckSpec(List.of("CMD-SHELL", shell), hc.interval(),
                hc.timeout(), hc.retries(), hc.startPeriod())).build();
    }

    private static List<String> sh(String script) {
        return List.of("sh", "-c", script);
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }
}
