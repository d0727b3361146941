package io.ecs4j.benchmarks.services;

import io.ecs4j.LocalEcs;
import io.ecs4j.inmemory.InMemoryRuntime;
import io.ecs4j.model.ContainerDefinition;
import io.ecs4j.model.DeploymentConfiguration;
import io.ecs4j.model.RolloutState;
import io.ecs4j.model.Service;
import io.ecs4j.model.TaskDefinition;
import io.ecs4j.request.CreateServiceRequest;
import io.ecs4j.request.RegisterContainerInstanceRequest;
import io.ecs4j.request.UpdateServiceRequest;
import io.ecs4j.time.VirtualClock;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * A cluster for the service benchmarks (benchmarking.md S3-S5): a LocalEcs on a {@link VirtualClock} with a runtime
 * whose containers start at once — {@code instant} ({@link InstantRuntime}: the control plane's own cost, the headline)
 * or {@code in-memory} ({@link InMemoryRuntime}: zero-delay timers, plus the simulator's bookkeeping) — {@code instances}
 * container instances of
 * 8,192 CPU units / 32,768 MiB over three zones, and a task definition of 256 CPU units / 512 MiB (room for 3,200
 * tasks on 100 instances). Not thread-safe; one per benchmark thread.
 */
final class ServiceCluster implements AutoCloseable {
    static final String SERVICE = "web";
    final VirtualClock clock = VirtualClock.create();
    private final InMemoryRuntime inMemory;
    private final InstantRuntime instant;
    final LocalEcs ecs;
    final ServiceChecker checker;
    private int revisions;

    ServiceCluster(String runtime, int instances, long seed) {
        switch (runtime) {
            case "instant" -> {
                instant = new InstantRuntime();
                inMemory = null;
            }
            case "in-memory" -> {
                inMemory = InMemoryRuntime.builder().recordCalls(false).build();
                instant = null;
            }
            default -> throw new IllegalArgumentException("runtime must be instant or in-memory: " + runtime);
        }
        ecs = LocalEcs.builder().timeSource(clock).runtime(instant != null ? instant : inMemory)
                .random(new SplittableRandom(seed)).start();
        for (int i = 0; i < instances; i++) {
            ecs.registerContainerInstance(RegisterContainerInstanceRequest.builder()
                    .availabilityZone("us-east-1" + (char) ('a' + i % 3)).cpu(8192).memory(32768).build());
        }
        registerRevision();
        checker = new ServiceChecker(SERVICE, clock);
        ecs.subscribe(checker);
    }

    /** Containers of {@code image} fail to launch (a pull error). */
    void failImage(String image) {
        if (instant != null) {
            instant.failImage(image);
        } else {
            inMemory.onImage(image, io.ecs4j.inmemory.ContainerBehaviour.failsToPull());
        }
    }

    /** Registers the next revision of {@code web}; returns its {@code family:revision}. */
    String registerRevision() {
        revisions++;
        ecs.registerTaskDefinition(TaskDefinition.builder(SERVICE).containerDefinitions(
                ContainerDefinition.builder("app", "example/web:" + revisions).cpu(256).memory(512).build()).build());
        return SERVICE + ":" + revisions;
    }

    void createService(int desired, int min, int max) {
        checker.expect(desired, min, max);
        ecs.createService(CreateServiceRequest.builder(null, SERVICE, SERVICE).desiredCount(desired)
                .deploymentConfiguration(DeploymentConfiguration.of(min, max)).build());
    }

    void deploy(String taskDefinition) {
        ecs.updateService(UpdateServiceRequest.builder(null, SERVICE).taskDefinition(taskDefinition).build());
    }

    /** Whether the service is stable and its PRIMARY deployment COMPLETED. */
    boolean steady() {
        Service s = ecs.findService(null, SERVICE).orElseThrow();
        return s.isStable() && s.deployments().get(0).rolloutState() == RolloutState.COMPLETED;
    }

    /** Advances virtual time until {@link #steady()}; fails the run if it does not come within an hour. */
    void awaitSteady() {
        if (!clock.advanceUntil(this::steady, Duration.ofHours(1))) {
            throw new IllegalStateException("the service did not reach a steady state: "
                    + ecs.findService(null, SERVICE).orElseThrow());
        }
    }

    @Override
    public void close() {
        ecs.close();
    }
}
