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

    /**
     * The service scheduler did something worth reporting, or could not: the local counterpart of ECS's
     * {@code ECS Service Action} and {@code ECS Deployment State Change} events.
     *
     * @param time         when
     * @param type         what happened
     * @param service      the service after the change
     * @param deploymentId the deployment concerned ({@code ecs-svc/...}), or null
     * @param reason       the message ECS would give, for example the service event's text or the deployment's
     *                     {@code rolloutStateReason}
     */
    record ServiceAction(Instant time, ServiceActionType type, Service service, String deploymentId, String reason)
            implements EcsEvent {
        public ServiceAction {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
