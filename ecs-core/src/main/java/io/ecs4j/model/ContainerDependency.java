package io.ecs4j.model;

import java.util.Objects;

/**
 * A {@code dependsOn} entry: the container it belongs to starts only once {@code containerName} meets {@code condition}.
 *
 * <p>Immutable. Lists and maps are unmodifiable and never null.
 *
 * @param containerName the dependency container; not null
 * @param condition the condition to wait for; not null
 */
public record ContainerDependency(
        String containerName,
        ContainerCondition condition) {

    public ContainerDependency {
        Objects.requireNonNull(containerName, "containerName");
        Objects.requireNonNull(condition, "condition");
    }

    /** A dependency. */
    public static ContainerDependency of(String containerName, ContainerCondition condition) {
        return new ContainerDependency(containerName, condition);
    }

}
