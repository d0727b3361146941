package io.ecs4j.model;

import java.util.Objects;

/**
 * When a deployment circuit breaker trips: {@code BOUNDED_PERCENT} (default, value 50: value% of the desired count clamped to 3..200), {@code UNBOUNDED_PERCENT} (value% of the desired count) or {@code COUNT} (value tasks).
 *
 * <p>Immutable. Lists and maps are unmodifiable and never null.
 *
 * @param type how {@code value} is read; not null
 * @param value the percentage or count
 */
public record ThresholdConfiguration(
        ThresholdType type,
        int value) {

    public ThresholdConfiguration {
        Objects.requireNonNull(type, "type");
    }

}
