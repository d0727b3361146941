package io.ecs4j.model;

import java.util.Objects;

/**
 * A published port of a running container: where on the host (or task network interface) a container port can be
 * reached. Shown in {@code containers[].networkBindings}.
 *
 * <p>Immutable.
 *
 * @param bindIp        the address the port is bound to, for example {@code 127.0.0.1} or {@code 0.0.0.0}; not null
 * @param containerPort the port inside the container
 * @param hostPort      the port on the host (the dynamically chosen one for a dynamic mapping)
 * @param protocol      the protocol; not null
 */
public record NetworkBinding(String bindIp, int containerPort, int hostPort, TransportProtocol protocol) {
    public NetworkBinding {
        Objects.requireNonNull(bindIp, "bindIp");
        Objects.requireNonNull(protocol, "protocol");
    }
}
