package io.ecs4j.model;

import java.util.Objects;

/**
 * A secret to expose to a container as an environment variable (or a log option): {@code valueFrom} names a Secrets Manager secret or an SSM parameter, resolved when the container starts.
 *
 * <p>Immutable. Lists and maps are unmodifiable and never null.
 *
 * @param name the environment variable's name; not null
 * @param valueFrom the ARN or name of the secret or parameter; not null
 */
public record Secret(
        String name,
        String valueFrom) {

    public Secret {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(valueFrom, "valueFrom");
    }

}
