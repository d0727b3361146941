package io.ecs4j.spi.runtime;

/**
 * Makes a {@link ContainerRuntime}; discovered with {@link java.util.ServiceLoader} when no runtime is given to
 * {@code LocalEcs.builder().runtime(...)} explicitly. The provider with the highest {@link #priority()} wins; two
 * providers with the same highest priority are an error that names both.
 *
 * <p>Implementations need a public no-argument constructor and are thread-safe.
 */
public interface RuntimeProvider {

    /** The name of the runtime this provider makes, for example {@code in-memory}. */
    String name();

    /** Higher wins. The in-memory runtime uses 0, the Docker runtime -10 (it is only used when asked for). */
    int priority();

    /** A new, not yet started runtime with default settings. */
    ContainerRuntime create();
}
