package io.ecs4j.model;

import java.util.Objects;

/**
 * A task definition volume, referenced by containers' {@code mountPoints}.
 *
 * <p>Immutable. Lists and maps are unmodifiable and never null.
 *
 * @param name the volume name; not null
 * @param host a bind mount or scratch volume, or null
 * @param dockerVolumeConfiguration a Docker volume, or null
 * @param configuredAtLaunch an EBS volume configured when the task launches, or null
 */
public record Volume(
        String name,
        HostVolume host,
        DockerVolumeConfiguration dockerVolumeConfiguration,
        Boolean configuredAtLaunch) {

    public Volume {
        Objects.requireNonNull(name, "name");
    }

}
