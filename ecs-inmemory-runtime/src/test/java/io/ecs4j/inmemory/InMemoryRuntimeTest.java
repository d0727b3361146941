package io.ecs4j.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecs4j.model.HealthStatus;
import io.ecs4j.model.NetworkBinding;
import io.ecs4j.model.NetworkMode;
import io.ecs4j.model.TaskArn;
import io.ecs4j.model.TransportProtocol;
import io.ecs4j.spi.runtime.ContainerHandle;
import io.ecs4j.spi.runtime.ContainerLaunchSpec;
import io.ecs4j.spi.runtime.HealthCheckSpec;
import io.ecs4j.spi.runtime.LogEntry;
import io.ecs4j.spi.runtime.PortSpec;
import io.ecs4j.spi.runtime.RuntimeCapability;
import io.ecs4j.spi.runtime.RuntimeContext;
import io.ecs4j.spi.runtime.RuntimeEvent;
import io.ecs4j.spi.runtime.TaskSandbox;
import io.ecs4j.spi.runtime.TaskSandboxSpec;
import io.ecs4j.time.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InMemoryRuntimeTest {

    private static final Instant T0 = VirtualClock.DEFAULT_START;
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final VirtualClock clock = VirtualClock.create();
    private final List<RuntimeEvent> events = new ArrayList<>();
    private final List<String> timeline = new ArrayList<>();
    private int taskCounter;
    private InMemoryRuntime runtime = started(InMemoryRuntime.create());

    private InMemoryRuntime started(InMemoryRuntime r) {
        r.start(new RuntimeContext(clock, this::record));
        return r;
    }

    private void record(RuntimeEvent event) {
        events.add(event);
        timeline.add(millis() + " " + describe(event));
    }

    private long millis() {
        return Duration.between(T0, clock.instant()).toMillis();
    }

    /** A compact form of an event: {@code <container> <Type>[ <detail>]}. */
    private static String describe(RuntimeEvent event) {
        String who = event instanceof RuntimeEvent.ContainerEvent c ? c.handle().containerName() + " " : "";
        String what = event.getClass().getSimpleName();
        if (event instanceof RuntimeEvent.Exited e) {
            what += " " + e.exitCode() + (e.oomKilled() ? " oom" : "");
        } else if (event instanceof RuntimeEvent.HealthChanged h) {
            what += " " + h.status();
        } else if (event instanceof RuntimeEvent.LaunchFailed f) {
            what += " " + f.errorName();
        }
        return who + what;
    }

    private TaskArn newTask() {
        return new TaskArn("us-east-1", "123456789012", "c", String.format("%032x", ++taskCounter));
    }

    private ContainerLaunchSpec.Builder spec(String name) {
        return spec(newTask(), name);
    }

    private static ContainerLaunchSpec.Builder spec(TaskArn task, String name) {
        return ContainerLaunchSpec.builder()
                .handle(new ContainerHandle(task, name))
                .clusterName("c")
                .containerArn("arn:aws:ecs:us-east-1:123456789012:container/c/" + task.taskId() + "/" + name)
                .taskDefinitionArn("arn:aws:ecs:us-east-1:123456789012:task-definition/web:3")
                .family("web")
                .revision(3)
                .group("family:web")
                .hostId("i-1")
                .image("acme/web:1");
    }

    private ContainerLaunchSpec launch(ContainerLaunchSpec.Builder builder) {
        ContainerLaunchSpec spec = builder.build();
        runtime.launch(spec);
        return spec;
    }

    private ContainerLaunchSpec launch(ContainerLaunchSpec.Builder builder, ContainerBehaviour behaviour) {
        ContainerLaunchSpec spec = builder.build();
        runtime.onContainer(spec.handle(), behaviour);
        runtime.launch(spec);
        return spec;
    }

    private <T extends RuntimeEvent> T only(Class<T> type) {
        List<T> matching = events.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    private ContainerSnapshot snapshot(ContainerLaunchSpec spec) {
        return runtime.container(spec.handle()).orElseThrow();
    }

    private List<LogEntry> logs(ContainerLaunchSpec spec) throws Exception {
        return runtime.logs(spec.handle()).toCompletableFuture().get();
    }

    private static HealthCheckSpec healthCheck(int intervalSeconds, int timeoutSeconds, int retries,
                                               int startPeriodSeconds) {
        return new HealthCheckSpec(List.of("CMD-SHELL", "curl -f http://localhost/ || exit 1"),
                Duration.ofSeconds(intervalSeconds), Duration.ofSeconds(timeoutSeconds), retries,
                Duration.ofSeconds(startPeriodSeconds));
    }

    @Nested
    class DefaultBehaviour {

        @Test
        void launch_timeStandsStill_reportsNothingYet() {
            ContainerLaunchSpec spec = launch(spec("app"));

            assertThat(events).isEmpty();
            assertThat(snapshot(spec).state()).isEqualTo(ContainerSnapshot.State.PULLING);
            assertThat(snapshot(spec).launchedAt()).isEqualTo(T0);
        }

        @Test
        void launch_runUntilIdle_pullsCreatesAndStartsAtTheSameInstant() {
            ContainerLaunchSpec spec = launch(spec("app"));

            clock.runUntilIdle();

            assertThat(timeline).containsExactly("0 app PullStarted", "0 app PullFinished", "0 app Created",
                    "0 app Started");
            RuntimeEvent.Created created = only(RuntimeEvent.Created.class);
            assertThat(created.runtimeId()).matches("[0-9a-f]{64}");
            assertThat(only(RuntimeEvent.Started.class).runtimeId()).isEqualTo(created.runtimeId());
            assertThat(only(RuntimeEvent.PullFinished.class).imageDigest()).matches("sha256:[0-9a-f]{64}");
            ContainerSnapshot snapshot = snapshot(spec);
            assertThat(snapshot.state()).isEqualTo(ContainerSnapshot.State.RUNNING);
            assertThat(snapshot.runtimeId()).isEqualTo(created.runtimeId());
            assertThat(snapshot.startedAt()).isEqualTo(T0);
            assertThat(snapshot.health()).isNull();
            assertThat(snapshot.behaviour()).isEqualTo(ContainerBehaviour.defaultBehaviour());
        }

        @Test
        void launch_default_runsUntilStopped() {
            ContainerLaunchSpec spec = launch(spec("app"));

            clock.advance(Duration.ofDays(30));

            assertThat(snapshot(spec).state()).isEqualTo(ContainerSnapshot.State.RUNNING);
            assertThat(clock.pendingTimers()).isZero();
        }

        @Test
        void stop_running_exitsWith143AtOnce() {
            ContainerLaunchSpec spec = launch(spec("app"));
            clock.advance(Duration.ofSeconds(10));

            runtime.stop(spec.handle(), GRACE);
            clock.runUntilIdle();

            assertThat(timeline).endsWith("10000 app Exited 143");
            ContainerSnapshot snapshot = snapshot(spec);
            assertThat(snapshot.state()).isEqualTo(ContainerSnapshot.State.EXITED);
            assertThat(snapshot.exitCode()).isEqualTo(143);
            assertThat(snapshot.finishedAt()).isEqualTo(T0.plusSeconds(10));
        }

        @Test
        void stop_zeroGrace_killsWith137() {
            ContainerLaunchSpec spec = launch(spec("app"));
            clock.runUntilIdle();

            runtime.stop(spec.handle(), Duration.ZERO);
            clock.runUntilIdle();

            assertThat(only(RuntimeEvent.Exited.class).exitCode()).isEqualTo(137);
        }

        @Test
        void stop_calledTwiceWhileStopping_secondCallIsIgnored() {
            ContainerLaunchSpec spec = launch(spec("app"), ContainerBehaviour.ignoresSigterm());
            clock.runUntilIdle();

            runtime.stop(spec.handle(), Duration.ofSeconds(10));
            runtime.stop(spec.handle(), Duration.ZERO);
            clock.advance(Duration.ofSeconds(10));

            assertThat(timeline).endsWith("10000 app Exited 137");
            assertThat(events).filteredOn(RuntimeEvent.Exited.class::isInstance).hasSize(1);
        }

        @Test
        void stop_negativeGrace_throwsIllegalArgumentException() {
            ContainerHandle handle = new ContainerHandle(newTask(), "app");

            assertThatThrownBy(() -> runtime.stop(handle, Duration.ofSeconds(-1)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class ScriptedLaunch {

        @Test
        void launch_pullDelay_finishesThePullAfterTheDelay() {
            launch(spec("app"), ContainerBehaviour.builder().pullDelay(Duration.ofSeconds(5)).build());

            clock.advance(Duration.ofSeconds(10));

            assertThat(timeline).containsExactly("0 app PullStarted", "5000 app PullFinished", "5000 app Created",
                    "5000 app Started");
        }

        @Test
        void launch_startDelay_startsThatLongAfterCreation() {
            launch(spec("app"), ContainerBehaviour.builder().startDelay(Duration.ofSeconds(2)).build());

            clock.advance(Duration.ofSeconds(10));

            assertThat(timeline).containsExactly("0 app PullStarted", "0 app PullFinished", "0 app Created",
                    "2000 app Started");
        }

        @Test
        void stop_whilePulling_cancelsTheLaunchAndExitsWithoutExitCode() {
            ContainerLaunchSpec spec = launch(spec("app"),
                    ContainerBehaviour.builder().pullDelay(Duration.ofSeconds(5)).build());
            clock.advance(Duration.ofSeconds(1));

            runtime.stop(spec.handle(), GRACE);
            clock.advance(Duration.ofSeconds(10));

            assertThat(timeline).containsExactly("0 app PullStarted", "1000 app Exited null");
            assertThat(snapshot(spec).exitCode()).isNull();
            assertThat(snapshot(spec).state()).isEqualTo(ContainerSnapshot.State.EXITED);
            assertThat(clock.pendingTimers()).isZero();
        }

        @Test
        void stop_beforeTimeMoved_exitsWithoutAnyOtherEvent() {
            ContainerLaunchSpec spec = launch(spec("app"));

            runtime.stop(spec.handle(), GRACE);
            assertThat(snapshot(spec).state()).isEqualTo(ContainerSnapshot.State.STOPPING);
            clock.runUntilIdle();

            assertThat(timeline).containsExactly("0 app Exited null");
        }

        @Test
        void stop_betweenCreatedAndStarted_exitsWithoutExitCode() {
            ContainerLaunchSpec spec = launch(spec("app"),
                    ContainerBehaviour.builder().startDelay(Duration.ofSeconds(5)).build());
            clock.advance(Duration.ofSeconds(1));

            runtime.stop(spec.handle(), GRACE);
            clock.advance(Duration.ofSeconds(10));

            assertThat(timeline).containsExactly("0 app PullStarted", "0 app PullFinished", "0 app Created",
                    "1000 app Exited null");
        }

        @Test
        void launch_failPull_reportsCannotPullContainerErrorWithADockerDetail() {
            ContainerLaunchSpec spec = launch(spec("app").image("acme/private:2"),
                    ContainerBehaviour.builder().pullDelay(Duration.ofSeconds(3)).failPull().build());

            clock.advance(Duration.ofSeconds(3));

            assertThat(timeline).containsExactly("0 app PullStarted", "3000 app LaunchFailed CannotPullContainerError");
            RuntimeEvent.LaunchFailed failed = only(RuntimeEvent.LaunchFailed.class);
            assertThat(failed.detail()).isEqualTo("Error response from daemon: pull access denied for acme/private,"
                    + " repository does not exist or may require 'docker login': denied: requested access to the"
                    + " resource is denied");
            ContainerSnapshot snapshot = snapshot(spec);
            assertThat(snapshot.state()).isEqualTo(ContainerSnapshot.State.LAUNCH_FAILED);
            assertThat(snapshot.reason()).isEqualTo(failed.reason());
            assertThat(snapshot.finishedAt()).isEqualTo(T0.plusSeconds(3));
        }

        @Test
        void launch_failPullWithDetail_reportsThatDetail() {
            launch(spec("app"), ContainerBehaviour.failsToPull("toomanyrequests: rate limit"));

            clock.runUntilIdle();

            assertThat(only(RuntimeEvent.LaunchFailed.class).reason())
                    .isEqualTo("CannotPullContainerError: toomanyrequests: rate limit");
        }

        @Test
        void launch_failCreate_reportsCannotCreateContainerErrorAfterThePull() {
            launch(spec("app"), ContainerBehaviour.failsToCreate());

            clock.runUntilIdle();

            assertThat(timeline).containsExactly("0 app PullStarted", "0 app PullFinished",
                    "0 app LaunchFailed CannotCreateContainerError");
            assertThat(only(RuntimeEvent.LaunchFailed.class).detail())
                    .startsWith("Error response from daemon: ").endsWith("no space left on device");
        }

        @Test
        void launch_failStart_reportsCannotStartContainerErrorNamingTheExecutable() {
            launch(spec("app").command(List.of("/app/server", "--port", "80")), ContainerBehaviour.failsToStart());

            clock.runUntilIdle();

            assertThat(timeline).endsWith("0 app Created", "0 app LaunchFailed CannotStartContainerError");
            assertThat(only(RuntimeEvent.LaunchFailed.class).detail())
                    .contains("exec: \"/app/server\": executable file not found in $PATH");
        }

        @Test
        void launch_imageDigestScripted_reportsIt() {
            String digest = "sha256:" + "ab".repeat(32);
            ContainerLaunchSpec spec = launch(spec("app"), ContainerBehaviour.builder().imageDigest(digest).build());

            clock.runUntilIdle();

            assertThat(only(RuntimeEvent.PullFinished.class).imageDigest()).isEqualTo(digest);
            assertThat(snapshot(spec).imageDigest()).isEqualTo(digest);
        }

        @Test
        void launch_imagePinnedByDigest_reportsThePinnedDigest() {
            String digest = "sha256:" + "cd".repeat(32);
            launch(spec("app").image("acme/web@" + digest));

            clock.runUntilIdle();

            assertThat(only(RuntimeEvent.PullFinished.class).imageDigest()).isEqualTo(digest);
        }

        @Test
        void launch_sameImageTwice_reportsTheSameDerivedDigest() {
            launch(spec("a").image("nginx"));
            launch(spec("b").image("nginx:latest"));
            launch(spec("c").image("nginx:1.27"));

            clock.runUntilIdle();

            List<String> digests = events.stream().filter(RuntimeEvent.PullFinished.class::isInstance)
                    .map(e -> ((RuntimeEvent.PullFinished) e).imageDigest()).toList();
            assertThat(digests.get(0)).isEqualTo(digests.get(1)).isNotEqualTo(digests.get(2));
        }
    }

    @Nested
    class ScriptedExitsAndStops {

        @Test
        void exitAfter_duration_exitsWithTheCodeAtThatTime() {
            ContainerLaunchSpec spec = launch(spec("app"), ContainerBehaviour.exitsAfter(Duration.ofSeconds(90), 2));

            clock.advance(Duration.ofMinutes(5));

            assertThat(timeline).endsWith("0 app Started", "90000 app Exited 2");
            assertThat(snapshot(spec).exitCode()).isEqualTo(2);
            assertThat(snapshot(spec).reason()).isNull();
        }

        @Test
        void oomAfter_duration_isKilledWith137AndTheOomReason() {
            ContainerLaunchSpec spec = launch(spec("app"), ContainerBehaviour.oomKilledAfter(Duration.ofSeconds(20)));

            clock.advance(Duration.ofMinutes(1));

            RuntimeEvent.Exited exited = only(RuntimeEvent.Exited.class);
            assertThat(timeline).endsWith("20000 app Exited 137 oom");
            assertThat(exited.reason()).isEqualTo("OutOfMemoryError: Container killed due to memory usage");
            assertThat(snapshot(spec).oomKilled()).isTrue();
            assertThat(snapshot(spec).reason()).isEqualTo(exited.reason());
        }

        @Test
        void stop_ignoringSigterm_isKilledWith137WhenTheGraceEnds() {
            ContainerLaunchSpec spec = launch(spec("app"), ContainerBehaviour.ignoresSigterm());
            clock.runUntilIdle();

            runtime.stop(spec.handle(), Duration.ofSeconds(30));
            clock.advance(Duration.ofSeconds(29));
            assertThat(snapshot(spec).state()).isEqualTo(ContainerSnapshot.State.STOPPING);
            clock.advance(Duration.ofSeconds(1));

            assertThat(timeline).endsWith("30000 app Exited 137");
        }

        @Test
        void stop_stopDelayShorterThanGrace_exitsWithTheSigtermCodeAfterTheDelay() {
            ContainerLaunchSpec spec = launch(spec("app"), ContainerBehaviour.builder()
                    .stopDelay(Duration.ofSeconds(4)).sigtermExitCode(0).build());
            clock.runUntilIdle();

            runtime.stop(spec.handle(), Duration.ofSeconds(10));
            clock.advance(Duration.ofMinutes(1));

            assertThat(timeline).endsWith("4000 app Exited 0");
        }

        @Test
        void stop_stopDelayNotShorterThanGrace_isKilledWhenTheGraceEnds() {
            ContainerLaunchSpec spec = launch(spec("app"), ContainerBehaviour.builder()
                    .stopDelay(Duration.ofSeconds(10)).build());
            clock.runUntilIdle();

            runtime.stop(spec.handle(), Duration.ofSeconds(10));
            clock.advance(Duration.ofMinutes(1));

            assertThat(timeline).endsWith("10000 app Exited 137");
        }

        @Test
        void stop_scriptedExitComesFirst_exitsWithTheScriptedCode() {
            ContainerLaunchSpec spec = launch(spec("app"), ContainerBehaviour.builder()
                    .exitAfter(Duration.ofSeconds(5), 3).ignoreSigterm().build());
            clock.advance(Duration.ofSeconds(1));

            runtime.stop(spec.handle(), Duration.ofSeconds(30));
            clock.advance(Duration.ofMinutes(1));

            assertThat(timeline).endsWith("5000 app Exited 3");
            assertThat(events).filteredOn(RuntimeEvent.Exited.class::isInstance).hasSize(1);
        }

        @Test
        void stop_afterExit_doesNothing() {
            ContainerLaunchSpec spec = launch(spec("app"), ContainerBehaviour.exitsAfter(Duration.ZERO, 0));
            clock.runUntilIdle();
            int before = events.size();

            runtime.stop(spec.handle(), GRACE);
            clock.advance(Duration.ofMinutes(1));

            assertThat(events).hasSize(before);
        }
    }

    @Nested
    class HealthChecks {

        @Test
        void healthCheck_passing_firstProbeAnIntervalAfterStartMakesItHealthyOnce() {
            ContainerLaunchSpec spec = launch(spec("app").healthCheck(healthCheck(10, 5, 3, 0)));
            clock.runUntilIdle();
            assertThat(snapshot(spec).health()).isEqualTo(HealthStatus.UNKNOWN);

            clock.advance(Duration.ofMinutes(5));

            assertThat(timeline).endsWith("0 app Started", "10000 app HealthChanged HEALTHY");
            assertThat(snapshot(spec).health()).isEqualTo(HealthStatus.HEALTHY);
        }

        @Test
        void healthCheck_failing_unhealthyAfterRetriesConsecutiveFailures() {
            ContainerLaunchSpec spec = launch(spec("app").healthCheck(healthCheck(10, 5, 3, 0)),
                    ContainerBehaviour.failsHealthChecks());

            clock.advance(Duration.ofMinutes(5));

            assertThat(timeline).endsWith("0 app Started", "30000 app HealthChanged UNHEALTHY");
            assertThat(snapshot(spec).health()).isEqualTo(HealthStatus.UNHEALTHY);
        }

        @Test
        void healthCheck_scriptedSequence_reportsOnlyChanges() {
            launch(spec("app").healthCheck(healthCheck(10, 5, 2, 0)), ContainerBehaviour.builder()
                    .healthProbes(HealthProbe.FAIL, HealthProbe.PASS, HealthProbe.PASS, HealthProbe.FAIL,
                            HealthProbe.FAIL, HealthProbe.FAIL, HealthProbe.PASS)
                    .build());

            clock.advance(Duration.ofSeconds(100));

            // probes at 10 F, 20 P, 30 P, 40 F, 50 F, 60 F, 70 P, 80 P...
            assertThat(timeline).filteredOn(line -> line.contains("Health")).containsExactly(
                    "20000 app HealthChanged HEALTHY", "50000 app HealthChanged UNHEALTHY",
                    "70000 app HealthChanged HEALTHY");
        }

        @Test
        void healthCheck_failuresInsideTheStartPeriod_doNotCount() {
            launch(spec("app").healthCheck(healthCheck(10, 5, 1, 25)), ContainerBehaviour.failsHealthChecks());

            clock.advance(Duration.ofMinutes(1));

            // probes at 10 and 20 fall inside the start period; the one at 30 counts
            assertThat(timeline).endsWith("30000 app HealthChanged UNHEALTHY");
        }

        @Test
        void healthCheck_successInsideTheStartPeriod_makesItHealthyAtOnceAndLaterFailuresCount() {
            launch(spec("app").healthCheck(healthCheck(10, 5, 1, 60)), ContainerBehaviour.builder()
                    .healthProbes(HealthProbe.FAIL, HealthProbe.PASS, HealthProbe.FAIL).build());

            clock.advance(Duration.ofSeconds(45));

            assertThat(timeline).filteredOn(line -> line.contains("Health")).containsExactly(
                    "20000 app HealthChanged HEALTHY", "30000 app HealthChanged UNHEALTHY");
        }

        @Test
        void healthCheck_probeTimesOut_failsWhenTheTimeoutEndsAndDelaysTheNextProbe() {
            launch(spec("app").healthCheck(healthCheck(10, 4, 2, 0)), ContainerBehaviour.builder()
                    .healthProbes(HealthProbe.TIMEOUT).build());

            clock.advance(Duration.ofMinutes(1));

            // probe 1 starts at 10 and fails at 14; probe 2 starts at 24 and fails at 28
            assertThat(timeline).endsWith("28000 app HealthChanged UNHEALTHY");
        }

        @Test
        void healthCheck_timedOutProbeBeganInsideTheStartPeriod_isNotCounted() {
            launch(spec("app").healthCheck(healthCheck(10, 8, 1, 15)), ContainerBehaviour.builder()
                    .healthProbes(HealthProbe.TIMEOUT).build());

            clock.advance(Duration.ofMinutes(1));

            // probe 1 began at 10 (inside), ended at 18: not counted; probe 2 began at 28: counted, ends at 36
            assertThat(timeline).endsWith("36000 app HealthChanged UNHEALTHY");
        }

        @Test
        void healthCheck_containerExits_probesStop() {
            ContainerLaunchSpec spec = launch(spec("app").healthCheck(healthCheck(10, 5, 3, 0)),
                    ContainerBehaviour.builder().exitAfter(Duration.ofSeconds(25), 0).build());

            clock.advance(Duration.ofMinutes(5));

            assertThat(timeline).endsWith("10000 app HealthChanged HEALTHY", "25000 app Exited 0");
            assertThat(clock.pendingTimers()).isZero();
            assertThat(snapshot(spec).health()).isEqualTo(HealthStatus.HEALTHY);
        }

        @Test
        void healthCheck_probesContinueWhileStopping() {
            ContainerLaunchSpec spec = launch(spec("app").healthCheck(healthCheck(10, 5, 1, 0)),
                    ContainerBehaviour.builder().ignoreSigterm().healthProbes(HealthProbe.PASS, HealthProbe.FAIL)
                            .build());
            clock.advance(Duration.ofSeconds(15));

            runtime.stop(spec.handle(), Duration.ofSeconds(30));
            clock.advance(Duration.ofMinutes(1));

            assertThat(timeline).endsWith("10000 app HealthChanged HEALTHY", "20000 app HealthChanged UNHEALTHY",
                    "45000 app Exited 137");
        }

        @Test
        void healthCheck_zeroInterval_usesDockersDefaultOf30Seconds() {
            launch(spec("app").healthCheck(new HealthCheckSpec(List.of("CMD", "true"), Duration.ZERO, Duration.ZERO,
                    1, Duration.ZERO)));

            clock.advance(Duration.ofMinutes(1));

            assertThat(timeline).endsWith("30000 app HealthChanged HEALTHY");
        }
    }

    @Nested
    class Logs {

        @Test
        void logs_scriptedLines_areWrittenAtTheirOffsetsWithTheirStreams() throws Exception {
            ContainerLaunchSpec spec = launch(spec("app"), ContainerBehaviour.builder()
                    .stdout(Duration.ZERO, "starting")
                    .stderr(Duration.ofSeconds(2), "warning: low memory")
                    .stdout(Duration.ofSeconds(5), "ready")
                    .build());

            clock.advance(Duration.ofSeconds(3));
            assertThat(logs(spec)).extracting(LogEntry::message).containsExactly("starting", "warning: low memory");
            clock.advance(Duration.ofSeconds(3));

            assertThat(logs(spec)).containsExactly(
                    new LogEntry(T0, LogEntry.Stream.STDOUT, "starting"),
                    new LogEntry(T0.plusSeconds(2), LogEntry.Stream.STDERR, "warning: low memory"),
                    new LogEntry(T0.plusSeconds(5), LogEntry.Stream.STDOUT, "ready"));
        }

        @Test
        void logs_lineDueAfterTheExit_isNeverWrittenButOneDueAtTheExitIs() throws Exception {
            ContainerLaunchSpec spec = launch(spec("app"), ContainerBehaviour.builder()
                    .exitAfter(Duration.ofSeconds(5), 1)
                    .stderr(Duration.ofSeconds(5), "fatal: boom")
                    .stdout(Duration.ofSeconds(6), "never")
                    .build());

            clock.advance(Duration.ofMinutes(1));

            assertThat(logs(spec)).extracting(LogEntry::message).containsExactly("fatal: boom");
        }

        @Test
        void logs_beforeStart_areEmpty() throws Exception {
            ContainerLaunchSpec spec = launch(spec("app"));

            assertThat(logs(spec)).isEmpty();
        }

        @Test
        void logs_unknownOrRemovedHandle_failWithIllegalArgumentException() {
            ContainerLaunchSpec spec = launch(spec("app"), ContainerBehaviour.exitsAfter(Duration.ZERO, 0));
            clock.runUntilIdle();
            runtime.remove(spec.handle());

            assertThatThrownBy(() -> logs(spec)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown container");
        }
    }

    @Nested
    class Ports {

        private final PortSpec dynamic8080 = new PortSpec(8080, 0, TransportProtocol.TCP);

        private List<NetworkBinding> bindingsOf(ContainerLaunchSpec spec) {
            return events.stream().filter(e -> e instanceof RuntimeEvent.Started s && s.handle().equals(spec.handle()))
                    .map(e -> ((RuntimeEvent.Started) e).networkBindings()).findFirst().orElseThrow();
        }

        @Test
        void launch_dynamicPorts_takeTheEphemeralRangeInOrderPerHost() {
            ContainerLaunchSpec a = launch(spec("a").ports(List.of(dynamic8080)));
            ContainerLaunchSpec b = launch(spec("b").ports(List.of(dynamic8080)));
            ContainerLaunchSpec c = launch(spec("c").hostId("i-2").ports(List.of(dynamic8080)));

            clock.runUntilIdle();

            assertThat(bindingsOf(a)).containsExactly(new NetworkBinding("0.0.0.0", 8080, 49153, TransportProtocol.TCP));
            assertThat(bindingsOf(b)).extracting(NetworkBinding::hostPort).containsExactly(49154);
            assertThat(bindingsOf(c)).extracting(NetworkBinding::hostPort).containsExactly(49153);
            assertThat(snapshot(a).networkBindings()).isEqualTo(bindingsOf(a));
        }

        @Test
        void launch_afterAnotherContainerExited_neverReusesAPortInUseNorTheFreedOneAtOnce() {
            ContainerLaunchSpec a = launch(spec("a").ports(List.of(dynamic8080)));
            ContainerLaunchSpec b = launch(spec("b").ports(List.of(dynamic8080)));
            clock.runUntilIdle();
            runtime.stop(a.handle(), GRACE);
            clock.runUntilIdle();

            ContainerLaunchSpec c = launch(spec("c").ports(List.of(dynamic8080)));
            clock.runUntilIdle();

            assertThat(bindingsOf(b)).extracting(NetworkBinding::hostPort).containsExactly(49154);
            assertThat(bindingsOf(c)).extracting(NetworkBinding::hostPort).containsExactly(49155);
        }

        @Test
        void launch_staticPortInUseOnTheHost_failsToStartLikeDocker() {
            PortSpec static80 = new PortSpec(80, 8080, TransportProtocol.TCP);
            launch(spec("a").ports(List.of(static80)));
            ContainerLaunchSpec b = launch(spec("b").ports(List.of(static80)));
            ContainerLaunchSpec other = launch(spec("c").hostId("i-2").ports(List.of(static80)));

            clock.runUntilIdle();

            RuntimeEvent.LaunchFailed failed = only(RuntimeEvent.LaunchFailed.class);
            assertThat(failed.handle()).isEqualTo(b.handle());
            assertThat(failed.errorName()).isEqualTo("CannotStartContainerError");
            assertThat(failed.detail()).startsWith("Error response from daemon: driver failed programming external"
                    + " connectivity on endpoint ecs-web-3-b-").endsWith("Bind for 0.0.0.0:8080 failed: port is already"
                    + " allocated");
            assertThat(bindingsOf(other)).extracting(NetworkBinding::hostPort).containsExactly(8080);
        }

        @Test
        void launch_staticPortFreedByAnExit_canBeBoundAgain() {
            PortSpec static80 = new PortSpec(80, 8080, TransportProtocol.TCP);
            ContainerLaunchSpec a = launch(spec("a").ports(List.of(static80)));
            clock.runUntilIdle();
            runtime.stop(a.handle(), GRACE);
            clock.runUntilIdle();

            ContainerLaunchSpec b = launch(spec("b").ports(List.of(static80)));
            clock.runUntilIdle();

            assertThat(bindingsOf(b)).extracting(NetworkBinding::hostPort).containsExactly(8080);
        }

        @Test
        void launch_hostNetworkMode_bindsTheContainerPortOnTheHost() {
            ContainerLaunchSpec spec = launch(spec("a").networkMode(NetworkMode.HOST).ports(List.of(dynamic8080)));

            clock.runUntilIdle();

            assertThat(bindingsOf(spec)).extracting(NetworkBinding::hostPort).containsExactly(8080);
        }

        @Test
        void launch_customEphemeralRange_takesPortsFromIt() {
            runtime = started(InMemoryRuntime.builder().ephemeralPortRange(32768, 32769).build());
            ContainerLaunchSpec a = launch(spec("a").ports(List.of(dynamic8080)));
            ContainerLaunchSpec b = launch(spec("b").ports(List.of(dynamic8080)));
            launch(spec("c").ports(List.of(dynamic8080)));

            clock.runUntilIdle();

            assertThat(bindingsOf(a)).extracting(NetworkBinding::hostPort).containsExactly(32768);
            assertThat(bindingsOf(b)).extracting(NetworkBinding::hostPort).containsExactly(32769);
            assertThat(only(RuntimeEvent.LaunchFailed.class).detail()).endsWith("all ports are allocated");
        }
    }

    @Nested
    class Sandboxes {

        private TaskSandboxSpec sandboxSpec(TaskArn task, NetworkMode mode, List<PortSpec> ports) {
            return new TaskSandboxSpec(task, "c", "i-1", mode, ports, List.of("web"), Map.of());
        }

        private TaskSandbox readySandbox(TaskArn task) {
            return events.stream().filter(e -> e instanceof RuntimeEvent.SandboxReady r && r.taskArn().equals(task))
                    .map(e -> ((RuntimeEvent.SandboxReady) e).sandbox()).findFirst().orElseThrow();
        }

        @Test
        void prepareTask_awsvpc_givesTheTaskTheNextPrivateAddressWithItsPortsBoundToIt() {
            TaskArn first = newTask();
            TaskArn second = newTask();

            runtime.prepareTask(sandboxSpec(first, NetworkMode.AWSVPC,
                    List.of(new PortSpec(80, 0, TransportProtocol.TCP), new PortSpec(53, 53, TransportProtocol.UDP))));
            runtime.prepareTask(sandboxSpec(second, NetworkMode.AWSVPC, List.of()));
            assertThat(events).isEmpty();
            clock.runUntilIdle();

            TaskSandbox sandbox = readySandbox(first);
            assertThat(sandbox.privateIpv4()).isEqualTo("10.0.0.4");
            assertThat(sandbox.sandboxId()).matches("[0-9a-f]{64}");
            assertThat(sandbox.networkBindings()).containsExactly(
                    new NetworkBinding("10.0.0.4", 80, 80, TransportProtocol.TCP),
                    new NetworkBinding("10.0.0.4", 53, 53, TransportProtocol.UDP));
            assertThat(readySandbox(second).privateIpv4()).isEqualTo("10.0.0.5");
            assertThat(runtime.sandbox(first)).contains(sandbox);
        }

        @Test
        void prepareTask_bridge_reportsAnEmptySandbox() {
            TaskArn task = newTask();

            runtime.prepareTask(sandboxSpec(task, NetworkMode.BRIDGE, List.of()));
            clock.runUntilIdle();

            assertThat(readySandbox(task)).isEqualTo(TaskSandbox.none(task));
        }

        @Test
        void prepareTask_calledTwice_reportsTheSameSandboxAgain() {
            TaskArn task = newTask();
            runtime.prepareTask(sandboxSpec(task, NetworkMode.AWSVPC, List.of()));
            runtime.prepareTask(sandboxSpec(task, NetworkMode.AWSVPC, List.of()));

            clock.runUntilIdle();

            assertThat(events).hasSize(2).allSatisfy(e -> assertThat(((RuntimeEvent.SandboxReady) e).sandbox())
                    .isEqualTo(readySandbox(task)));
        }

        @Test
        void releaseTask_awsvpc_forgetsTheSandboxAndFreesItsAddressForLater() {
            TaskArn first = newTask();
            TaskSandboxSpec firstSpec = sandboxSpec(first, NetworkMode.AWSVPC, List.of());
            runtime.prepareTask(firstSpec);
            clock.runUntilIdle();

            runtime.releaseTask(firstSpec);
            runtime.releaseTask(firstSpec);

            assertThat(runtime.sandbox(first)).isEmpty();
            TaskArn second = newTask();
            runtime.prepareTask(sandboxSpec(second, NetworkMode.AWSVPC, List.of()));
            clock.runUntilIdle();
            assertThat(readySandbox(second).privateIpv4()).isEqualTo("10.0.0.5");
        }

        @Test
        void prepareTask_awsvpcWithEveryAddressInUse_failsWithResourceInitializationErrorUntilOneIsReleased() {
            List<TaskSandboxSpec> specs = new ArrayList<>();
            for (int i = 0; i < 256 * 251; i++) {
                TaskSandboxSpec spec = sandboxSpec(newTask(), NetworkMode.AWSVPC, List.of());
                specs.add(spec);
                runtime.prepareTask(spec);
            }
            clock.runUntilIdle();
            events.clear();
            TaskArn late = newTask();

            runtime.prepareTask(sandboxSpec(late, NetworkMode.AWSVPC, List.of()));
            clock.runUntilIdle();

            assertThat(events).singleElement().isInstanceOfSatisfying(RuntimeEvent.SandboxFailed.class, f -> {
                assertThat(f.taskArn()).isEqualTo(late);
                assertThat(f.errorName()).isEqualTo("ResourceInitializationError");
                assertThat(f.detail()).contains("10.0.0.0/16 is exhausted");
            });
            runtime.releaseTask(specs.get(7));
            TaskArn next = newTask();
            runtime.prepareTask(sandboxSpec(next, NetworkMode.AWSVPC, List.of()));
            clock.runUntilIdle();
            assertThat(readySandbox(next).privateIpv4()).isEqualTo("10.0.0.11");
        }

        @Test
        void releaseTask_beforeTheSandboxWasReported_reportsNothing() {
            TaskSandboxSpec spec = sandboxSpec(newTask(), NetworkMode.AWSVPC, List.of());

            runtime.prepareTask(spec);
            runtime.releaseTask(spec);
            clock.runUntilIdle();

            assertThat(events).isEmpty();
        }

        @Test
        void launch_inAwsvpcTask_publishesNoBindingsOfItsOwn() {
            TaskArn task = newTask();
            PortSpec port = new PortSpec(80, 80, TransportProtocol.TCP);
            runtime.prepareTask(sandboxSpec(task, NetworkMode.AWSVPC, List.of(port)));
            clock.runUntilIdle();

            ContainerLaunchSpec spec = launch(spec(task, "app").networkMode(NetworkMode.AWSVPC)
                    .sandbox(readySandbox(task)).ports(List.of(port)));
            clock.runUntilIdle();

            assertThat(only(RuntimeEvent.Started.class).networkBindings()).isEmpty();
            assertThat(snapshot(spec).networkBindings()).isEmpty();
        }
    }

    @Nested
    class Scripting {

        @Test
        void behaviourFor_scriptsAtEveryLevel_handleWinsOverNameOverImageOverDefault() {
            ContainerBehaviour byDefault = ContainerBehaviour.exitsAfter(Duration.ofSeconds(1), 1);
            ContainerBehaviour byImage = ContainerBehaviour.exitsAfter(Duration.ofSeconds(2), 2);
            ContainerBehaviour byName = ContainerBehaviour.exitsAfter(Duration.ofSeconds(3), 3);
            ContainerBehaviour byHandle = ContainerBehaviour.exitsAfter(Duration.ofSeconds(4), 4);
            ContainerLaunchSpec spec = spec("app").image("acme/web:1").build();

            assertThat(runtime.behaviourFor(spec)).isEqualTo(ContainerBehaviour.defaultBehaviour());
            runtime.defaultBehaviour(byDefault);
            assertThat(runtime.behaviourFor(spec)).isEqualTo(byDefault);
            runtime.onImage("acme/web:1", byImage);
            assertThat(runtime.behaviourFor(spec)).isEqualTo(byImage);
            runtime.onContainer("app", byName);
            assertThat(runtime.behaviourFor(spec)).isEqualTo(byName);
            runtime.onContainer(spec.handle(), byHandle);
            assertThat(runtime.behaviourFor(spec)).isEqualTo(byHandle);
            assertThat(runtime.behaviourFor(spec("app").build())).isEqualTo(byName);
            assertThat(runtime.behaviourFor(spec("other").build())).isEqualTo(byImage);
            assertThat(runtime.behaviourFor(spec("other").image("acme/api:1").build())).isEqualTo(byDefault);
        }

        @Test
        void onImage_withoutTag_meansLatest() {
            runtime.onImage("nginx", ContainerBehaviour.failsToPull());

            assertThat(runtime.behaviourFor(spec("a").image("nginx:latest").build()).failingStep())
                    .isEqualTo(ContainerBehaviour.LaunchStep.PULL);
            assertThat(runtime.behaviourFor(spec("a").image("nginx").build()).failingStep())
                    .isEqualTo(ContainerBehaviour.LaunchStep.PULL);
            assertThat(runtime.behaviourFor(spec("a").image("nginx:1.27").build()).failingStep()).isNull();
            assertThat(runtime.behaviourFor(spec("a").image("localhost:5000/nginx").build()).failingStep()).isNull();
        }

        @Test
        void builder_scripts_applyFromTheStart() {
            runtime = started(InMemoryRuntime.builder()
                    .defaultBehaviour(ContainerBehaviour.exitsAfter(Duration.ofSeconds(1), 1))
                    .onImage("acme/batch:1", ContainerBehaviour.exitsAfter(Duration.ofSeconds(2), 0))
                    .onContainer("sidecar", ContainerBehaviour.failsToPull())
                    .build());

            launch(spec("app"));
            launch(spec("job").image("acme/batch:1"));
            launch(spec("sidecar").image("acme/batch:1"));
            clock.advance(Duration.ofSeconds(5));

            assertThat(timeline).contains("0 sidecar LaunchFailed CannotPullContainerError", "1000 app Exited 1",
                    "2000 job Exited 0");
        }

        @Test
        void onContainer_changedAfterALaunch_affectsOnlyLaterLaunches() {
            ContainerLaunchSpec first = launch(spec("app"));
            runtime.onContainer("app", ContainerBehaviour.exitsAfter(Duration.ofSeconds(1), 9));
            ContainerLaunchSpec second = launch(spec("app"));

            clock.advance(Duration.ofSeconds(5));

            assertThat(snapshot(first).state()).isEqualTo(ContainerSnapshot.State.RUNNING);
            assertThat(snapshot(second).exitCode()).isEqualTo(9);
            assertThat(snapshot(second).behaviour()).isEqualTo(ContainerBehaviour.exitsAfter(Duration.ofSeconds(1), 9));
        }

        @Test
        void clearScripts_always_forgetsEveryScriptIncludingTheBuildersDefault() {
            runtime = started(InMemoryRuntime.builder()
                    .defaultBehaviour(ContainerBehaviour.failsToPull()).onImage("a", ContainerBehaviour.failsToPull())
                    .onContainer("b", ContainerBehaviour.failsToPull()).build());

            runtime.clearScripts();

            assertThat(runtime.behaviourFor(spec("b").image("a").build())).isEqualTo(
                    ContainerBehaviour.defaultBehaviour());
        }

        @Test
        void onImage_blankImage_throwsIllegalArgumentException() {
            assertThatThrownBy(() -> runtime.onImage(" ", ContainerBehaviour.defaultBehaviour()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Recording {

        @Test
        void calls_everyOperation_isRecordedWithItsInstantIncludingUnknownHandles() {
            TaskArn task = newTask();
            TaskSandboxSpec sandbox = new TaskSandboxSpec(task, "c", "i-1", NetworkMode.BRIDGE, List.of(), List.of(),
                    Map.of());
            ContainerLaunchSpec spec = spec(task, "app").build();
            ContainerHandle unknown = new ContainerHandle(task, "ghost");

            runtime.prepareTask(sandbox);
            clock.advance(Duration.ofSeconds(1));
            runtime.launch(spec);
            clock.advance(Duration.ofSeconds(1));
            runtime.stop(spec.handle(), Duration.ofSeconds(7));
            runtime.stop(unknown, Duration.ZERO);
            clock.advance(Duration.ofSeconds(1));
            runtime.remove(spec.handle());
            runtime.releaseTask(sandbox);

            assertThat(runtime.calls()).containsExactly(
                    new RecordedCall.PrepareTask(T0, sandbox),
                    new RecordedCall.Launch(T0.plusSeconds(1), spec),
                    new RecordedCall.Stop(T0.plusSeconds(2), spec.handle(), Duration.ofSeconds(7)),
                    new RecordedCall.Stop(T0.plusSeconds(2), unknown, Duration.ZERO),
                    new RecordedCall.Remove(T0.plusSeconds(3), spec.handle()),
                    new RecordedCall.ReleaseTask(T0.plusSeconds(3), sandbox));
            assertThat(runtime.calls(RecordedCall.Stop.class)).extracting(RecordedCall.Stop::handle)
                    .containsExactly(spec.handle(), unknown);
            assertThat(runtime.launchedSpecs()).containsExactly(spec);
            assertThat(runtime.calls(RecordedCall.Launch.class).get(0).handle()).isEqualTo(spec.handle());
        }

        @Test
        void calls_recordingOff_areNotKept() {
            runtime = started(InMemoryRuntime.builder().recordCalls(false).build());

            launch(spec("app"));

            assertThat(runtime.calls()).isEmpty();
            assertThat(runtime.launchedSpecs()).isEmpty();
            assertThat(runtime.containers()).hasSize(1);
        }

        @Test
        void calls_returnedList_isAnImmutableSnapshot() {
            launch(spec("a"));
            List<RecordedCall> before = runtime.calls();

            launch(spec("b"));

            assertThat(before).hasSize(1);
            assertThatThrownBy(() -> before.add(before.get(0))).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void containers_severalLaunches_listedInLaunchOrderWithTheirCurrentState() {
            ContainerLaunchSpec a = launch(spec("a"));
            ContainerLaunchSpec b = launch(spec("b"), ContainerBehaviour.exitsAfter(Duration.ofSeconds(1), 0));
            ContainerSnapshot launchedB = snapshot(b);

            clock.advance(Duration.ofSeconds(2));

            assertThat(runtime.containers()).extracting(ContainerSnapshot::handle)
                    .containsExactly(a.handle(), b.handle());
            assertThat(runtime.containers()).extracting(ContainerSnapshot::state)
                    .containsExactly(ContainerSnapshot.State.RUNNING, ContainerSnapshot.State.EXITED);
            assertThat(launchedB.state()).isEqualTo(ContainerSnapshot.State.PULLING);
            assertThat(runtime.container(new ContainerHandle(newTask(), "x"))).isEmpty();
        }
    }

    @Nested
    class Remove {

        @Test
        void remove_exitedContainer_forgetsItAndReportsNothing() {
            ContainerLaunchSpec spec = launch(spec("app"), ContainerBehaviour.exitsAfter(Duration.ZERO, 0));
            clock.runUntilIdle();
            int before = events.size();

            runtime.remove(spec.handle());
            runtime.remove(spec.handle());
            clock.advance(Duration.ofMinutes(1));

            assertThat(runtime.container(spec.handle())).isEmpty();
            assertThat(runtime.containers()).isEmpty();
            assertThat(events).hasSize(before);
        }

        @Test
        void remove_runningContainer_killsItLikeDockerRmForceAndItsExitedStillFollows() {
            PortSpec static80 = new PortSpec(80, 8080, TransportProtocol.TCP);
            ContainerLaunchSpec spec = launch(spec("app").ports(List.of(static80)));
            clock.runUntilIdle();

            runtime.remove(spec.handle());
            assertThat(runtime.container(spec.handle())).isEmpty();
            clock.runUntilIdle();

            assertThat(timeline).endsWith("0 app Exited 137");
            ContainerLaunchSpec again = launch(spec("again").ports(List.of(static80)));
            clock.runUntilIdle();
            assertThat(snapshot(again).networkBindings()).extracting(NetworkBinding::hostPort).containsExactly(8080);
        }

        @Test
        void remove_launchingContainer_cancelsTheLaunchWithANullExitCode() {
            ContainerLaunchSpec spec = launch(spec("app"));

            runtime.remove(spec.handle());
            clock.runUntilIdle();

            assertThat(timeline).containsExactly("0 app Exited null");
        }

        @Test
        void launch_sameHandleAgainBeforeRemove_throwsIllegalStateExceptionAndAfterRemoveWorks() {
            ContainerLaunchSpec spec = spec("app").build();
            runtime.launch(spec);
            clock.runUntilIdle();

            assertThatThrownBy(() -> runtime.launch(spec)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("remove it before launching it again");
            runtime.stop(spec.handle(), GRACE);
            runtime.remove(spec.handle());
            clock.runUntilIdle();
            runtime.launch(spec);
            clock.runUntilIdle();

            assertThat(snapshot(spec).state()).isEqualTo(ContainerSnapshot.State.RUNNING);
            assertThat(events).filteredOn(RuntimeEvent.Started.class::isInstance).hasSize(2);
        }
    }

    @Nested
    class Lifecycle {

        @Test
        void capabilities_always_declareWhatIsSimulatedButNoRealContainersOrDiscovery() {
            assertThat(runtime.name()).isEqualTo("in-memory");
            assertThat(runtime.capabilities()).containsExactlyInAnyOrder(RuntimeCapability.SCRIPTABLE_BEHAVIOUR,
                    RuntimeCapability.VIRTUAL_TIME, RuntimeCapability.HEALTH_CHECKS, RuntimeCapability.PORT_PUBLISHING,
                    RuntimeCapability.AWSVPC_NETWORKING, RuntimeCapability.LOGS, RuntimeCapability.OOM_DETECTION);
            assertThat(runtime.discover()).isEmpty();
        }

        @Test
        void operations_beforeStart_throwIllegalStateException() {
            InMemoryRuntime notStarted = InMemoryRuntime.create();
            ContainerLaunchSpec spec = spec("app").build();

            assertThatThrownBy(() -> notStarted.launch(spec)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("start(context)");
            assertThatThrownBy(() -> notStarted.stop(spec.handle(), GRACE)).isInstanceOf(IllegalStateException.class);
            notStarted.close(); // closing a runtime that never started is fine
        }

        @Test
        void start_calledTwice_throwsIllegalStateException() {
            assertThatThrownBy(() -> runtime.start(new RuntimeContext(clock, e -> { })))
                    .isInstanceOf(IllegalStateException.class);
        }

        @Test
        void close_withPendingWork_cancelsItsTimersReportsNothingMoreAndIgnoresLaterCalls() {
            ContainerLaunchSpec spec = launch(spec("app").healthCheck(healthCheck(10, 5, 3, 0)),
                    ContainerBehaviour.exitsAfter(Duration.ofSeconds(30), 0));
            clock.runUntilIdle();
            int before = events.size();

            runtime.close();
            runtime.close();
            runtime.launch(spec("late").build());
            runtime.stop(spec.handle(), GRACE);
            clock.advance(Duration.ofMinutes(5));

            assertThat(events).hasSize(before);
            assertThat(clock.pendingTimers()).isZero();
            assertThat(runtime.calls()).hasSize(1);
            assertThat(snapshot(spec).state()).isEqualTo(ContainerSnapshot.State.RUNNING);
        }

        @Test
        void operations_afterTheTimeSourceClosed_doNothing() {
            ContainerLaunchSpec spec = launch(spec("app"));
            clock.close();

            runtime.stop(spec.handle(), GRACE);
            runtime.launch(spec("late").build());

            assertThat(events).isEmpty();
        }

        @Test
        void sink_callingBackIntoTheRuntime_seesConsistentStateAndEventsStayInOrder() {
            List<String> seen = new ArrayList<>();
            InMemoryRuntime reentrant = InMemoryRuntime.create();
            Consumer<RuntimeEvent> sink = event -> {
                seen.add(describe(event));
                if (event instanceof RuntimeEvent.Started started) {
                    reentrant.stop(started.handle(), Duration.ZERO); // like an engine stopping at once
                }
                if (event instanceof RuntimeEvent.Exited exited) {
                    reentrant.remove(exited.handle());
                }
            };
            reentrant.start(new RuntimeContext(clock, sink));
            ContainerLaunchSpec spec = spec("app").build();

            reentrant.launch(spec);
            clock.runUntilIdle();

            assertThat(seen).containsExactly("app PullStarted", "app PullFinished", "app Created", "app Started",
                    "app Exited 137");
            assertThat(reentrant.containers()).isEmpty();
        }

        @Test
        void sink_throwing_surfacesAsAFailureOfTheClockAndLaterEventsStillArrive() {
            List<String> seen = new ArrayList<>();
            InMemoryRuntime failing = InMemoryRuntime.create();
            failing.start(new RuntimeContext(clock, event -> {
                seen.add(describe(event));
                if (event instanceof RuntimeEvent.PullStarted) {
                    throw new IllegalStateException("sink bug");
                }
            }));

            failing.launch(spec("app").build());

            assertThatThrownBy(clock::runUntilIdle).isInstanceOf(IllegalStateException.class)
                    .hasRootCauseMessage("sink bug");
            assertThat(seen).endsWith("app Started");
        }

        @Test
        void scenario_runTwice_producesTheSameEventsIncludingIds() {
            assertThat(runScenario()).isEqualTo(runScenario());
        }

        private List<RuntimeEvent> runScenario() {
            VirtualClock c = VirtualClock.create();
            List<RuntimeEvent> seen = new ArrayList<>();
            InMemoryRuntime r = InMemoryRuntime.create();
            r.start(new RuntimeContext(c, seen::add));
            TaskArn task = new TaskArn("us-east-1", "123456789012", "c", "0".repeat(32));
            r.prepareTask(new TaskSandboxSpec(task, "c", "i-1", NetworkMode.AWSVPC, List.of(), List.of(), Map.of()));
            r.launch(spec(task, "a").ports(List.of(new PortSpec(80, 0, TransportProtocol.TCP))).build());
            r.onContainer("b", ContainerBehaviour.builder().exitAfter(Duration.ofSeconds(3), 1)
                    .stdout(Duration.ZERO, "hi").build());
            r.launch(spec(task, "b").healthCheck(healthCheck(1, 1, 1, 0)).build());
            c.advance(Duration.ofSeconds(10));
            return seen;
        }
    }
}
