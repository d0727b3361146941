package io.ecs4j.model;

import java.util.Objects;

/**
 * A resource tag.
 *
 * <p>Immutable.
 *
 * @param key   the key, 1–128 characters; not null
 * @param value the value, 0–256 characters; not null (empty when unset)
 */
public record Tag(String key, String value) {
    public Tag {
        Objects.requireNonNull(key, "key");
        value = value == null ? "" : value;
    }

    /** A tag. */
    public static Tag of(String key, String value) {
        return new Tag(key, value);
    }
}
