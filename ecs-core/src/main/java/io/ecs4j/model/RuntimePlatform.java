package io.ecs4j.model;

import java.util.Objects;

/**
 * The operating system and CPU architecture a task definition needs.
 *
 * <p>Immutable. Lists and maps are unmodifiable and never null.
 *
 * @param cpuArchitecture {@code X86_64} or {@code ARM64}, or null
 * @param operatingSystemFamily for example {@code LINUX}, or null
 */
public record RuntimePlatform(
        String cpuArchitecture,
        String operatingSystemFamily) {

    public RuntimePlatform {

    }

}
