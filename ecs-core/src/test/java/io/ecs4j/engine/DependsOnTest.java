package io.ecs4j.engine;

import static io.ecs4j.testing.Fixtures.container;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.LocalEcs;
import io.ecs4j.model.ContainerCondition;
import io.ecs4j.model.ContainerDependency;
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

/** dependsOn conditions, their failure modes and timeouts, and the reverse stop order. */
class DependsOnTest {
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
        clock.runUntilIdle();
        return ecs.findTask(null, task.taskId()).orElseThrow();
    }

    private static TaskDefinition appAfter(ContainerCondition condition, boolean initHasHealthCheck) {
        var init = container("init").essential(false);
        if (initHasHealthCheck) {
            init.healthCheck(HealthCheck.shell("true"));
        }
        return TaskDefinition.builder("web").containerDefinitions(
                container("app").dependsOn(ContainerDependency.of("init", condition)).build(), init.build()).build();
    }

    @Test
    void start_whenDependencyStarts_launchesDependent() {
        run(appAfter(ContainerCondition.START, false));
        assertThat(runtime.launchedNames()).containsExactly("init");
        runtime.started(runtime.handle("init"));
        clock.runUntilIdle();
        assertThat(runtime.launchedNames()).containsExactly("init", "app");
    }

    @Test
    void start_whenDependencyFailsToLaunch_failsTaskToStart() {
        Task task = run(appAfter(ContainerCondition.START, false));
        runtime.launchFailed(runtime.handle("init"), "CannotPullContainerError", "pull access denied");
        Task stopped = current(task);
        assertThat(stopped.lastStatus()).isEqualTo(TaskStatus.STOPPED);
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.TASK_FAILED_TO_START);
        assertThat(stopped.container("init").reason()).isEqualTo("CannotPullContainerError: pull access denied");
        assertThat(stopped.container("app").reason()).contains("dependency on container 'init' with condition START");
    }

    @Test
    void complete_whenDependencyExitsWithAnyCode_launchesDependent() {
        run(appAfter(ContainerCondition.COMPLETE, false));
        runtime.started(runtime.handle("init"));
        clock.runUntilIdle();
        assertThat(runtime.launchedNames()).containsExactly("init");
        runtime.exited(runtime.handle("init"), 3);
        clock.runUntilIdle();
        assertThat(runtime.launchedNames()).containsExactly("init", "app");
    }

    @Test
    void success_whenDependencyExitsZero_launchesDependentAndTaskRuns() {
        Task task = run(appAfter(ContainerCondition.SUCCESS, false));
        runtime.started(runtime.handle("init"));
        runtime.exited(runtime.handle("init"), 0);
        clock.runUntilIdle();
        runtime.started(runtime.handle("app"));
        Task running = current(task);
        assertThat(running.lastStatus()).isEqualTo(TaskStatus.RUNNING);
        assertThat(running.container("init").exitCode()).isZero();
    }

    @Test
    void success_whenDependencyExitsNonZero_failsTaskToStart() {
        Task task = run(appAfter(ContainerCondition.SUCCESS, false));
        runtime.started(runtime.handle("init"));
        runtime.exited(runtime.handle("init"), 1);
        Task stopped = current(task);
        assertThat(runtime.launchedNames()).containsExactly("init");
        assertThat(stopped.lastStatus()).isEqualTo(TaskStatus.STOPPED);
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.TASK_FAILED_TO_START);
        assertThat(stopped.stoppedReason()).contains("'init' with condition SUCCESS can never be met")
                .contains("exited with code 1");
    }

    @Test
    void healthy_whenDependencyTurnsUnhealthyThenStops_failsTask() {
        Task task = run(appAfter(ContainerCondition.HEALTHY, true));
        runtime.started(runtime.handle("init"));
        runtime.health(runtime.handle("init"), HealthStatus.UNHEALTHY);
        clock.runUntilIdle();
        assertThat(runtime.launchedNames()).containsExactly("init");
        runtime.exited(runtime.handle("init"), 1);
        assertThat(current(task).stopCode()).isEqualTo(TaskStopCode.TASK_FAILED_TO_START);
    }

    @Test
    void startTimeout_whenDependencyNeverHealthy_failsDependentAfterTimeout() {
        TaskDefinition td = TaskDefinition.builder("web").containerDefinitions(
                container("app").dependsOn(ContainerDependency.of("db", ContainerCondition.HEALTHY)).build(),
                container("db").essential(false).startTimeout(20).healthCheck(HealthCheck.shell("false")).build())
                .build();
        Task task = run(td);
        runtime.started(runtime.handle("db"));
        clock.advance(Duration.ofSeconds(19));
        assertThat(current(task).desiredStatus().value()).isEqualTo("RUNNING");
        clock.advance(Duration.ofSeconds(1));
        Task failed = current(task);
        assertThat(failed.stopCode()).isEqualTo(TaskStopCode.TASK_FAILED_TO_START);
        assertThat(failed.stoppedReason()).contains("within its startTimeout of 20s");
        assertThat(runtime.calls("stop")).extracting(c -> c.handle().containerName()).containsExactly("db");
    }

    @Test
    void stop_stopsDependentsBeforeTheirDependencies() {
        TaskDefinition td = TaskDefinition.builder("web").containerDefinitions(
                container("app").dependsOn(ContainerDependency.of("proxy", ContainerCondition.START)).build(),
                container("proxy").dependsOn(ContainerDependency.of("db", ContainerCondition.START)).build(),
                container("db").build()).build();
        Task task = run(td);
        runtime.started(runtime.handle("db"));
        clock.runUntilIdle();
        runtime.started(runtime.handle("proxy"));
        clock.runUntilIdle();
        runtime.started(runtime.handle("app"));
        assertThat(current(task).lastStatus()).isEqualTo(TaskStatus.RUNNING);

        ecs.stopTask(null, task.taskId(), "deploy");
        clock.runUntilIdle();
        assertThat(runtime.calls("stop")).extracting(c -> c.handle().containerName()).containsExactly("app");
        runtime.exited(runtime.handle("app"), 143);
        clock.runUntilIdle();
        assertThat(runtime.calls("stop")).extracting(c -> c.handle().containerName()).containsExactly("app", "proxy");
        runtime.exited(runtime.handle("proxy"), 143);
        clock.runUntilIdle();
        assertThat(runtime.calls("stop")).extracting(c -> c.handle().containerName())
                .containsExactly("app", "proxy", "db");
        runtime.exited(runtime.handle("db"), 137);
        Task stopped = current(task);
        assertThat(stopped.lastStatus()).isEqualTo(TaskStatus.STOPPED);
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.USER_INITIATED);
        assertThat(stopped.stoppedReason()).isEqualTo("deploy");
        assertThat(stopped.container("db").exitCode()).isEqualTo(137);
    }

    @Test
    void links_addImplicitStartDependency() {
        TaskDefinition td = TaskDefinition.builder("web").containerDefinitions(
                container("app").links("db:database").build(), container("db").build()).build();
        run(td);
        assertThat(runtime.launchedNames()).containsExactly("db");
        runtime.started(runtime.handle("db"));
        clock.runUntilIdle();
        assertThat(runtime.launchedNames()).containsExactly("db", "app");
        assertThat(runtime.spec("app").links()).extracting(l -> l.containerName() + ":" + l.alias())
                .containsExactly("db:database");
    }
}
