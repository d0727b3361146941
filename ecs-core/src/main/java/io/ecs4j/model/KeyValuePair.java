package io.ecs4j.model;

import java.util.Objects;

/**
 * A name/value pair, as in a container's {@code environment}.
 *
 * <p>Immutable. Lists and maps are unmodifiable and never null.
 *
 * @param name the name; not null
 * @param value the value, or null
 */
public record KeyValuePair(
        String name,
        String value) {

    public KeyValuePair {
        Objects.requireNonNull(name, "name");
    }

    /** A pair. */
    public static KeyValuePair of(String name, String value) {
        return new KeyValuePair(name, value);
    }

}
