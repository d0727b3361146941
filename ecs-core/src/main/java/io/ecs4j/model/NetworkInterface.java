package io.ecs4j.model;

import java.util.Objects;

/**
 * A network interface of an {@code awsvpc} task's container.
 *
 * <p>Immutable. Lists and maps are unmodifiable and never null.
 *
 * @param attachmentId the ENI attachment's id
 * @param privateIpv4Address the private address
 */
public record NetworkInterface(
        String attachmentId,
        String privateIpv4Address) {

    public NetworkInterface {

    }

}
