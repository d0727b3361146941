package io.ecs4j;

/**
 * Resolves a container's {@code secrets[].valueFrom} (a Secrets Manager ARN or an SSM parameter name/ARN) to its value
 * when the container starts. Locally there is no Secrets Manager: the application supplies the values.
 *
 * <p>Implementations must be thread-safe and fast (they are called on a cluster's control loop).
 */
@FunctionalInterface
public interface SecretResolver {
    /**
     * The secret's value.
     *
     * @param valueFrom the {@code valueFrom} of the task definition (for a JSON key selector, the whole string)
     * @return the value, or null when unknown; the task then fails to start with {@code ResourceInitializationError}
     */
    String resolve(String valueFrom);
}
