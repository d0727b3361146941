package io.ecs4j.model;

import java.util.Objects;

/**
 * Private registry credentials: {@code credentialsParameter} names the secret holding them.
 *
 * <p>Immutable. Lists and maps are unmodifiable and never null.
 *
 * @param credentialsParameter the ARN or name of the secret; not null
 */
public record RepositoryCredentials(
        String credentialsParameter) {

    public RepositoryCredentials {
        Objects.requireNonNull(credentialsParameter, "credentialsParameter");
    }

}
