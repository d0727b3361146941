package io.ecs4j.services;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.EcsException;
import io.ecs4j.LocalEcs;
import io.ecs4j.model.ContainerInstance;
import io.ecs4j.model.DesiredStatus;
import io.ecs4j.model.Service;
import io.ecs4j.model.ServiceEvent;
import io.ecs4j.model.Task;
import io.ecs4j.model.TaskDefinition;
import io.ecs4j.model.TaskStatus;
import io.ecs4j.request.CreateServiceRequest;
import io.ecs4j.request.ListTasksRequest;
import io.ecs4j.testing.Fixtures;
import io.ecs4j.time.VirtualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A LocalEcs on a virtual clock with a recording runtime whose containers start at once, plus the few look-ups the
 * service tests share. Composition, not a base class: each test class holds one.
 */
final class ServiceTestSupport implements AutoCloseable {
    static final String CLUSTER = "default";
    final VirtualClock clock = VirtualClock.create();
    final ScriptedRuntime runtime;
    final LocalEcs ecs;

    ServiceTestSupport() {
        this(new ScriptedRuntime());
    }

    ServiceTestSupport(ScriptedRuntime runtime) {
        this.runtime = runtime;
        this.ecs = Fixtures.localEcs(clock, runtime);
    }

    @Override
    public void close() {
        ecs.close();
    }

    /** Registers a task definition ({@code family}, one container of 128 MiB, 256 CPU units). */
    TaskDefinition taskDefinition(String family) {
        return taskDefinition(family, "busybox:latest");
    }

    /** Registers a revision of {@code family} whose one container runs {@code image}. */
    TaskDefinition taskDefinition(String family, String image) {
        return ecs.registerTaskDefinition(TaskDefinition.builder(family)
                .containerDefinitions(Fixtures.container("app", image).cpu(256).build()).build());
    }

    /** Registers a revision of {@code family} whose container runs {@code image} with a health check. */
    TaskDefinition checkedTaskDefinition(String family, String image) {
        return ecs.registerTaskDefinition(TaskDefinition.builder(family)
                .containerDefinitions(Fixtures.container("app", image).cpu(256)
                        .healthCheck(io.ecs4j.model.HealthCheck.shell("true")).build()).build());
    }

    ContainerInstance instance(String zone) {
        return ecs.registerContainerInstance(Fixtures.instance(CLUSTER, zone).cpu(4096).memory(8192).build());
    }

    ContainerInstance instance(String zone, int cpu, int memory) {
        return ecs.registerContainerInstance(Fixtures.instance(CLUSTER, zone).cpu(cpu).memory(memory).build());
    }

    Service create(CreateServiceRequest.Builder request) {
        return ecs.createService(request.build());
    }

    static CreateServiceRequest.Builder service(String name, String taskDefinition, int desiredCount) {
        return CreateServiceRequest.builder(CLUSTER, name, taskDefinition).desiredCount(desiredCount);
    }

    Service service(String name) {
        return ecs.findService(CLUSTER, name).orElseThrow();
    }

    /** The service's tasks that are not stopped (desired RUNNING), oldest first. */
    List<Task> tasks(String service) {
        List<Task> out = new ArrayList<>();
        for (String arn : ecs.listTasks(ListTasksRequest.builder().serviceName(service).maxResults(100).build())
                .items()) {
            out.add(ecs.findTask(CLUSTER, arn).orElseThrow());
        }
        return out;
    }

    /** The service's tasks not yet STOPPED (RUNNING, PENDING or stopping), oldest first. */
    List<Task> liveOrStopping(String service) {
        List<Task> out = new ArrayList<>(tasks(service));
        for (String arn : ecs.listTasks(ListTasksRequest.builder().serviceName(service)
                .desiredStatus(DesiredStatus.STOPPED).maxResults(100).build()).items()) {
            Task t = ecs.findTask(CLUSTER, arn).orElseThrow();
            if (t.lastStatus() != TaskStatus.STOPPED) {
                out.add(t);
            }
        }
        return out;
    }

    List<String> messages(String service) {
        return service(service).events().stream().map(ServiceEvent::message).toList();
    }

    /** Advances time until the service is stable (services-stable) and its deployment completed. */
    void awaitSteady(String service) {
        boolean steady = clock.advanceUntil(() -> {
            Service s = service(service);
            return s.isStable() && s.deployments().get(0).rolloutState() == io.ecs4j.model.RolloutState.COMPLETED;
        }, Duration.ofMinutes(10));
        assertThat(steady).as("steady state of %s; events %s", service, messages(service)).isTrue();
    }

    static EcsException ecsError(Runnable call) {
        try {
            call.run();
        } catch (EcsException e) {
            return e;
        }
        throw new AssertionError("expected an EcsException");
    }
}
