package io.ecs4j.docker;

import com.github.dockerjava.api.DockerClient;
import io.ecs4j.LocalEcs;
import io.ecs4j.model.ContainerInstance;
import io.ecs4j.model.Task;
import io.ecs4j.request.RegisterContainerInstanceRequest;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * A real-time {@link LocalEcs} on the Docker runtime for end-to-end tests, scoped by a test-run label; {@link #close()}
 * closes it and removes everything the run created.
 */
final class DockerLocalEcs implements AutoCloseable {
    final String runId;
    final DockerClient docker = TestDocker.client();
    final LocalEcs ecs;
    final ContainerInstance host;
    private final UnaryOperator<DockerRuntime.Builder> runtimeSettings;

    DockerLocalEcs() {
        this(b -> b);
    }

    DockerLocalEcs(UnaryOperator<LocalEcs.Builder> customize) {
        this(DockerFixture.newRunId(), customize, true);
    }

    /** A LocalEcs on the scope of test run {@code runId}; {@code registerHost} registers the Docker host first. */
    DockerLocalEcs(String runId, UnaryOperator<LocalEcs.Builder> customize, boolean registerHost) {
        this(runId, customize, r -> r, registerHost);
    }

    /** As above, with {@code runtimeSettings} applied to the runtime's builder (for example a short retention). */
    DockerLocalEcs(String runId, UnaryOperator<LocalEcs.Builder> customize,
                   UnaryOperator<DockerRuntime.Builder> runtimeSettings, boolean registerHost) {
        this.runId = runId;
        this.runtimeSettings = runtimeSettings;
        ecs = customize.apply(LocalEcs.builder().runtime(newRuntime())).start();
        host = registerHost ? ecs.registerContainerInstance(RegisterContainerInstanceRequest.builder()
                .availabilityZone("us-east-1a").build()) : null;
    }

    /** A runtime on this run's scope (a second one after {@link LocalEcs#close()} models a JVM restart). */
    DockerRuntime newRuntime() {
        return runtimeSettings.apply(DockerRuntime.builder().label(DockerFixture.RUN_LABEL, runId)
                .networkNamePrefix("ecs4j-it-" + runId + "-")).build();
    }

    Task task(Task t) {
        return ecs.findTask(t.clusterArn().clusterName(), t.taskId()).orElseThrow();
    }

    /** Waits, bounded, until {@code condition} holds. */
    static void await(String what, BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    /** Closes the LocalEcs only: its containers keep running, as when a JVM exits. */
    void closeKeepingContainers() {
        ecs.close();
    }

    @Override
    public void close() {
        try {
            ecs.close();
        } finally {
            DockerFixture.removeAll(docker, runId);
        }
    }
}
