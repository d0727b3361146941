package io.ecs4j.model;

import java.util.Objects;

/**
 * An attribute of a container instance: a name with an optional value. ECS sets {@code ecs.*} attributes at registration; custom attributes come from PutAttributes.
 *
 * <p>Immutable. Lists and maps are unmodifiable and never null.
 *
 * @param name the name, 1–128 characters; not null
 * @param value the value, or null for a capability-style attribute
 * @param targetType {@code container-instance}, or null
 * @param targetId the container instance's id or ARN, or null
 */
public record Attribute(
        String name,
        String value,
        String targetType,
        String targetId) {

    public Attribute {
        Objects.requireNonNull(name, "name");
    }

    /** An attribute with a value, not yet bound to a target. */
    public static Attribute of(String name, String value) {
        return new Attribute(name, value, null, null);
    }

}
