package io.ecs4j.internal.placement;

import java.util.Set;

/**
 * The resources one task reserves on its container instance (ecs-semantics §2.3): CPU units, memory in MiB and its
 * static host ports. awsvpc tasks and dynamic host ports reserve no instance port. Immutable.
 *
 * @param cpu      CPU units, >= 0
 * @param memory   MiB, >= 0
 * @param tcpPorts static TCP host ports (1-65535)
 * @param udpPorts static UDP host ports (1-65535)
 */
public record TaskFootprint(int cpu, int memory, Set<Integer> tcpPorts, Set<Integer> udpPorts) {

    public TaskFootprint {
        if (cpu < 0 || memory < 0) {
            throw new IllegalArgumentException("cpu and memory must be >= 0, got " + cpu + " / " + memory);
        }
        tcpPorts = tcpPorts == null ? Set.of() : Set.copyOf(tcpPorts);
        udpPorts = udpPorts == null ? Set.of() : Set.copyOf(udpPorts);
        for (Set<Integer> ports : java.util.List.of(tcpPorts, udpPorts)) {
            for (int p : ports) {
                if (p < 1 || p > 65535) {
                    throw new IllegalArgumentException("host port must be 1-65535, got " + p);
                }
            }
        }
    }

    /** A footprint without host ports. */
    public static TaskFootprint of(int cpu, int memory) {
        return new TaskFootprint(cpu, memory, Set.of(), Set.of());
    }
}
