package io.ecs4j.spi.runtime;

import io.ecs4j.model.HealthStatus;
import io.ecs4j.model.NetworkBinding;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A container a runtime found that carries ecs4j's identity labels, typically one started before the JVM restarted.
 *
 * <p>Immutable.
 *
 * @param handle          the container's handle, rebuilt from its labels; not null
 * @param runtimeId       the runtime's id for it; not null
 * @param running         whether it is running now
 * @param exitCode        its exit code when not running, else null
 * @param health          its health, or null when it has no health check
 * @param networkBindings its published ports
 * @param labels          all of its labels (ecs4j's identity labels included); not null
 */
public record DiscoveredContainer(ContainerHandle handle, String runtimeId, boolean running, Integer exitCode,
                                  HealthStatus health, List<NetworkBinding> networkBindings,
                                  Map<String, String> labels) {
    public DiscoveredContainer {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(runtimeId, "runtimeId");
        networkBindings = List.copyOf(networkBindings);
        labels = Map.copyOf(labels);
    }
}
