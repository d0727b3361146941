package io.ecs4j.internal.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.model.DeploymentCircuitBreaker;
import io.ecs4j.model.DeploymentConfiguration;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The launch backoff policy and the deployment configuration defaults. */
class LaunchBackoffTest {

    @ParameterizedTest(name = "{0} failures -> {1} s")
    @CsvSource({"0, 0", "1, 5", "2, 10", "3, 20", "9, 1280", "10, 1620", "11, 1620", "60, 1620"})
    void delay_doublesFrom5SecondsUpTo27Minutes(int failures, long seconds) {
        assertThat(LaunchBackoff.ECS.delay(failures)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @Test
    void deploymentConfiguration_defaultsPerSchedulingStrategy() {
        assertThat(ServiceRequests.deploymentConfiguration(null, null, false))
                .isEqualTo(new DeploymentConfiguration(null, 200, 100));
        assertThat(ServiceRequests.deploymentConfiguration(null, null, true))
                .isEqualTo(new DeploymentConfiguration(null, 100, 0));
    }

    @Test
    void deploymentConfiguration_update_keepsWhatItDoesNotName() {
        DeploymentConfiguration current = new DeploymentConfiguration(DeploymentCircuitBreaker.enabled(true), 150, 50);
        assertThat(ServiceRequests.deploymentConfiguration(new DeploymentConfiguration(null, null, 75), current, false))
                .isEqualTo(new DeploymentConfiguration(DeploymentCircuitBreaker.enabled(true), 150, 75));
    }
}
