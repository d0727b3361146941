package io.ecs4j.inmemory;

import io.ecs4j.model.HealthStatus;
import io.ecs4j.model.NetworkBinding;
import io.ecs4j.spi.runtime.ContainerHandle;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A simulated container as it is at one moment. See {@link InMemoryRuntime#container(ContainerHandle)}.
 *
 * <p>Immutable.
 *
 * @param handle          the container; not null
 * @param image           its image reference; not null
 * @param behaviour       the behaviour it was launched with; not null
 * @param state           where it is in its life; not null
 * @param runtimeId       its simulated Docker id (64 hex digits) once created, else null
 * @param imageDigest     its image digest once pulled, else null
 * @param networkBindings the host ports it published (empty until it started; kept after it exited, when the host
 *                        ports are free again)
 * @param health          its health while it has a health check ({@code UNKNOWN} while starting), else null
 * @param exitCode        its exit code once exited, else null (also null when it never ran)
 * @param oomKilled       whether it was killed for exceeding its memory limit
 * @param reason          why it failed to launch ({@code <ErrorName>: <detail>}) or the OOM reason, else null
 * @param launchedAt      when {@code launch} was called; not null
 * @param startedAt       when it started, or null
 * @param finishedAt      when it exited or its launch failed, or null
 */
public record ContainerSnapshot(ContainerHandle handle, String image, ContainerBehaviour behaviour, State state,
                                String runtimeId, String imageDigest, List<NetworkBinding> networkBindings,
                                HealthStatus health, Integer exitCode, boolean oomKilled, String reason,
                                Instant launchedAt, Instant startedAt, Instant finishedAt) {

    /** Where a simulated container is in its life. */
    public enum State {
        /** Its image is being pulled. */
        PULLING,
        /** It was created and is about to start. */
        CREATED,
        /** It is running. */
        RUNNING,
        /** It was asked to stop and has not exited yet. */
        STOPPING,
        /** It exited, or was stopped before it started. Terminal. */
        EXITED,
        /** Its launch failed. Terminal. */
        LAUNCH_FAILED;

        /** {@code true} for {@link #EXITED} and {@link #LAUNCH_FAILED}. */
        public boolean terminal() {
            return this == EXITED || this == LAUNCH_FAILED;
        }
    }

    public ContainerSnapshot {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(behaviour, "behaviour");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(launchedAt, "launchedAt");
        networkBindings = List.copyOf(networkBindings);
    }
}
