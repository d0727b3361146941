package io.ecs4j.model;

import java.util.Objects;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A task definition volume, referenced by containers' {@code mountPoints}.
 *
 * <p>Immutable. Lists and maps are unmodifiable and never null.
 *
 * @param name the volume name; not null
 * @param host a bind mount or scratch volume, or null
 * @param dockerVolumeConfiguration a Docker volume, or null
 * @param configuredAtLaunch an EBS volume configured when the task launches, or null
 * @param otherMembers ECS volume members ecs4j does not model (for example {@code efsVolumeConfiguration}), kept
 *                     verbatim as JSON-like values so a definition round-trips; such a volume is mounted as an empty
 *                     task-scoped volume
 */
public record Volume(
        String name,
        HostVolume host,
        DockerVolumeConfiguration dockerVolumeConfiguration,
        Boolean configuredAtLaunch,
        Map<String, Object> otherMembers) {

    public Volume {
        otherMembers = otherMembers == null || otherMembers.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(otherMembers));
        Objects.requireNonNull(name, "name");
    }

    /** A volume with no unmodelled members. */
    public Volume(String name, HostVolume host, DockerVolumeConfiguration dockerVolumeConfiguration,
                  Boolean configuredAtLaunch) {
        this(name, host, dockerVolumeConfiguration, configuredAtLaunch, Map.of());
    }
}
