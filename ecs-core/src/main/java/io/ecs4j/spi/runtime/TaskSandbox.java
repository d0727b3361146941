package io.ecs4j.spi.runtime;

import io.ecs4j.model.NetworkBinding;
import io.ecs4j.model.TaskArn;
import java.util.List;
import java.util.Objects;

/**
 * What a runtime prepared for a task (see {@link TaskSandboxSpec}).
 *
 * <p>Immutable.
 *
 * @param taskArn          the task; not null
 * @param sandboxId        the runtime's id of the sandbox (for Docker, the pause container's id), or null when the
 *                         runtime needed nothing
 * @param privateIpv4      the task's address on its network, or null; reported as the ENI's private address for awsvpc
 * @param networkBindings  for awsvpc: where the task's ports are published; else empty
 */
public record TaskSandbox(TaskArn taskArn, String sandboxId, String privateIpv4, List<NetworkBinding> networkBindings) {
    public TaskSandbox {
        Objects.requireNonNull(taskArn, "taskArn");
        networkBindings = List.copyOf(networkBindings);
    }

    /** A sandbox for which the runtime created nothing. */
    public static TaskSandbox none(TaskArn taskArn) {
        return new TaskSandbox(taskArn, null, null, List.of());
    }
}
