package io.ecs4j.inmemory;

import io.ecs4j.spi.runtime.ContainerRuntime;
import io.ecs4j.spi.runtime.RuntimeProvider;

/**
 * Makes {@link InMemoryRuntime}s with default settings; registered for {@link java.util.ServiceLoader}, priority 0
 * (the embedded default: it wins over the Docker runtime's -10).
 *
 * <p>Thread-safe.
 */
public final class InMemoryRuntimeProvider implements RuntimeProvider {

    /** The priority of this provider. */
    public static final int PRIORITY = 0;

    /** For {@link java.util.ServiceLoader}. */
    public InMemoryRuntimeProvider() {
    }

    @Override
    public String name() {
        return InMemoryRuntime.NAME;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public ContainerRuntime create() {
        // Discovered through ServiceLoader, the runtime serves long-running use (an embedded endpoint, the server):
        // do not keep an ever-growing call log. Tests that assert on calls build their runtime explicitly.
        return InMemoryRuntime.builder().recordCalls(false).build();
    }
}
