package io.ecs4j.model;

import java.util.Objects;

/**
 * The network configuration of an awsvpc task or service.
 *
 * <p>Immutable. Lists and maps are unmodifiable and never null.
 *
 * @param awsvpcConfiguration the awsvpc configuration, or null
 */
public record NetworkConfiguration(
        AwsVpcConfiguration awsvpcConfiguration) {

    public NetworkConfiguration {

    }

}
