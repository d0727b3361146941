package io.ecs4j.spi.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The Runtime SPI: runs containers for the control plane. A runtime runs containers; the task engine in ecs-core
 * decides what to run and when (dependencies, essential containers, stop order and timeouts are not the runtime's
 * concern).
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link #start(RuntimeContext)} is called once, before anything else; {@link #close()} last.</li>
 *   <li>{@link #prepareTask}, {@link #launch}, {@link #stop}, {@link #remove} and {@link #releaseTask} return at once
 *       and never block on container work; outcomes are reported as {@link RuntimeEvent}s through the context. They are
 *       called from the control loop, so must be cheap.</li>
 *   <li>Every launched container ends with exactly one {@link RuntimeEvent.LaunchFailed} or
 *       {@link RuntimeEvent.Exited}.</li>
 *   <li>{@code stop(handle, grace)} asks the container to stop (SIGTERM or the image's stop signal) and kills it
 *       (SIGKILL) if it is still running after {@code grace}; the outcome is its {@code Exited} event (exit code 143
 *       for a process that handled SIGTERM, 137 when killed). Stopping a container that is still launching cancels the
 *       launch and reports {@code Exited} with a {@code null} exit code. Stopping a stopped container does nothing.</li>
 *   <li>Operations on unknown handles do nothing.</li>
 * </ul>
 * The contract is checked by the {@code ecs-runtime-tck} module's {@code AbstractRuntimeContractTest}, which every
 * runtime runs.
 *
 * <p>Implementations are thread-safe.
 */
public interface ContainerRuntime extends AutoCloseable {

    /** A short name, for example {@code in-memory} or {@code docker}. */
    String name();

    /** What this runtime can do beyond the basic contract. */
    Set<RuntimeCapability> capabilities();

    /**
     * Starts the runtime.
     *
     * @param context the time source and the event sink
     * @throws IllegalStateException if called twice
     */
    void start(RuntimeContext context);

    /**
     * Prepares what a task needs before its first container starts (see {@link TaskSandboxSpec}). Reports
     * {@link RuntimeEvent.SandboxReady} or {@link RuntimeEvent.SandboxFailed}; a runtime that needs nothing reports
     * {@code SandboxReady(TaskSandbox.none(...))}.
     */
    void prepareTask(TaskSandboxSpec spec);

    /** Pulls (if needed), creates and starts a container. Progress is reported as events. */
    void launch(ContainerLaunchSpec spec);

    /**
     * Stops a container: SIGTERM, then SIGKILL after {@code grace}.
     *
     * @param handle the container
     * @param grace  how long to wait after SIGTERM; zero kills at once
     */
    void stop(ContainerHandle handle, Duration grace);

    /** Removes a stopped container and what it left behind. The handle is unknown afterwards. */
    void remove(ContainerHandle handle);

    /** Releases what {@link #prepareTask} made for the task (after all its containers stopped). */
    void releaseTask(TaskSandboxSpec spec);

    /**
     * What the container wrote to stdout and stderr, oldest first.
     *
     * @return the lines; completes exceptionally with {@link IllegalArgumentException} for an unknown handle, and with
     *         {@link UnsupportedOperationException} when the runtime lacks {@link RuntimeCapability#LOGS}
     */
    CompletionStage<List<LogEntry>> logs(ContainerHandle handle);

    /**
     * Finds containers carrying ecs4j's identity labels that this runtime did not launch in this process (for example
     * after a JVM restart), and takes them under management: their later events are reported as for any other
     * container. A runtime without {@link RuntimeCapability#DISCOVERY} returns an empty list.
     */
    List<DiscoveredContainer> discover();

    /**
     * The real capacity of the host this runtime runs containers on, if it has one. Container instances registered
     * without explicit CPU and memory get these values; a simulated runtime returns empty (the default) and instances
     * default to an m5.large.
     */
    default Optional<HostResources> hostResources() {
        return Optional.empty();
    }

    /** Stops reporting events and releases the runtime's own resources. Containers keep running. Idempotent. */
    @Override
    void close();
}
