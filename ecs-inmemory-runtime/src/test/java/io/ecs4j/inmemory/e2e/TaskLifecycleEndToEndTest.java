package io.ecs4j.inmemory.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.LocalEcs;
import io.ecs4j.inmemory.ContainerBehaviour;
import io.ecs4j.inmemory.HealthProbe;
import io.ecs4j.inmemory.InMemoryRuntime;
import io.ecs4j.json.EcsJson;
import io.ecs4j.model.ContainerStatus;
import io.ecs4j.model.EcsEvent;
import io.ecs4j.model.HealthStatus;
import io.ecs4j.model.NetworkBinding;
import io.ecs4j.model.Task;
import io.ecs4j.model.TaskStatus;
import io.ecs4j.model.TaskStopCode;
import io.ecs4j.request.RegisterContainerInstanceRequest;
import io.ecs4j.request.RunTaskRequest;
import io.ecs4j.spi.runtime.ContainerHandle;
import io.ecs4j.spi.runtime.LogEntry;
import io.ecs4j.time.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tasks through the public API on the in-memory runtime and the virtual clock: real timings, no sleeps. */
class TaskLifecycleEndToEndTest {
    private static final String WEB_WITH_SIDECAR = """
            {
              "family": "web",
              "containerDefinitions": [
                {
                  "name": "app",
                  "image": "example/app:1",
                  "memory": 256,
                  "portMappings": [{"containerPort": 8080}],
                  "dependsOn": [{"containerName": "sidecar", "condition": "HEALTHY"}],
                  "stopTimeout": 10
                },
                {
                  "name": "sidecar",
                  "image": "example/envoy:1",
                  "memory": 128,
                  "essential": true,
                  "healthCheck": {
                    "command": ["CMD-SHELL", "curl -f http://localhost:9901/ready"],
                    "interval": 5, "timeout": 2, "retries": 3, "startPeriod": 10
                  }
                }
              ]
            }
            """;

    private final VirtualClock clock = VirtualClock.create();
    private InMemoryRuntime runtime;
    private LocalEcs ecs;

    private void start(InMemoryRuntime rt) {
        runtime = rt;
        ecs = LocalEcs.builder().timeSource(clock).runtime(runtime).start();
        ecs.registerContainerInstance(RegisterContainerInstanceRequest.builder().availabilityZone("us-east-1a").build());
        ecs.registerTaskDefinition(EcsJson.readTaskDefinition(WEB_WITH_SIDECAR));
    }

    @AfterEach
    void tearDown() {
        if (ecs != null) {
            ecs.close();
        }
    }

    private Task task(Task t) {
        return ecs.findTask(null, t.taskId()).orElseThrow();
    }

    private Task runWeb() {
        Task t = ecs.runTask(RunTaskRequest.builder(null, "web").build()).tasks().get(0);
        assertThat(t.lastStatus()).isEqualTo(TaskStatus.PENDING);
        return t;
    }

    @Test
    void healthyDependency_appStartsWhenSidecarHealthy_onTheVirtualClock() {
        start(InMemoryRuntime.builder().onContainer("sidecar", ContainerBehaviour.builder()
                .healthProbes(HealthProbe.FAIL, HealthProbe.FAIL, HealthProbe.FAIL, HealthProbe.PASS).build()).build());
        Instant t0 = clock.instant();
        Task t = runWeb();
        clock.runUntilIdle();
        assertThat(task(t).container("sidecar").lastStatus()).isEqualTo(ContainerStatus.RUNNING);
        assertThat(task(t).container("app").lastStatus()).isEqualTo(ContainerStatus.PENDING);

        // probes at 5 s and 10 s fail inside the 10 s start period; 15 s fails (1 of 3 retries); 20 s passes.
        clock.advance(Duration.ofSeconds(19));
        assertThat(task(t).container("sidecar").healthStatus()).isEqualTo(HealthStatus.UNKNOWN);
        assertThat(task(t).lastStatus()).isEqualTo(TaskStatus.PENDING);
        clock.advance(Duration.ofSeconds(1));
        Task running = task(t);
        assertThat(running.container("sidecar").healthStatus()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(running.lastStatus()).isEqualTo(TaskStatus.RUNNING);
        assertThat(running.startedAt()).isEqualTo(t0.plusSeconds(20));
        assertThat(running.healthStatus()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(running.container("app").networkBindings()).singleElement()
                .satisfies(b -> assertThat(b.hostPort()).isGreaterThanOrEqualTo(49153));
    }

    @Test
    void unhealthyDependency_neverHealthy_sidecarUnhealthyAndAppWaits() {
        start(InMemoryRuntime.builder().onContainer("sidecar", ContainerBehaviour.failsHealthChecks()).build());
        Task t = runWeb();
        clock.advance(Duration.ofSeconds(25));
        Task waiting = task(t);
        assertThat(waiting.container("sidecar").healthStatus()).isEqualTo(HealthStatus.UNHEALTHY);
        assertThat(waiting.healthStatus()).isEqualTo(HealthStatus.UNHEALTHY);
        assertThat(waiting.container("app").lastStatus()).isEqualTo(ContainerStatus.PENDING);
        assertThat(waiting.lastStatus()).isEqualTo(TaskStatus.PENDING);
    }

    @Test
    void essentialExit_stopsTaskAndTheOtherContainerGetsSigterm() {
        start(InMemoryRuntime.builder()
                .onContainer("sidecar", ContainerBehaviour.builder().healthProbes(HealthProbe.PASS).build())
                .onContainer("app", ContainerBehaviour.exitsAfter(Duration.ofSeconds(30), 3)).build());
        Task t = runWeb();
        clock.advance(Duration.ofSeconds(5));
        assertThat(task(t).lastStatus()).isEqualTo(TaskStatus.RUNNING);
        clock.advance(Duration.ofSeconds(30));
        Task stopped = task(t);
        assertThat(stopped.lastStatus()).isEqualTo(TaskStatus.STOPPED);
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
        assertThat(stopped.stoppedReason()).isEqualTo("Essential container in task exited");
        assertThat(stopped.container("app").exitCode()).isEqualTo(3);
        assertThat(stopped.container("sidecar").exitCode()).isEqualTo(143);
    }

    @Test
    void stopTask_containerIgnoringSigterm_isKilledAfterStopTimeout() {
        start(InMemoryRuntime.builder()
                .onContainer("sidecar", ContainerBehaviour.builder().healthProbes(HealthProbe.PASS).build())
                .onContainer("app", ContainerBehaviour.ignoresSigterm()).build());
        Task t = runWeb();
        clock.advance(Duration.ofSeconds(5));
        Instant stopAt = clock.instant();
        ecs.stopTask(null, t.taskId(), "rolling restart");
        clock.advance(Duration.ofSeconds(9));
        assertThat(task(t).lastStatus()).isEqualTo(TaskStatus.STOPPING);
        clock.advance(Duration.ofSeconds(1));
        Task stopped = task(t);
        assertThat(stopped.container("app").exitCode()).isEqualTo(137);
        assertThat(stopped.container("sidecar").exitCode()).isEqualTo(143);
        assertThat(stopped.lastStatus()).isEqualTo(TaskStatus.STOPPED);
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.USER_INITIATED);
        assertThat(stopped.stoppingAt()).isEqualTo(stopAt);
        assertThat(stopped.stoppedAt()).isEqualTo(stopAt.plusSeconds(10));
    }

    @Test
    void pullFailure_failsTaskToStartWithAgentReason() {
        start(InMemoryRuntime.builder().onImage("example/envoy:1", ContainerBehaviour.failsToPull()).build());
        Task t = runWeb();
        clock.runUntilIdle();
        Task stopped = task(t);
        assertThat(stopped.lastStatus()).isEqualTo(TaskStatus.STOPPED);
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.TASK_FAILED_TO_START);
        assertThat(stopped.stoppedReason()).startsWith("CannotPullContainerError:");
        assertThat(stopped.container("app").exitCode()).isNull();
    }

    @Test
    void oom_reportsExitCode137AndReason() {
        start(InMemoryRuntime.builder()
                .onContainer("sidecar", ContainerBehaviour.builder().healthProbes(HealthProbe.PASS).build())
                .onContainer("app", ContainerBehaviour.oomKilledAfter(Duration.ofSeconds(60))).build());
        Task t = runWeb();
        clock.advance(Duration.ofMinutes(2));
        Task stopped = task(t);
        assertThat(stopped.container("app").exitCode()).isEqualTo(137);
        assertThat(stopped.container("app").reason()).isEqualTo("OutOfMemoryError: Container killed due to memory usage");
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
    }

    @Test
    void logs_readBackPerContainer() {
        start(InMemoryRuntime.builder()
                .onContainer("sidecar", ContainerBehaviour.builder().healthProbes(HealthProbe.PASS)
                        .stdout(Duration.ofSeconds(1), "envoy ready").stderr(Duration.ofSeconds(2), "warn: x").build())
                .build());
        Task t = runWeb();
        clock.advance(Duration.ofSeconds(3));
        List<LogEntry> logs = ecs.logs(null, t.taskId(), "sidecar");
        assertThat(logs).extracting(LogEntry::message).containsExactly("envoy ready", "warn: x");
        assertThat(logs).extracting(LogEntry::stream).containsExactly(LogEntry.Stream.STDOUT, LogEntry.Stream.STDERR);
    }

    @Test
    void sameScenario_twice_producesTheSameEventsAtTheSameInstants() {
        List<String> first = scenario();
        List<String> second = scenario();
        assertThat(first).isNotEmpty().isEqualTo(second);
    }

    private List<String> scenario() {
        VirtualClock c = VirtualClock.create();
        InMemoryRuntime rt = InMemoryRuntime.builder()
                .onContainer("sidecar", ContainerBehaviour.builder().healthProbes(HealthProbe.FAIL, HealthProbe.PASS)
                        .build())
                .onContainer("app", ContainerBehaviour.exitsAfter(Duration.ofSeconds(42), 1)).build();
        List<String> events = new ArrayList<>();
        try (LocalEcs e = LocalEcs.builder().timeSource(c).runtime(rt).start()) {
            e.subscribe(ev -> {
                if (ev instanceof EcsEvent.TaskStateChange tsc) {
                    events.add(ev.time() + " " + tsc.task().taskArn() + " " + tsc.task().lastStatus() + " "
                            + tsc.task().containers().stream().map(x -> x.name() + "=" + x.lastStatus()
                            + "/" + x.exitCode() + "/" + x.networkBindings().stream().map(NetworkBinding::hostPort)
                            .toList()).toList());
                }
            });
            e.registerContainerInstance(RegisterContainerInstanceRequest.builder().build());
            e.registerContainerInstance(RegisterContainerInstanceRequest.builder().availabilityZone("us-east-1b").build());
            e.registerTaskDefinition(EcsJson.readTaskDefinition(WEB_WITH_SIDECAR));
            e.runTask(RunTaskRequest.builder(null, "web").count(2).build());
            c.advance(Duration.ofMinutes(2));
        }
        return events;
    }

    @Test
    void runtimeRecordsWhatTheEngineAskedFor() {
        start(InMemoryRuntime.builder()
                .onContainer("sidecar", ContainerBehaviour.builder().healthProbes(HealthProbe.PASS).build()).build());
        Task t = runWeb();
        clock.advance(Duration.ofSeconds(6));
        assertThat(runtime.launchedSpecs()).extracting(s -> s.containerName()).containsExactly("sidecar", "app");
        assertThat(runtime.container(new ContainerHandle(t.taskArn(), "app"))).isPresent();
        assertThat(runtime.launchedSpecs().get(1).stopTimeout()).isEqualTo(Duration.ofSeconds(10));
    }
}
