package io.ecs4j.spi.runtime;

import java.util.Objects;

/**
 * A filesystem mount for one container, resolved from the task definition's {@code volumes} and {@code mountPoints}.
 *
 * <p>Immutable.
 *
 * @param kind          what is mounted; not null
 * @param source        for {@link Kind#BIND} the host path; for {@link Kind#VOLUME} the Docker volume name; for
 *                      {@link Kind#TASK_SCRATCH} the task volume's name (the runtime makes one scratch volume per task
 *                      and volume name); not null
 * @param containerPath where it appears inside the container; not null
 * @param readOnly      mount read-only
 */
public record MountSpec(Kind kind, String source, String containerPath, boolean readOnly) {
    /** What a mount refers to. */
    public enum Kind {
        /** A host directory ({@code host.sourcePath}). */
        BIND,
        /** A named Docker volume ({@code dockerVolumeConfiguration}, scope shared or task). */
        VOLUME,
        /** An empty volume that lives as long as the task (a volume with no {@code host} and no configuration). */
        TASK_SCRATCH
    }

    public MountSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(containerPath, "containerPath");
    }
}
