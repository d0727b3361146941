package io.ecs4j.spi.runtime;

import io.ecs4j.model.TransportProtocol;
import java.util.Objects;

/**
 * A port to publish.
 *
 * <p>Immutable.
 *
 * @param containerPort the port inside the container, 1–65535
 * @param hostPort      the host port; 0 asks the runtime to choose one (a dynamic port)
 * @param protocol      tcp or udp; not null
 */
public record PortSpec(int containerPort, int hostPort, TransportProtocol protocol) {
    public PortSpec {
        Objects.requireNonNull(protocol, "protocol");
        if (containerPort < 1 || containerPort > 65535) {
            throw new IllegalArgumentException("containerPort out of range: " + containerPort);
        }
        if (hostPort < 0 || hostPort > 65535) {
            throw new IllegalArgumentException("hostPort out of range: " + hostPort);
        }
    }

    /** {@code true} when the runtime chooses the host port. */
    public boolean dynamic() {
        return hostPort == 0;
    }
}
