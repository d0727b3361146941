/**
 * The Docker runtime: {@link io.ecs4j.docker.DockerRuntime} runs ECS tasks as real Docker containers.
 *
 * <p>Stability: stable. Null policy: non-null unless the Javadoc says "or null". No docker-java type appears in this
 * package's signatures; {@code io.ecs4j.docker.internal} is internal and may change without notice.
 */
package io.ecs4j.docker;
