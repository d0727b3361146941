/**
 * The ECS domain model as immutable records: clusters, container instances, task definitions, tasks, services, their
 * ARNs and enums. Names follow the ECS API (accessors without {@code get}); records with many components have a
 * {@code builder()} and {@code toBuilder()}. Collections in records are unmodifiable and never null (empty when unset).
 *
 * <p>Stability: stable. Null policy: components are non-null unless their Javadoc says "or null".
 */
package io.ecs4j.model;
