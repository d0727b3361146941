package io.ecs4j.internal.placement;

import java.util.Set;

/**
 * What is left on a container instance, as its {@code remainingResources} report it: registered CPU and memory minus
 * what its tasks reserve, and every reserved port (registration reservations plus task host ports). Immutable.
 *
 * @param cpu      remaining CPU units
 * @param memory   remaining MiB
 * @param tcpPorts reserved TCP ports
 * @param udpPorts reserved UDP ports
 */
public record Remaining(int cpu, int memory, Set<Integer> tcpPorts, Set<Integer> udpPorts) {
    public Remaining {
        tcpPorts = Set.copyOf(tcpPorts);
        udpPorts = Set.copyOf(udpPorts);
    }
}
