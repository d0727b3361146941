package io.ecs4j.docker;

/**
 * What the Docker host offers, in the units ECS registers a container instance with.
 *
 * <p>Immutable.
 *
 * @param cpus        the host's CPU count as Docker reports it
 * @param cpuUnits    {@code cpus × 1024}, the instance's {@code CPU} resource
 * @param memoryBytes the host's total memory in bytes
 * @param memoryMiB   the host's total memory in MiB (rounded down), the instance's {@code MEMORY} resource
 */
public record HostCapacity(int cpus, int cpuUnits, long memoryBytes, long memoryMiB) {

    /** The capacity of a host with {@code cpus} CPUs and {@code memoryBytes} of memory. */
    public static HostCapacity of(int cpus, long memoryBytes) {
        if (cpus < 1 || memoryBytes < 1) {
            throw new IllegalArgumentException("cpus and memoryBytes must be positive: " + cpus + ", " + memoryBytes);
        }
        return new HostCapacity(cpus, cpus * 1024, memoryBytes, memoryBytes >> 20);
    }
}
