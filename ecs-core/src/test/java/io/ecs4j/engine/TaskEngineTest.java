package io.ecs4j.engine;

import static io.ecs4j.testing.Fixtures.container;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.LocalEcs;
import io.ecs4j.model.ContainerCondition;
import io.ecs4j.model.ContainerDependency;
import io.ecs4j.model.ContainerStatus;
import io.ecs4j.model.DesiredStatus;
import io.ecs4j.model.HealthCheck;
import io.ecs4j.model.HealthStatus;
import io.ecs4j.model.Task;
import io.ecs4j.model.TaskDefinition;
import io.ecs4j.model.TaskStatus;
import io.ecs4j.model.TaskStopCode;
import io.ecs4j.request.RunTaskRequest;
import io.ecs4j.testing.Fixtures;
import io.ecs4j.testing.RecordingRuntime;
import io.ecs4j.time.VirtualClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TaskEngineTest {
    private final VirtualClock clock = VirtualClock.create();
    private final RecordingRuntime runtime = new RecordingRuntime();
    private LocalEcs ecs;

    @BeforeEach
    void setUp() {
        ecs = Fixtures.localEcs(clock, runtime);
        ecs.registerContainerInstance(Fixtures.instance("default", "us-east-1a").build());
    }

    @AfterEach
    void tearDown() {
        ecs.close();
    }

    private Task run(TaskDefinition td) {
        ecs.registerTaskDefinition(td);
        Task task = ecs.runTask(RunTaskRequest.builder(null, td.family()).build()).tasks().get(0);
        clock.runUntilIdle();
        return task;
    }

    private Task current(Task task) {
        return ecs.findTask(null, task.taskId()).orElseThrow();
    }

    @Test
    void runTask_whenContainersStart_movesPendingToRunning() {
        Task task = run(Fixtures.taskDefinition("web").build());
        assertThat(task.lastStatus()).isEqualTo(TaskStatus.PENDING);
        assertThat(runtime.launchedNames()).containsExactly("app");

        runtime.created(runtime.handle("app"));
        runtime.started(runtime.handle("app"));
        clock.runUntilIdle();

        Task running = current(task);
        assertThat(running.lastStatus()).isEqualTo(TaskStatus.RUNNING);
        assertThat(running.startedAt()).isEqualTo(clock.instant());
        assertThat(running.containers().get(0).lastStatus()).isEqualTo(ContainerStatus.RUNNING);
    }

    @Test
    void dependsOnHealthy_whenSidecarBecomesHealthy_launchesApp() {
        TaskDefinition td = TaskDefinition.builder("web").containerDefinitions(
                container("app").dependsOn(ContainerDependency.of("sidecar", ContainerCondition.HEALTHY)).build(),
                container("sidecar").healthCheck(HealthCheck.shell("true")).build()).build();
        Task task = run(td);
        assertThat(runtime.launchedNames()).containsExactly("sidecar");

        runtime.started(runtime.handle("sidecar"));
        clock.runUntilIdle();
        assertThat(runtime.launchedNames()).containsExactly("sidecar");
        assertThat(current(task).lastStatus()).isEqualTo(TaskStatus.PENDING);

        runtime.health(runtime.handle("sidecar"), HealthStatus.HEALTHY);
        clock.runUntilIdle();
        assertThat(runtime.launchedNames()).containsExactly("sidecar", "app");
        runtime.started(runtime.handle("app"));
        clock.runUntilIdle();
        assertThat(current(task).lastStatus()).isEqualTo(TaskStatus.RUNNING);
    }

    @Test
    void essentialContainerExit_stopsOthersAndStopsTask() {
        TaskDefinition td = TaskDefinition.builder("web").containerDefinitions(
                container("app").build(), container("logger").essential(false).stopTimeout(10).build()).build();
        Task task = run(td);
        runtime.started(runtime.handle("app"));
        runtime.started(runtime.handle("logger"));
        clock.runUntilIdle();

        runtime.exited(runtime.handle("app"), 0);
        clock.runUntilIdle();
        Task stopping = current(task);
        assertThat(stopping.desiredStatus()).isEqualTo(DesiredStatus.STOPPED);
        assertThat(stopping.lastStatus()).isEqualTo(TaskStatus.STOPPING);
        assertThat(runtime.calls("stop")).extracting(c -> c.handle().containerName() + "/" + c.grace())
                .containsExactly("logger/PT10S");

        runtime.exited(runtime.handle("logger"), 143);
        clock.runUntilIdle();
        Task stopped = current(task);
        assertThat(stopped.lastStatus()).isEqualTo(TaskStatus.STOPPED);
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
        assertThat(stopped.stoppedReason()).isEqualTo("Essential container in task exited");
        assertThat(stopped.container("app").exitCode()).isZero();
        assertThat(stopped.container("logger").exitCode()).isEqualTo(143);
    }

    @Test
    void stoppedTask_afterRetention_isForgotten() {
        Task task = run(Fixtures.taskDefinition("web").build());
        runtime.started(runtime.handle("app"));
        ecs.stopTask(null, task.taskId(), null);
        runtime.exited(runtime.handle("app"), 143);
        clock.runUntilIdle();
        assertThat(current(task).lastStatus()).isEqualTo(TaskStatus.STOPPED);
        assertThat(current(task).stoppedReason()).isEqualTo("Task stopped by user");

        clock.advance(Duration.ofMinutes(59));
        assertThat(ecs.findTask(null, task.taskId())).isPresent();
        clock.advance(Duration.ofMinutes(1));
        assertThat(ecs.findTask(null, task.taskId())).isEmpty();
        assertThat(runtime.calls("remove")).hasSize(1);
    }
}
