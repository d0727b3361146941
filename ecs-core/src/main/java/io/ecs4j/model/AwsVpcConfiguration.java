package io.ecs4j.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code awsvpcConfiguration} of a task or service (ecs4j records it; no real VPC is involved).
 *
 * <p>Immutable. Lists and maps are unmodifiable and never null.
 *
 * @param subnets subnet ids (required by ECS)
 * @param securityGroups security group ids
 * @param assignPublicIp {@code ENABLED} or {@code DISABLED}, or null (DISABLED)
 */
public record AwsVpcConfiguration(
        List<String> subnets,
        List<String> securityGroups,
        String assignPublicIp) {

    public AwsVpcConfiguration {
        subnets = subnets == null ? List.of() : List.copyOf(subnets);
        securityGroups = securityGroups == null ? List.of() : List.copyOf(securityGroups);
    }

}
