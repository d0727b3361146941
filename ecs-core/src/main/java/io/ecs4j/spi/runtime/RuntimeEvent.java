package io.ecs4j.spi.runtime;

import io.ecs4j.model.HealthStatus;
import io.ecs4j.model.NetworkBinding;
import io.ecs4j.model.TaskArn;
import java.util.List;
import java.util.Objects;

/**
 * What a runtime reports to the control plane. Events may arrive on any thread; for one container they must arrive in
 * the order they happened. The control plane moves each event onto the cluster's control loop.
 *
 * <p>The life of a container, as events: {@link PullStarted} → {@link PullFinished} → {@link Created} →
 * {@link Started} → ({@link HealthChanged})* → {@link Exited}; or {@link LaunchFailed} at any point before
 * {@code Started}. Pull events are optional (a runtime that pulls nothing may skip them). A container stopped before it
 * started ends with {@link Exited} carrying a {@code null} exit code.
 *
 * <p>All event types are immutable records.
 */
public sealed interface RuntimeEvent {

    /** The task the event is about. */
    TaskArn taskArn();

    /** An event about one container. */
    sealed interface ContainerEvent extends RuntimeEvent {
        /** The container. */
        ContainerHandle handle();

        @Override
        default TaskArn taskArn() {
            return handle().taskArn();
        }
    }

    /** The task's sandbox (see {@link TaskSandboxSpec}) is ready. */
    record SandboxReady(TaskSandbox sandbox) implements RuntimeEvent {
        public SandboxReady {
            Objects.requireNonNull(sandbox, "sandbox");
        }

        @Override
        public TaskArn taskArn() {
            return sandbox.taskArn();
        }
    }

    /**
     * The task's sandbox could not be prepared; the task fails to start.
     *
     * @param taskArn   the task
     * @param errorName an ECS agent error name, for example {@code ResourceInitializationError}
     * @param detail    what went wrong
     */
    record SandboxFailed(TaskArn taskArn, String errorName, String detail) implements RuntimeEvent {
        public SandboxFailed {
            Objects.requireNonNull(taskArn, "taskArn");
            Objects.requireNonNull(errorName, "errorName");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The runtime started pulling the image. */
    record PullStarted(ContainerHandle handle) implements ContainerEvent {
        public PullStarted {
            Objects.requireNonNull(handle, "handle");
        }
    }

    /**
     * The image is present.
     *
     * @param handle      the container
     * @param imageDigest the image's digest ({@code sha256:...}), or null when unknown
     */
    record PullFinished(ContainerHandle handle, String imageDigest) implements ContainerEvent {
        public PullFinished {
            Objects.requireNonNull(handle, "handle");
        }
    }

    /**
     * The container was created.
     *
     * @param handle    the container
     * @param runtimeId the runtime's id for it (for Docker, the container id); not null
     */
    record Created(ContainerHandle handle, String runtimeId) implements ContainerEvent {
        public Created {
            Objects.requireNonNull(handle, "handle");
            Objects.requireNonNull(runtimeId, "runtimeId");
        }
    }

    /**
     * The container is running.
     *
     * @param handle          the container
     * @param runtimeId       the runtime's id for it; not null
     * @param networkBindings the ports it published, with the host ports the runtime chose
     */
    record Started(ContainerHandle handle, String runtimeId, List<NetworkBinding> networkBindings)
            implements ContainerEvent {
        public Started {
            Objects.requireNonNull(handle, "handle");
            Objects.requireNonNull(runtimeId, "runtimeId");
            networkBindings = List.copyOf(networkBindings);
        }
    }

    /** The container's health check result changed (only for containers with a health check). */
    record HealthChanged(ContainerHandle handle, HealthStatus status) implements ContainerEvent {
        public HealthChanged {
            Objects.requireNonNull(handle, "handle");
            Objects.requireNonNull(status, "status");
        }
    }

    /**
     * The container could not be launched; it never ran.
     *
     * @param handle    the container
     * @param errorName an ECS agent error name: {@code CannotPullContainerError}, {@code CannotCreateContainerError},
     *                  {@code CannotStartContainerError}, ...
     * @param detail    what went wrong, for the container's {@code reason}
     */
    record LaunchFailed(ContainerHandle handle, String errorName, String detail) implements ContainerEvent {
        public LaunchFailed {
            Objects.requireNonNull(handle, "handle");
            Objects.requireNonNull(errorName, "errorName");
            Objects.requireNonNull(detail, "detail");
        }

        /** {@code <errorName>: <detail>}, the form ECS shows in a container's {@code reason}. */
        public String reason() {
            return errorName + ": " + detail;
        }
    }

    /**
     * The container stopped.
     *
     * @param handle    the container
     * @param exitCode  its exit code, or null if it never ran
     * @param oomKilled whether it was killed for exceeding its memory limit
     * @param reason    a reason for the container's {@code reason} field (for example
     *                  {@code OutOfMemoryError: Container killed due to memory usage}), or null
     */
    record Exited(ContainerHandle handle, Integer exitCode, boolean oomKilled, String reason) implements ContainerEvent {
        public Exited {
            Objects.requireNonNull(handle, "handle");
        }
    }
}
