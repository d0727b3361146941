package io.ecs4j.docker.internal;

import io.ecs4j.docker.RegistryCredentialsProvider;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code DockerRuntime} builder's settings, validated.
 *
 * @param bindAddress     host address published ports bind to
 * @param networkPrefix   prefix of the per-cluster networks, pause containers and scratch volumes
 * @param credentials     resolves {@code repositoryCredentials}
 * @param retention       how long a stopped container is kept before the runtime removes it itself; null = forever
 * @param pauseImage      the pause image, or null for the built-in one
 * @param scopeLabels     labels put on everything this runtime creates, and required by {@code discover()}
 * @param maxConcurrency  worker threads for Docker calls
 * @param pullTimeout     how long one image pull may take
 */
public record Settings(String bindAddress, String networkPrefix, RegistryCredentialsProvider credentials,
                       Duration retention, String pauseImage, Map<String, String> scopeLabels, int maxConcurrency,
                       Duration pullTimeout) {
    /** The built-in pause image's name; imported from {@link PauseImage} when missing. */
    public static final String BUILTIN_PAUSE_IMAGE = "ecs4j/pause:1";

    public Settings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(networkPrefix, "networkPrefix");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(pullTimeout, "pullTimeout");
        scopeLabels = Map.copyOf(scopeLabels);
    }

    String effectivePauseImage() {
        return pauseImage == null ? BUILTIN_PAUSE_IMAGE : pauseImage;
    }
}
