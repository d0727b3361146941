package io.ecs4j.docker;

/**
 * Resolves a container's {@code repositoryCredentials.credentialsParameter} (in ECS, the ARN of a Secrets Manager
 * secret) to registry credentials, for pulling private images. Called only when an image is not present locally and
 * the container names a credentials parameter.
 *
 * <p>Implementations must be thread-safe; they are called from the runtime's worker threads and may block.
 *
 * {@snippet :
 * DockerRuntime runtime = DockerRuntime.builder()
 *         .registryCredentialsProvider((parameter, image) ->
 *                 new RegistryCredentials("ci", System.getenv("REGISTRY_TOKEN")))
 *         .build();
 * }
 */
@FunctionalInterface
public interface RegistryCredentialsProvider {

    /**
     * The credentials for pulling {@code image}.
     *
     * @param credentialsParameter the container's {@code credentialsParameter}; not null
     * @param image                the image to pull; not null
     * @return the credentials, or null to pull anonymously
     * @throws RuntimeException when the parameter cannot be resolved; the container then fails to launch with
     *                          {@code CannotPullContainerError} and the exception's message
     */
    RegistryCredentials credentials(String credentialsParameter, String image);

    /** Pulls anonymously, whatever the parameter. The default. */
    static RegistryCredentialsProvider anonymous() {
        return (parameter, image) -> null;
    }
}
