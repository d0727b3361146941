package io.ecs4j.samples.testing;

import io.ecs4j.LocalEcs;
import io.ecs4j.json.EcsJson;
import io.ecs4j.junit.EcsWait;
import io.ecs4j.model.DeploymentCircuitBreaker;
import io.ecs4j.model.DeploymentConfiguration;
import io.ecs4j.model.Service;
import io.ecs4j.request.CreateServiceRequest;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** What the deployer finds in "production": service {@code web} of 3 tasks of {@code web:1} in cluster {@code prod}. */
final class WebService {
    static final String CLUSTER = "prod";
    static final String NAME = "web";

    private WebService() {
    }

    /**
     * Registers {@code web:1} from the JSON {@code aws ecs register-task-definition} takes, creates the service with a
     * circuit breaker (rolling back when {@code rollback}), and waits (in virtual time) until it is steady.
     */
    static Service create(LocalEcs ecs, EcsWait wait, boolean rollback) {
        try (Reader json = new InputStreamReader(WebService.class.getResourceAsStream("/web-task-definition.json"),
                StandardCharsets.UTF_8)) {
            ecs.registerTaskDefinition(EcsJson.readTaskDefinition(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ecs.createService(CreateServiceRequest.builder(CLUSTER, NAME, "web:1")
                .desiredCount(3)
                .deploymentConfiguration(new DeploymentConfiguration(DeploymentCircuitBreaker.enabled(rollback), 200,
                        100))
                .build());
        return wait.untilSteadyState(CLUSTER, NAME);
    }
}
