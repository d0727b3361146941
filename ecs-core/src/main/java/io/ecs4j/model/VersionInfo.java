package io.ecs4j.model;

import java.util.Objects;

/**
 * Versions reported by a container instance's agent.
 *
 * <p>Immutable. Lists and maps are unmodifiable and never null.
 *
 * @param agentVersion the ECS agent version, for example {@code 1.90.0}
 * @param agentHash the agent's git hash
 * @param dockerVersion the Docker version, for example {@code DockerVersion: 20.10.24}
 */
public record VersionInfo(
        String agentVersion,
        String agentHash,
        String dockerVersion) {

    public VersionInfo {

    }

}
