package io.ecs4j.internal.placement;

import java.util.Set;

/** TEMPORARY: replaced by the placement implementation. */
public record TaskFootprint(int cpu, int memory, Set<Integer> tcpPorts, Set<Integer> udpPorts) {
}
