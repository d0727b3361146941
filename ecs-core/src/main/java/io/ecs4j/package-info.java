/**
 * ecs4j: Amazon ECS, embeddable in any JVM application. The entry point is {@link io.ecs4j.LocalEcs}; errors are
 * {@link io.ecs4j.EcsException}s carrying an {@link io.ecs4j.EcsErrorCode}.
 *
 * <p>Stability: stable, except types marked {@link io.ecs4j.Experimental}. Null policy: parameters and return values
 * are non-null unless the Javadoc says otherwise.
 */
package io.ecs4j;
