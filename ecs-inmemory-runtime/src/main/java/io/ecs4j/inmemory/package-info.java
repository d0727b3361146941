/**
 * The in-memory runtime: a deterministic, scriptable simulated {@link io.ecs4j.spi.runtime.ContainerRuntime}
 * ({@link io.ecs4j.inmemory.InMemoryRuntime}), scripted with {@link io.ecs4j.inmemory.ContainerBehaviour}. ecs4j's
 * embedded default.
 *
 * <p>Stability: stable. Null policy: non-null unless the Javadoc says "or null".
 */
package io.ecs4j.inmemory;
