/**
 * The Runtime SPI: the narrow contract between the ecs4j control plane and whatever runs containers
 * ({@link io.ecs4j.spi.runtime.ContainerRuntime}). Implemented by the in-memory runtime and the Docker runtime; both
 * pass the same contract test suite ({@code ecs-runtime-tck}).
 *
 * <p>Stability: stable for implementers; new optional capabilities may be added. Null policy: non-null unless the
 * Javadoc says "or null".
 */
package io.ecs4j.spi.runtime;
