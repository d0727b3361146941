package io.ecs4j.spi.loadbalancer;

import io.ecs4j.time.TimeSource;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What the control plane gives a load balancer when it starts it.
 *
 * <p>Immutable.
 *
 * @param timeSource the control plane's time source (a simulated load balancer must schedule everything on it); not
 *                   null
 * @param events     where the load balancer reports {@link TargetEvent}s; thread-safe, never blocks; not null
 */
public record LoadBalancingContext(TimeSource timeSource, Consumer<TargetEvent> events) {
    public LoadBalancingContext {
        Objects.requireNonNull(timeSource, "timeSource");
        Objects.requireNonNull(events, "events");
    }
}
