package io.ecs4j.model;

import java.util.Objects;

/**
 * A volume mounted into a container.
 *
 * <p>Immutable. Lists and maps are unmodifiable and never null.
 *
 * @param sourceVolume the {@code volumes[].name} of the task definition
 * @param containerPath where it appears in the container
 * @param readOnly mount read-only; null means false
 */
public record MountPoint(
        String sourceVolume,
        String containerPath,
        Boolean readOnly) {

    public MountPoint {

    }

}
