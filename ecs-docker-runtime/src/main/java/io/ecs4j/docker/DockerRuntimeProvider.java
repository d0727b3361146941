package io.ecs4j.docker;

import io.ecs4j.spi.runtime.ContainerRuntime;
import io.ecs4j.spi.runtime.RuntimeProvider;

/**
 * Makes a {@link DockerRuntime} with default settings for {@link java.util.ServiceLoader} discovery. Its priority
 * (-10) is below the in-memory runtime's, so Docker is used only when asked for (or when it is the only runtime on
 * the class path). Thread-safe.
 */
public final class DockerRuntimeProvider implements RuntimeProvider {

    /** For {@link java.util.ServiceLoader}. */
    public DockerRuntimeProvider() {
    }

    /** {@code docker} */
    @Override
    public String name() {
        return "docker";
    }

    /** -10 */
    @Override
    public int priority() {
        return -10;
    }

    @Override
    public ContainerRuntime create() {
        return DockerRuntime.create();
    }
}
