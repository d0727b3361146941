package io.ecs4j.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a service's {@code events[]}: what the service scheduler did or could not do, in ECS's wording.
 *
 * <p>Immutable. Lists and maps are unmodifiable and never null.
 *
 * @param id a UUID; not null
 * @param createdAt when; not null
 * @param message for example {@code (service web) has reached a steady state.}; not null
 */
public record ServiceEvent(
        String id,
        Instant createdAt,
        String message) {

    public ServiceEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(message, "message");
    }

}
