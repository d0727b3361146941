package io.ecs4j.model;

import java.util.Objects;

/**
 * The {@code host} part of a volume: a bind mount of {@code sourcePath}, or (when {@code sourcePath} is null) a scratch volume that lives as long as the task.
 *
 * <p>Immutable. Lists and maps are unmodifiable and never null.
 *
 * @param sourcePath the host path, or null for a task-scoped scratch volume
 */
public record HostVolume(
        String sourcePath) {

    public HostVolume {

    }

}
