package io.ecs4j.internal.placement;

import java.util.Set;

/** TEMPORARY: replaced by the placement implementation. */
public record Remaining(int cpu, int memory, Set<Integer> tcpPorts, Set<Integer> udpPorts) {
}
