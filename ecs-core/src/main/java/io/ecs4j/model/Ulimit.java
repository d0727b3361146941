package io.ecs4j.model;

import java.util.Objects;

/**
 * A resource limit for a container.
 *
 * <p>Immutable. Lists and maps are unmodifiable and never null.
 *
 * @param name for example {@code nofile}; not null
 * @param softLimit the soft limit
 * @param hardLimit the hard limit
 */
public record Ulimit(
        String name,
        int softLimit,
        int hardLimit) {

    public Ulimit {
        Objects.requireNonNull(name, "name");
    }

}
