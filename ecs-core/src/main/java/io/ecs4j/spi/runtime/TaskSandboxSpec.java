package io.ecs4j.spi.runtime;

import io.ecs4j.model.NetworkMode;
import io.ecs4j.model.TaskArn;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a runtime must prepare before the first container of a task starts, and release after the last one stopped:
 * for {@code awsvpc} the task's network namespace (the ECS agent's "pause" container), and task-scoped volumes.
 *
 * <p>Immutable.
 *
 * @param taskArn        the task; not null
 * @param clusterName    the cluster's name; not null
 * @param hostId         the container instance id the task was placed on, or null (Fargate)
 * @param networkMode    the task's network mode; not null
 * @param ports          for {@code awsvpc}: every port mapping of the task, published by the sandbox; else empty
 * @param networkAliases DNS names the task should be reachable under on the cluster's network (for example the
 *                       service name); may be empty
 * @param labels         labels to put on whatever the runtime creates for the task (ecs4j's identity labels); not null
 */
public record TaskSandboxSpec(TaskArn taskArn, String clusterName, String hostId, NetworkMode networkMode,
                              List<PortSpec> ports, List<String> networkAliases, Map<String, String> labels) {
    public TaskSandboxSpec {
        Objects.requireNonNull(taskArn, "taskArn");
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(networkMode, "networkMode");
        ports = List.copyOf(ports);
        networkAliases = List.copyOf(networkAliases);
        labels = Map.copyOf(labels);
    }
}
