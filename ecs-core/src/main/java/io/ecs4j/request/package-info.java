/**
 * Requests to {@link io.ecs4j.LocalEcs} and their results, shaped like the ECS API operations they mirror
 * (RunTask, ListTasks, ...). Immutable records with builders.
 *
 * <p>Stability: stable. Null policy: components are non-null unless their Javadoc says "or null".
 */
package io.ecs4j.request;
