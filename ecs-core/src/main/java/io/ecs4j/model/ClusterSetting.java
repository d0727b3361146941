package io.ecs4j.model;

import java.util.Objects;

/**
 * A cluster setting, for example {@code containerInsights}.
 *
 * <p>Immutable. Lists and maps are unmodifiable and never null.
 *
 * @param name the setting name; not null
 * @param value the value; not null
 */
public record ClusterSetting(
        String name,
        String value) {

    public ClusterSetting {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

}
