package io.ecs4j.engine;

import static io.ecs4j.testing.Fixtures.container;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.LocalEcs;
import io.ecs4j.model.AwsVpcConfiguration;
import io.ecs4j.model.HealthCheck;
import io.ecs4j.model.HealthStatus;
import io.ecs4j.model.LaunchType;
import io.ecs4j.model.NetworkConfiguration;
import io.ecs4j.model.NetworkMode;
import io.ecs4j.model.Secret;
import io.ecs4j.model.Task;
import io.ecs4j.model.TaskDefinition;
import io.ecs4j.model.TaskStatus;
import io.ecs4j.model.TaskStopCode;
import io.ecs4j.request.RunTaskRequest;
import io.ecs4j.testing.Fixtures;
import io.ecs4j.testing.RecordingRuntime;
import io.ecs4j.time.VirtualClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Launch failures, timeouts, OOM, secrets, sandboxes, task health and every stop code the engine sets. */
class TaskFailureTest {
    private static final String EXECUTION_ROLE = "arn:aws:iam::000000000000:role/ecsTaskExecutionRole";
    private final VirtualClock clock = VirtualClock.create();
    private final RecordingRuntime runtime = new RecordingRuntime();
    private LocalEcs ecs;

    private LocalEcs start(LocalEcs.Builder builder) {
        ecs = builder.timeSource(clock).runtime(runtime).start();
        ecs.registerContainerInstance(Fixtures.instance("default", "us-east-1a").build());
        return ecs;
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

    @Test
    void essentialLaunchFailure_stopsTaskWithTaskFailedToStartAndContainerReason() {
        start(LocalEcs.builder());
        Task task = run(Fixtures.taskDefinition("web").build());
        runtime.launchFailed(runtime.handle("app"), "CannotPullContainerError",
                "Error response from daemon: pull access denied for nope");
        Task stopped = current(task);
        assertThat(stopped.lastStatus()).isEqualTo(TaskStatus.STOPPED);
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.TASK_FAILED_TO_START);
        assertThat(stopped.stoppedReason())
                .isEqualTo("CannotPullContainerError: Error response from daemon: pull access denied for nope");
        assertThat(stopped.container("app").exitCode()).isNull();
        assertThat(stopped.startedAt()).isNull();
        assertThat(stopped.stoppedAt()).isEqualTo(clock.instant());
    }

    @Test
    void nonEssentialLaunchFailure_taskKeepsRunning() {
        start(LocalEcs.builder());
        TaskDefinition td = TaskDefinition.builder("web").containerDefinitions(container("app").build(),
                container("metrics").essential(false).build()).build();
        Task task = run(td);
        runtime.started(runtime.handle("app"));
        runtime.launchFailed(runtime.handle("metrics"), "CannotStartContainerError", "oci runtime error");
        Task running = current(task);
        assertThat(running.lastStatus()).isEqualTo(TaskStatus.RUNNING);
        assertThat(running.container("metrics").reason()).startsWith("CannotStartContainerError");
    }

    @Test
    void containerStartTimeout_failsWithDockerTimeoutError() {
        start(LocalEcs.builder().containerStartTimeout(Duration.ofMinutes(3)));
        Task task = run(Fixtures.taskDefinition("web").build());
        runtime.created(runtime.handle("app"));
        clock.advance(Duration.ofMinutes(3));
        assertThat(runtime.calls("stop")).extracting(c -> c.grace()).containsExactly(Duration.ZERO);
        runtime.exitedBeforeStart(runtime.handle("app"));
        Task stopped = current(task);
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.TASK_FAILED_TO_START);
        assertThat(stopped.stoppedReason())
                .isEqualTo("DockerTimeoutError: Could not transition to started; timed out after waiting 3m0s");
    }

    @Test
    void oomKill_reportsOutOfMemoryReasonAndEssentialExit() {
        start(LocalEcs.builder());
        Task task = run(Fixtures.taskDefinition("web").build());
        runtime.started(runtime.handle("app"));
        runtime.oomKilled(runtime.handle("app"));
        Task stopped = current(task);
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
        assertThat(stopped.container("app").exitCode()).isEqualTo(137);
        assertThat(stopped.container("app").reason()).isEqualTo("OutOfMemoryError: Container killed due to memory usage");
    }

    @Test
    void secrets_resolvedIntoEnvironment_andUnknownSecretFailsTask() {
        start(LocalEcs.builder().secret("arn:aws:secretsmanager:us-east-1:000000000000:secret:db", "s3cr3t"));
        Task ok = run(TaskDefinition.builder("ok").executionRoleArn(EXECUTION_ROLE).containerDefinitions(container("app")
                .secrets(new Secret("DB_PASSWORD", "arn:aws:secretsmanager:us-east-1:000000000000:secret:db"))
                .build()).build());
        assertThat(runtime.spec("app").environment()).containsEntry("DB_PASSWORD", "s3cr3t");
        assertThat(current(ok).desiredStatus().value()).isEqualTo("RUNNING");

        Task bad = run(TaskDefinition.builder("bad").executionRoleArn(EXECUTION_ROLE).containerDefinitions(container("app")
                .secrets(new Secret("TOKEN", "/unknown/parameter")).build()).build());
        Task stopped = current(bad);
        assertThat(stopped.lastStatus()).isEqualTo(TaskStatus.STOPPED);
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.TASK_FAILED_TO_START);
        assertThat(stopped.stoppedReason()).startsWith("ResourceInitializationError: unable to pull secrets")
                .contains("/unknown/parameter");
    }

    @Test
    void awsvpc_provisionsSandboxFirst_andSandboxFailureFailsTask() {
        start(LocalEcs.builder());
        runtime.manualSandbox();
        TaskDefinition td = TaskDefinition.builder("vpc").networkMode(NetworkMode.AWSVPC)
                .containerDefinitions(container("app").build()).build();
        ecs.registerTaskDefinition(td);
        NetworkConfiguration nc = new NetworkConfiguration(new AwsVpcConfiguration(List.of("subnet-1"), List.of(), null));
        Task task = ecs.runTask(RunTaskRequest.builder(null, "vpc").networkConfiguration(nc).build()).tasks().get(0);
        assertThat(task.lastStatus()).isEqualTo(TaskStatus.PROVISIONING);
        runtime.sandboxReady(task.taskArn());
        clock.runUntilIdle();
        Task pending = current(task);
        assertThat(pending.lastStatus()).isEqualTo(TaskStatus.PENDING);
        assertThat(pending.attachments()).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo("ElasticNetworkInterface");
            assertThat(a.details()).anySatisfy(kv -> assertThat(kv.value()).isEqualTo("10.0.0.9"));
        });

        Task second = ecs.runTask(RunTaskRequest.builder(null, "vpc").networkConfiguration(nc).build()).tasks().get(0);
        runtime.sandboxFailed(second.taskArn(), "ResourceInitializationError", "failed to create the pause container");
        Task failed = current(second);
        assertThat(failed.lastStatus()).isEqualTo(TaskStatus.STOPPED);
        assertThat(failed.stoppedReason())
                .isEqualTo("ResourceInitializationError: failed to create the pause container");
        assertThat(runtime.calls("release")).extracting(c -> c.task()).contains(second.taskArn());
    }

    @Test
    void taskHealth_aggregatesEssentialContainersWithChecksOnly() {
        start(LocalEcs.builder());
        TaskDefinition td = TaskDefinition.builder("web").containerDefinitions(
                container("app").healthCheck(HealthCheck.shell("true")).build(),
                container("sidecar").healthCheck(HealthCheck.shell("true")).build(),
                container("plain").build(),
                container("optional").essential(false).healthCheck(HealthCheck.shell("false")).build()).build();
        Task task = run(td);
        for (String name : List.of("app", "sidecar", "plain", "optional")) {
            runtime.started(runtime.handle(name));
        }
        assertThat(current(task).healthStatus()).isEqualTo(HealthStatus.UNKNOWN);
        runtime.health(runtime.handle("app"), HealthStatus.HEALTHY);
        assertThat(current(task).healthStatus()).isEqualTo(HealthStatus.UNKNOWN);
        runtime.health(runtime.handle("sidecar"), HealthStatus.HEALTHY);
        runtime.health(runtime.handle("optional"), HealthStatus.UNHEALTHY);
        assertThat(current(task).healthStatus()).isEqualTo(HealthStatus.HEALTHY);
        runtime.health(runtime.handle("sidecar"), HealthStatus.UNHEALTHY);
        Task unhealthy = current(task);
        assertThat(unhealthy.healthStatus()).isEqualTo(HealthStatus.UNHEALTHY);
        assertThat(unhealthy.lastStatus()).isEqualTo(TaskStatus.RUNNING);
    }

    @Test
    void taskHealth_withoutAnyEssentialCheck_isUnknown() {
        start(LocalEcs.builder());
        Task task = run(Fixtures.taskDefinition("web").build());
        runtime.started(runtime.handle("app"));
        assertThat(current(task).healthStatus()).isEqualTo(HealthStatus.UNKNOWN);
    }

    @Test
    void deregisterWithForce_stopsTasksWithInfrastructureHealth() {
        start(LocalEcs.builder());
        Task task = run(Fixtures.taskDefinition("web").build());
        runtime.started(runtime.handle("app"));
        clock.runUntilIdle();
        ecs.deregisterContainerInstance(null, task.containerInstanceArn().toString(), true);
        runtime.exited(runtime.handle("app"), 143);
        Task stopped = current(task);
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.INFRASTRUCTURE_HEALTH);
        assertThat(stopped.lastStatus()).isEqualTo(TaskStatus.STOPPED);
    }

    @Test
    void fargateTask_needsNoInstanceAndGetsAZ() {
        start(LocalEcs.builder());
        TaskDefinition td = TaskDefinition.builder("fg").networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .requiresCompatibilities(LaunchType.FARGATE).containerDefinitions(container("app").build()).build();
        ecs.registerTaskDefinition(td);
        NetworkConfiguration nc = new NetworkConfiguration(new AwsVpcConfiguration(List.of("subnet-1"), List.of(), null));
        ecs.createCluster("serverless");
        Task task = ecs.runTask(RunTaskRequest.builder("serverless", "fg").launchType(LaunchType.FARGATE)
                .networkConfiguration(nc).build()).tasks().get(0);
        assertThat(task.containerInstanceArn()).isNull();
        assertThat(task.availabilityZone()).isEqualTo("us-east-1a");
        assertThat(task.launchType()).isEqualTo(LaunchType.FARGATE);
        assertThat(task.platformVersion()).isEqualTo("1.4.0");
        assertThat(task.cpu()).isEqualTo(256);
        assertThat(task.memory()).isEqualTo(512);
    }
}
