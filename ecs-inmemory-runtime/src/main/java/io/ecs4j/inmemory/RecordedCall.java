package io.ecs4j.inmemory;

import io.ecs4j.spi.runtime.ContainerHandle;
import io.ecs4j.spi.runtime.ContainerLaunchSpec;
import io.ecs4j.spi.runtime.TaskSandboxSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A call the control plane made on an {@link InMemoryRuntime}, with the instant (of the runtime's clock) it was made
 * at. See {@link InMemoryRuntime#calls()}. Calls on unknown handles are recorded too.
 *
 * <p>All implementations are immutable records.
 */
public sealed interface RecordedCall {

    /** When the call was made, on the runtime's clock. */
    Instant at();

    /** {@link io.ecs4j.spi.runtime.ContainerRuntime#prepareTask}. */
    record PrepareTask(Instant at, TaskSandboxSpec spec) implements RecordedCall {
        public PrepareTask {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(spec, "spec");
        }
    }

    /** {@link io.ecs4j.spi.runtime.ContainerRuntime#launch}. */
    record Launch(Instant at, ContainerLaunchSpec spec) implements RecordedCall {
        public Launch {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(spec, "spec");
        }

        /** The launched container's handle. */
        public ContainerHandle handle() {
            return spec.handle();
        }
    }

    /** {@link io.ecs4j.spi.runtime.ContainerRuntime#stop}. */
    record Stop(Instant at, ContainerHandle handle, Duration grace) implements RecordedCall {
        public Stop {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(handle, "handle");
            Objects.requireNonNull(grace, "grace");
        }
    }

    /** {@link io.ecs4j.spi.runtime.ContainerRuntime#remove}. */
    record Remove(Instant at, ContainerHandle handle) implements RecordedCall {
        public Remove {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(handle, "handle");
        }
    }

    /** {@link io.ecs4j.spi.runtime.ContainerRuntime#releaseTask}. */
    record ReleaseTask(Instant at, TaskSandboxSpec spec) implements RecordedCall {
        public ReleaseTask {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(spec, "spec");
        }
    }
}
