/**
 * The runtime contract test suite: {@link io.ecs4j.tck.AbstractRuntimeContractTest}, which every
 * {@link io.ecs4j.spi.runtime.ContainerRuntime} passes, and the {@link io.ecs4j.tck.RuntimeFixture} a runtime's test
 * provides.
 *
 * <p>Stability: stable for runtime implementers; cases are added over time. Null policy: non-null unless the Javadoc
 * says otherwise.
 */
package io.ecs4j.tck;
