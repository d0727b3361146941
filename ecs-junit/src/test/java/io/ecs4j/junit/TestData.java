package io.ecs4j.junit;

import io.ecs4j.LocalEcs;
import io.ecs4j.model.ContainerDefinition;
import io.ecs4j.model.DeploymentCircuitBreaker;
import io.ecs4j.model.DeploymentConfiguration;
import io.ecs4j.model.TaskDefinition;
import io.ecs4j.request.CreateServiceRequest;

/** Small builders of test data shared by the tests of the extension. */
final class TestData {
    private TestData() {
    }

    /** A one-container task definition {@code family} running {@code image}: 256 CPU units, 512 MiB. */
    static TaskDefinition taskDefinition(String family, String image) {
        return TaskDefinition.builder()
                .family(family)
                .containerDefinitions(ContainerDefinition.builder().name("app").image(image).cpu(256).memory(512)
                        .essential(true).build())
                .build();
    }

    /** Registers {@code family} with {@code image} and creates service {@code name} of {@code desired} tasks. */
    static void service(LocalEcs ecs, String cluster, String name, String image, int desired) {
        ecs.registerTaskDefinition(taskDefinition(name, image));
        ecs.createService(CreateServiceRequest.builder(cluster, name, name).desiredCount(desired)
                .deploymentConfiguration(new DeploymentConfiguration(DeploymentCircuitBreaker.enabled(true), null,
                        null))
                .build());
    }
}
