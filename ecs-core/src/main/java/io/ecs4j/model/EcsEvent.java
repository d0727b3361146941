package io.ecs4j.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A change in ecs4j, delivered to listeners registered with {@code LocalEcs.subscribe(...)} — the local counterpart of
 * ECS's EventBridge events ({@code ECS Task State Change}, {@code ECS Container Instance State Change},
 * {@code ECS Service Action}).
 *
 * <p>Listeners run on the cluster's control loop, in the order the changes happened; they must be quick and must not
 * block. All event types are immutable records.
 */
public sealed interface EcsEvent {

    /** When the change happened (by the ecs4j clock). */
    Instant time();

    /**
     * A task changed: its {@code lastStatus}, {@code desiredStatus}, health or one of its containers.
     *
     * @param time when
     * @param task the task after the change
     */
    record TaskStateChange(Instant time, Task task) implements EcsEvent {
        public TaskStateChange {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(task, "task");
        }
    }

    /**
     * A container instance changed: registered, status, agent connection, attributes.
     *
     * @param time              when
     * @param containerInstance the instance after the change
     */
    record ContainerInstanceStateChange(Instant time, ContainerInstance containerInstance) implements EcsEvent {
        public ContainerInstanceStateChange {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(containerInstance, "containerInstance");
        }
    }
}
