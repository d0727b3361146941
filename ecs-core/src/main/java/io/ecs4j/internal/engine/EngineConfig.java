package io.ecs4j.internal.engine;

import io.ecs4j.SecretResolver;
import java.time.Duration;
import java.util.List;

/**
 * The settings of one {@code LocalEcs}, fixed at build time.
 */
public record EngineConfig(
        String region,
        String accountId,
        Duration taskRetention,
        Duration defaultStopTimeout,
        Duration containerStartTimeout,
        boolean createDefaultCluster,
        SecretResolver secretResolver,
        List<String> fargateAvailabilityZones) {

    public EngineConfig {
        fargateAvailabilityZones = List.copyOf(fargateAvailabilityZones);
    }
}
