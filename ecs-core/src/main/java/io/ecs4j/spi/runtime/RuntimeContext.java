package io.ecs4j.spi.runtime;

import io.ecs4j.time.TimeSource;
import java.util.function.Consumer;

/**
 * What the control plane gives a runtime when it starts it.
 *
 * <p>Immutable.
 *
 * @param timeSource where the runtime must take time and delays from (a simulated runtime must schedule everything on
 *                   it); not null
 * @param events     where the runtime reports {@link RuntimeEvent}s; thread-safe, never blocks; not null
 */
public record RuntimeContext(TimeSource timeSource, Consumer<RuntimeEvent> events) {
    public RuntimeContext {
        java.util.Objects.requireNonNull(timeSource, "timeSource");
        java.util.Objects.requireNonNull(events, "events");
    }
}
