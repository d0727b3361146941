package io.ecs4j.inmemory.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.LocalEcs;
import io.ecs4j.inmemory.ContainerBehaviour;
import io.ecs4j.inmemory.InMemoryRuntime;
import io.ecs4j.json.EcsJson;
import io.ecs4j.model.DeploymentCircuitBreaker;
import io.ecs4j.model.DeploymentConfiguration;
import io.ecs4j.model.RolloutState;
import io.ecs4j.model.Service;
import io.ecs4j.model.ServiceEvent;
import io.ecs4j.model.Task;
import io.ecs4j.model.TaskStatus;
import io.ecs4j.request.CreateServiceRequest;
import io.ecs4j.request.ListTasksRequest;
import io.ecs4j.request.RegisterContainerInstanceRequest;
import io.ecs4j.request.UpdateServiceRequest;
import io.ecs4j.time.VirtualClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Services through the public API on the in-memory runtime and the virtual clock: real health checks and timings. */
class ServiceEndToEndTest {
    private static final String WEB = """
            {
              "family": "web",
              "containerDefinitions": [{
                "name": "app", "image": "example/app:%s", "memory": 256,
                "portMappings": [{"containerPort": 8080}],
                "healthCheck": {"command": ["CMD-SHELL", "curl -f http://localhost:8080/"], "interval": 5,
                                "timeout": 2, "retries": 3, "startPeriod": 10}
              }]
            }
            """;

    private final VirtualClock clock = VirtualClock.create();
    private final InMemoryRuntime runtime = InMemoryRuntime.create();
    private LocalEcs ecs;

    @BeforeEach
    void setUp() {
        ecs = LocalEcs.builder().timeSource(clock).runtime(runtime).start();
        for (String zone : List.of("us-east-1a", "us-east-1b")) {
            ecs.registerContainerInstance(RegisterContainerInstanceRequest.builder().availabilityZone(zone).build());
        }
        ecs.registerTaskDefinition(EcsJson.readTaskDefinition(WEB.formatted("1")));
    }

    @AfterEach
    void tearDown() {
        ecs.close();
    }

    private Service web() {
        return ecs.findService(null, "web").orElseThrow();
    }

    private boolean steady() {
        Service s = web();
        return s.isStable() && s.deployments().get(0).rolloutState() == RolloutState.COMPLETED;
    }

    private List<Task> tasks() {
        return ecs.describeTasks(null, ecs.listTasks(ListTasksRequest.builder().serviceName("web").build()).items())
                .items();
    }

    @Test
    void service_becomesSteadyWhenItsTasksPassTheirHealthChecks_thenRollsOutANewRevision() {
        ecs.createService(CreateServiceRequest.builder(null, "web", "web").desiredCount(3).build());

        assertThat(clock.advanceUntil(this::steady, Duration.ofMinutes(5))).isTrue();
        assertThat(web().runningCount()).isEqualTo(3);
        assertThat(web().events().get(0).message()).isEqualTo("(service web) has reached a steady state.");

        ecs.registerTaskDefinition(EcsJson.readTaskDefinition(WEB.formatted("2")));
        ecs.updateService(UpdateServiceRequest.builder(null, "web").taskDefinition("web").build());
        clock.runUntilIdle();
        assertThat(tasks()).hasSize(6);

        assertThat(clock.advanceUntil(this::steady, Duration.ofMinutes(5))).isTrue();
        assertThat(tasks()).hasSize(3).allSatisfy(t -> {
            assertThat(t.taskDefinitionArn().toString()).endsWith("web:2");
            assertThat(t.lastStatus()).isEqualTo(TaskStatus.RUNNING);
        });
    }

    @Test
    void revisionThatCannotBePulled_failsTheDeployment_andRollsBack() {
        ecs.createService(CreateServiceRequest.builder(null, "web", "web").desiredCount(2)
                .deploymentConfiguration(new DeploymentConfiguration(DeploymentCircuitBreaker.enabled(true), null,
                        null)).build());
        assertThat(clock.advanceUntil(this::steady, Duration.ofMinutes(5))).isTrue();
        runtime.onImage("example/app:2", ContainerBehaviour.failsToPull());
        ecs.registerTaskDefinition(EcsJson.readTaskDefinition(WEB.formatted("2")));

        ecs.updateService(UpdateServiceRequest.builder(null, "web").taskDefinition("web").build());

        assertThat(clock.advanceUntil(this::steady, Duration.ofMinutes(30))).isTrue();
        assertThat(web().taskDefinition().toString()).endsWith("web:1");
        assertThat(web().events()).extracting(ServiceEvent::message)
                .anyMatch(m -> m.endsWith("deployment failed: tasks failed to start."))
                .anyMatch(m -> m.startsWith("(service web) rolling back to deployment ecs-svc/"));
    }

    @Test
    void revisionFailingItsHealthChecks_isReplacedUntilTheCircuitBreakerFailsIt() {
        ecs.createService(CreateServiceRequest.builder(null, "web", "web").desiredCount(2)
                .deploymentConfiguration(new DeploymentConfiguration(DeploymentCircuitBreaker.enabled(false), null,
                        null)).build());
        assertThat(clock.advanceUntil(this::steady, Duration.ofMinutes(5))).isTrue();
        runtime.onImage("example/app:2", ContainerBehaviour.failsHealthChecks());
        ecs.registerTaskDefinition(EcsJson.readTaskDefinition(WEB.formatted("2")));

        ecs.updateService(UpdateServiceRequest.builder(null, "web").taskDefinition("web").build());

        assertThat(clock.advanceUntil(() -> web().deployments().get(0).rolloutState() == RolloutState.FAILED,
                Duration.ofMinutes(30))).isTrue();
        assertThat(web().events()).extracting(ServiceEvent::message)
                .anyMatch(m -> m.matches("\\(service web\\) \\(task [0-9a-f]{32}\\) failed container health checks\\."));
        assertThat(tasks()).filteredOn(t -> t.taskDefinitionArn().toString().endsWith("web:1")).hasSize(2);
    }
}
