package io.ecs4j.spi.loadbalancer;

import io.ecs4j.model.TaskArn;
import java.util.Objects;

/**
 * One endpoint of a task registered with a target group: where the load balancer sends requests. As in Elastic Load
 * Balancing a target is identified by its {@code id} and port; the task and container say whose endpoint it is.
 *
 * <p>For {@code bridge} and {@code host} network mode the target is an instance target: the id is the container
 * instance's EC2 instance id, the host the address its port is published on (on this machine) and the port the
 * (possibly dynamic) host port. For {@code awsvpc} it is an IP target: id and host are the task's private IPv4
 * address, and the port is the container port.
 *
 * <p>Immutable.
 *
 * @param id            ELB's target id: an EC2 instance id or an IP address; not null
 * @param host          the address to connect to, for example {@code 127.0.0.1}; not null
 * @param port          the port, 1-65535
 * @param taskArn       the task; not null
 * @param containerName the container whose port this is; not null
 */
public record Target(String id, String host, int port, TaskArn taskArn, String containerName) {
    public Target {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(taskArn, "taskArn");
        Objects.requireNonNull(containerName, "containerName");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1-65535: " + port);
        }
    }

    /** {@code id:port}: what identifies the target in its target group. */
    public String key() {
        return id + ":" + port;
    }

    /** {@code host:port}: where to connect. */
    public String endpoint() {
        return host + ":" + port;
    }

    /** Whether {@code other} is the same target (same id and port). */
    public boolean sameTarget(Target other) {
        return port == other.port && id.equals(other.id);
    }
}
