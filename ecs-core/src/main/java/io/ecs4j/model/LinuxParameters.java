package io.ecs4j.model;

import java.util.Objects;

/**
 * Linux-specific container options.
 *
 * <p>Immutable. Lists and maps are unmodifiable and never null.
 *
 * @param initProcessEnabled run an init process as PID 1 that forwards signals and reaps children; null means false
 * @param sharedMemorySize size of /dev/shm in MiB, or null
 * @param capabilities capabilities to add or drop, or null
 */
public record LinuxParameters(
        Boolean initProcessEnabled,
        Integer sharedMemorySize,
        KernelCapabilities capabilities) {

    public LinuxParameters {

    }

}
