package io.ecs4j.docker;

import java.util.Objects;

/**
 * A user name and password for a private registry, what the secret named by a container's
 * {@code repositoryCredentials.credentialsParameter} holds in ECS ({@code {"username": ..., "password": ...}}).
 *
 * <p>Immutable. {@link #toString()} does not show the password.
 *
 * @param username the user name; not null
 * @param password the password or token; not null
 */
public record RegistryCredentials(String username, String password) {
    public RegistryCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "RegistryCredentials[username=" + username + ", password=****]";
    }
}
