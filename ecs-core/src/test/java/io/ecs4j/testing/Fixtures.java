package io.ecs4j.testing;

import io.ecs4j.LocalEcs;
import io.ecs4j.model.ContainerDefinition;
import io.ecs4j.model.TaskDefinition;
import io.ecs4j.request.RegisterContainerInstanceRequest;
import io.ecs4j.time.VirtualClock;

/** Builder-style test data shared by ecs-core's tests (and, through the test-jar, other modules'). */
public final class Fixtures {
    private Fixtures() {
    }

    /** A container with 128 MiB and the given image. */
    public static ContainerDefinition.Builder container(String name, String image) {
        return ContainerDefinition.builder(name, image).memory(128);
    }

    /** A container called {@code name} running {@code busybox}, 128 MiB. */
    public static ContainerDefinition.Builder container(String name) {
        return container(name, "busybox:latest");
    }

    /** A one-container task definition. */
    public static TaskDefinition.Builder taskDefinition(String family) {
        return TaskDefinition.builder(family).containerDefinitions(container("app").build());
    }

    /** An instance registration in {@code cluster} and zone {@code az}. */
    public static RegisterContainerInstanceRequest.Builder instance(String cluster, String az) {
        return RegisterContainerInstanceRequest.builder().cluster(cluster).availabilityZone(az);
    }

    /** A started LocalEcs on {@code clock} with {@code runtime}. */
    public static LocalEcs localEcs(VirtualClock clock, io.ecs4j.spi.runtime.ContainerRuntime runtime) {
        return LocalEcs.builder().timeSource(clock).runtime(runtime).start();
    }
}
