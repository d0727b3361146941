package io.ecs4j.spi.runtime;

/**
 * What the machine a runtime runs containers on offers, in the units a container instance registers with. A runtime
 * on real hardware (Docker) reports it so that the local host registers with its real capacity by default.
 *
 * <p>Immutable.
 *
 * @param cpuUnits  CPU units (1 vCPU = 1024)
 * @param memoryMiB memory in MiB
 */
public record HostResources(int cpuUnits, int memoryMiB) {
    public HostResources {
        if (cpuUnits < 0 || memoryMiB < 0) {
            throw new IllegalArgumentException("resources must not be negative: " + cpuUnits + ", " + memoryMiB);
        }
    }
}
