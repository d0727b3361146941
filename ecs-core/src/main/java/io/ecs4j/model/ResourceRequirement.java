package io.ecs4j.model;

import java.util.Objects;

/**
 * A special resource a container needs ({@code GPU} or {@code InferenceAccelerator}).
 *
 * <p>Immutable. Lists and maps are unmodifiable and never null.
 *
 * @param type {@code GPU} or {@code InferenceAccelerator}; not null
 * @param value the amount or device name; not null
 */
public record ResourceRequirement(
        String type,
        String value) {

    public ResourceRequirement {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }

}
