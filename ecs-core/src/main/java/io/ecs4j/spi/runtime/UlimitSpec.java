package io.ecs4j.spi.runtime;

import java.util.Objects;

/**
 * A resource limit ({@code ulimit}) for a container.
 *
 * <p>Immutable.
 *
 * @param name      for example {@code nofile}; not null
 * @param softLimit the soft limit
 * @param hardLimit the hard limit
 */
public record UlimitSpec(String name, long softLimit, long hardLimit) {
    public UlimitSpec {
        Objects.requireNonNull(name, "name");
    }
}
