package io.ecs4j.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.model.TaskArn;
import io.ecs4j.spi.runtime.ContainerHandle;
import io.ecs4j.spi.runtime.RuntimeEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@RequiresDocker
class DockerLifecycleIT {
    private DockerFixture fx;

    @BeforeEach
    void setUp() {
        fx = new DockerFixture();
    }

    @AfterEach
    void tearDown() throws Exception {
        fx.close();
    }

    @Test
    void launch_whenProcessExits_reportsEventsInOrderWithExitCode() {
        ContainerHandle h = fx.launch(fx.spec(fx.newTask(), "app", "exit 7").build());

        RuntimeEvent.Exited exited = fx.awaitExited(h);

        assertThat(exited.exitCode()).isEqualTo(7);
        assertThat(exited.oomKilled()).isFalse();
        assertThat(fx.events.of(h)).extracting(e -> (Class) e.getClass()).containsExactly(
                RuntimeEvent.PullStarted.class, RuntimeEvent.PullFinished.class, RuntimeEvent.Created.class,
                RuntimeEvent.Started.class, RuntimeEvent.Exited.class);
        RuntimeEvent.Created created = fx.events.await(h, RuntimeEvent.Created.class, Duration.ZERO);
        assertThat(fx.events.await(h, RuntimeEvent.Started.class, Duration.ZERO).runtimeId())
                .isEqualTo(created.runtimeId());
    }

    @Test
    void launch_mapsIdentityLabelsLimitsAndEnvironment() {
        TaskArn task = fx.newTask();
        ContainerHandle h = fx.launch(fx.spec(task, "app", "sleep 30")
                .environment(java.util.Map.of("GREETING", "hi"))
                .labels(java.util.Map.of("team", "blue"))
                .cpuShares(256).memoryLimitMiB(64).memoryReservationMiB(32)
                .ulimits(List.of(new io.ecs4j.spi.runtime.UlimitSpec("nofile", 1024, 2048)))
                .workingDirectory("/tmp").user("65534:65534").hostname("apphost")
                .extraHosts(List.of("db.local:10.1.2.3"))
                .healthCheck(new io.ecs4j.spi.runtime.HealthCheckSpec(List.of("CMD-SHELL", "true"),
                        Duration.ofSeconds(5), Duration.ofSeconds(2), 3, Duration.ofSeconds(1)))
                .initProcessEnabled(true).readonlyRootFilesystem(true)
                .build());
        String id = fx.awaitStarted(h).runtimeId();

        var inspect = fx.docker.inspectContainerCmd(id).exec();

        assertThat(inspect.getName()).isEqualTo("/ecs-it-1-app-" + task.taskId());
        assertThat(inspect.getConfig().getLabels())
                .containsEntry("team", "blue")
                .containsEntry("com.amazonaws.ecs.task-arn", task.toString())
                .containsEntry("com.amazonaws.ecs.container-name", "app")
                .containsEntry("com.amazonaws.ecs.cluster", fx.cluster)
                .containsEntry("com.amazonaws.ecs.task-definition-family", "it")
                .containsEntry("com.amazonaws.ecs.task-definition-version", "1")
                .containsEntry("io.ecs4j.group", "family:it")
                .containsEntry("io.ecs4j.managed", "true");
        assertThat(inspect.getConfig().getEnv()).contains("GREETING=hi");
        assertThat(inspect.getConfig().getWorkingDir()).isEqualTo("/tmp");
        assertThat(inspect.getConfig().getUser()).isEqualTo("65534:65534");
        assertThat(inspect.getConfig().getHostName()).isEqualTo("apphost");
        assertThat(inspect.getConfig().getHealthcheck().getInterval()).isEqualTo(5_000_000_000L);
        assertThat(inspect.getConfig().getHealthcheck().getStartPeriod()).isEqualTo(1_000_000_000L);
        var host = inspect.getHostConfig();
        assertThat(host.getCpuShares()).isEqualTo(256);
        assertThat(host.getMemory()).isEqualTo(64L << 20);
        assertThat(host.getMemoryReservation()).isEqualTo(32L << 20);
        assertThat(host.getUlimits()).hasSize(1);
        assertThat(host.getInit()).isTrue();
        assertThat(host.getReadonlyRootfs()).isTrue();
        assertThat(host.getExtraHosts()).containsExactly("db.local:10.1.2.3");
        fx.runtime.stop(h, Duration.ZERO);
        fx.awaitExited(h);
    }

    @Test
    void stop_withInitProcess_exitsWith143() {
        ContainerHandle h = fx.launch(fx.spec(fx.newTask(), "app", "sleep 300").initProcessEnabled(true).build());
        fx.awaitStarted(h);

        fx.runtime.stop(h, Duration.ofSeconds(10));

        RuntimeEvent.Exited exited = fx.awaitExited(h);
        assertThat(exited.exitCode()).isEqualTo(143);
        assertThat(exited.reason()).isNull();
    }

    @Test
    void stop_whenSigtermIgnored_killsAfterGraceWith137() {
        // without init, a shell as PID 1 ignores SIGTERM: Docker kills it when the grace is over
        ContainerHandle h = fx.launch(fx.spec(fx.newTask(), "app", "trap '' TERM; while true; do sleep 1; done")
                .build());
        fx.awaitStarted(h);
        long t0 = System.nanoTime();

        fx.runtime.stop(h, Duration.ofSeconds(1));

        RuntimeEvent.Exited exited = fx.awaitExited(h);
        assertThat(exited.exitCode()).isEqualTo(137);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void stop_duringLaunch_cancelsWithNullExitCode() {
        ContainerHandle h = fx.spec(fx.newTask(), "app", "sleep 300").build().handle();
        fx.runtime.launch(fx.spec(h.taskArn(), "app", "sleep 300").build());

        fx.runtime.stop(h, Duration.ofSeconds(5));

        RuntimeEvent.Exited exited = fx.awaitExited(h);
        assertThat(exited.exitCode()).isNull();
        assertThat(fx.events.of(h)).noneMatch(e -> e instanceof RuntimeEvent.Started);
    }

    @Test
    void stop_whenAlreadyExited_doesNothing() {
        ContainerHandle h = fx.launch(fx.spec(fx.newTask(), "app", "exit 0").build());
        fx.awaitExited(h);

        fx.runtime.stop(h, Duration.ZERO);
        fx.runtime.stop(new ContainerHandle(fx.newTask(), "unknown"), Duration.ZERO);

        assertThat(fx.events.of(h)).filteredOn(e -> e instanceof RuntimeEvent.Exited).hasSize(1);
    }

    @Test
    void launch_whenMemoryLimitExceeded_reportsOutOfMemory() {
        ContainerHandle h = fx.launch(fx.spec(fx.newTask(), "hog", "head -c 200m /dev/zero | tail")
                .memoryLimitMiB(16).build());

        RuntimeEvent.Exited exited = fx.awaitExited(h);

        assertThat(exited.oomKilled()).isTrue();
        assertThat(exited.exitCode()).isEqualTo(137);
        assertThat(exited.reason()).isEqualTo("OutOfMemoryError: Container killed due to memory usage");
    }

    @Test
    void launch_whenImageCannotBePulled_failsFastWithCannotPullContainerError() {
        long t0 = System.nanoTime();
        ContainerHandle h = fx.launch(fx.spec(fx.newTask(), "app", "true").image("localhost:1/nope:1").build());

        RuntimeEvent.LaunchFailed failed = fx.events.await(h, RuntimeEvent.LaunchFailed.class, Duration.ofSeconds(10));

        assertThat(failed.errorName()).isEqualTo("CannotPullContainerError");
        assertThat(failed.detail()).startsWith("Error response from daemon:").contains("localhost:1");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        assertThat(fx.events.of(h)).noneMatch(e -> e instanceof RuntimeEvent.Created);
    }

    @Test
    void launch_whenExecutableMissing_failsWithCannotStartContainerError() {
        ContainerHandle h = fx.launch(fx.spec(fx.newTask(), "app", "")
                .command(List.of("/no/such/binary")).build());

        RuntimeEvent.LaunchFailed failed = fx.events.await(h, RuntimeEvent.LaunchFailed.class, DockerFixture.TIMEOUT);

        assertThat(failed.errorName()).isEqualTo("CannotStartContainerError");
        assertThat(failed.detail()).contains("/no/such/binary");
        assertThat(fx.events.of(h)).noneMatch(e -> e instanceof RuntimeEvent.Exited);
    }

    @Test
    void launch_whenDockerRejectsTheConfiguration_failsWithCannotCreateContainerError() {
        ContainerHandle h = fx.launch(fx.spec(fx.newTask(), "app", "true")
                .memoryLimitMiB(1).build());

        RuntimeEvent.LaunchFailed failed = fx.events.await(h, RuntimeEvent.LaunchFailed.class, DockerFixture.TIMEOUT);

        assertThat(failed.errorName()).isEqualTo("CannotCreateContainerError");
        assertThat(failed.detail()).isEqualTo("Error response from daemon: Minimum memory limit allowed is 6MB");
    }

    @Test
    void remove_removesTheContainerAndForgetsTheHandle() throws Exception {
        ContainerHandle h = fx.launch(fx.spec(fx.newTask(), "app", "exit 0").build());
        fx.awaitExited(h);
        String id = fx.events.await(h, RuntimeEvent.Created.class, Duration.ZERO).runtimeId();

        fx.runtime.remove(h);

        fx.awaitGone(id);
        assertThat(fx.runtime.logs(h).toCompletableFuture())
                .failsWithin(DockerFixture.TIMEOUT)
                .withThrowableThat().withCauseInstanceOf(IllegalArgumentException.class);
        assertThat(fx.docker.listContainersCmd().withShowAll(true).withIdFilter(List.of(id)).exec()).isEmpty();
    }
}
