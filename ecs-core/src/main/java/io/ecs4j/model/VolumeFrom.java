package io.ecs4j.model;

import java.util.Objects;

/**
 * Mount all volumes of another container of the same task.
 *
 * <p>Immutable. Lists and maps are unmodifiable and never null.
 *
 * @param sourceContainer the other container's name
 * @param readOnly mount read-only; null means false
 */
public record VolumeFrom(
        String sourceContainer,
        Boolean readOnly) {

    public VolumeFrom {

    }

}
