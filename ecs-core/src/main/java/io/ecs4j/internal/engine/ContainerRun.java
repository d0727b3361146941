package io.ecs4j.internal.engine;

import io.ecs4j.model.Container;
import io.ecs4j.model.ContainerArn;
import io.ecs4j.model.ContainerDefinition;
import io.ecs4j.model.ContainerStatus;
import io.ecs4j.model.HealthStatus;
import io.ecs4j.model.NetworkBinding;
import io.ecs4j.model.NetworkInterface;
import io.ecs4j.spi.runtime.ContainerHandle;
import io.ecs4j.time.Cancellable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One container of a {@link TaskRun}: the agent's view of it. Loop-confined.
 */
final class ContainerRun {

    /** Where the container is, from the engine's point of view. */
    enum Phase {
        /** Not launched yet: waiting for the task's sandbox or its dependencies. */
        WAITING,
        /** {@code launch} was called; no {@code Started} yet. */
        LAUNCHING,
        /** Running. */
        RUNNING,
        /** Exited, failed to launch, or will never start. Final. */
        STOPPED
    }

    final ContainerDefinition definition;
    final ContainerHandle handle;
    final ContainerArn arn;
    Phase phase = Phase.WAITING;
    /** Reached RUNNING at least once. */
    boolean started;
    boolean stopRequested;
    Integer exitCode;
    String reason;
    /** A reason decided by the engine (timeouts) that wins over what the runtime reports. */
    String engineReason;
    String runtimeId;
    String imageDigest;
    List<NetworkBinding> bindings = List.of();
    List<NetworkInterface> networkInterfaces = List.of();
    HealthStatus health = HealthStatus.UNKNOWN;
    Instant startedAt;
    /** This container's {@code startTimeout} expired before its dependents' conditions were met. */
    boolean dependencyTimedOut;
    /** The environment with secrets and environment files resolved, ready for launch; null until resolved. */
    Map<String, String> resolvedEnvironment;
    Cancellable startTimer;
    Cancellable dependencyTimer;

    ContainerRun(ContainerDefinition definition, ContainerHandle handle, ContainerArn arn) {
        this.definition = definition;
        this.handle = handle;
        this.arn = arn;
    }

    String name() {
        return definition.name();
    }

    boolean active() {
        return phase == Phase.LAUNCHING || phase == Phase.RUNNING;
    }

    boolean hasHealthCheck() {
        return definition.healthCheck() != null;
    }

    void cancelTimers() {
        if (startTimer != null) {
            startTimer.cancel();
            startTimer = null;
        }
        if (dependencyTimer != null) {
            dependencyTimer.cancel();
            dependencyTimer = null;
        }
    }

    ContainerStatus status() {
        return switch (phase) {
            case WAITING, LAUNCHING -> ContainerStatus.PENDING;
            case RUNNING -> ContainerStatus.RUNNING;
            case STOPPED -> ContainerStatus.STOPPED;
        };
    }

    Container snapshot() {
        return Container.builder()
                .containerArn(arn)
                .taskArn(handle.taskArn())
                .name(definition.name())
                .image(definition.image())
                .imageDigest(imageDigest)
                .runtimeId(runtimeId)
                .lastStatus(status())
                .exitCode(exitCode)
                .reason(reason)
                .networkBindings(bindings)
                .networkInterfaces(networkInterfaces)
                .healthStatus(health)
                .cpu(definition.cpu())
                .memory(definition.memory())
                .memoryReservation(definition.memoryReservation())
                .essential(definition.essential())
                .build();
    }
}
