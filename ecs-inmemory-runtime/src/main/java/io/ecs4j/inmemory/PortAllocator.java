package io.ecs4j.inmemory;

import io.ecs4j.model.NetworkBinding;
import io.ecs4j.model.TransportProtocol;
import io.ecs4j.spi.runtime.PortSpec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Host ports per host (container instance) and protocol, as Docker and the ECS agent hand them out: a static host port
 * is taken as given unless it is in use; a dynamic one is the next free port of the ephemeral range after the one
 * handed out last (wrapping around), so a released port is not reused at once. A port in use is never handed out.
 *
 * <p>Not thread-safe: confined to the runtime's loop.
 */
final class PortAllocator {

    /** Bindings for one container, or why there are none. */
    record Allocation(List<NetworkBinding> bindings, String error) {
        boolean failed() {
            return error != null;
        }
    }

    static final String BIND_IP = "0.0.0.0";

    private final int first;
    private final int last;
    private final Map<String, Map<TransportProtocol, HostPorts>> hosts = new HashMap<>();

    PortAllocator(int first, int last) {
        if (first < 1 || last > 65535 || first > last) {
            throw new IllegalArgumentException("invalid ephemeral port range " + first + "-" + last);
        }
        this.first = first;
        this.last = last;
    }

    /**
     * Takes host ports for {@code ports} on {@code hostKey}: all of them, or none.
     *
     * @param hostNetwork {@code host} network mode: the host port is the container port
     */
    Allocation allocate(String hostKey, List<PortSpec> ports, boolean hostNetwork) {
        Objects.requireNonNull(hostKey, "hostKey");
        List<NetworkBinding> taken = new ArrayList<>();
        for (PortSpec port : ports) {
            HostPorts host = host(hostKey, port.protocol());
            int wanted = hostNetwork ? port.containerPort() : port.hostPort();
            int hostPort;
            if (wanted != 0) {
                if (host.inUse.contains(wanted)) {
                    release(hostKey, taken);
                    return new Allocation(List.of(), "Bind for " + BIND_IP + ":" + wanted
                            + " failed: port is already allocated");
                }
                hostPort = wanted;
            } else {
                hostPort = host.nextFree();
                if (hostPort < 0) {
                    release(hostKey, taken);
                    return new Allocation(List.of(), "all ports are allocated");
                }
                host.lastDynamic = hostPort;
            }
            host.inUse.add(hostPort);
            taken.add(new NetworkBinding(BIND_IP, port.containerPort(), hostPort, port.protocol()));
        }
        return new Allocation(List.copyOf(taken), null);
    }

    /** Gives the host ports of {@code bindings} back. */
    void release(String hostKey, List<NetworkBinding> bindings) {
        for (NetworkBinding binding : bindings) {
            host(hostKey, binding.protocol()).inUse.remove(binding.hostPort());
        }
    }

    /** Host ports in use on {@code hostKey} for {@code protocol}; for tests. */
    Set<Integer> inUse(String hostKey, TransportProtocol protocol) {
        return Set.copyOf(host(hostKey, protocol).inUse);
    }

    private HostPorts host(String hostKey, TransportProtocol protocol) {
        return hosts.computeIfAbsent(hostKey, k -> new EnumMap<>(TransportProtocol.class))
                .computeIfAbsent(protocol, p -> new HostPorts());
    }

    private final class HostPorts {
        final Set<Integer> inUse = new HashSet<>();
        int lastDynamic = first - 1;

        int nextFree() {
            int size = last - first + 1;
            for (int i = 1; i <= size; i++) {
                int candidate = first + Math.floorMod(lastDynamic - first + i, size);
                if (!inUse.contains(candidate)) {
                    return candidate;
                }
            }
            return -1;
        }
    }
}
