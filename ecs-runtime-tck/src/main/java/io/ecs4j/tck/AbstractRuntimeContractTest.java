package io.ecs4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.ecs4j.model.HealthStatus;
import io.ecs4j.model.NetworkBinding;
import io.ecs4j.model.NetworkMode;
import io.ecs4j.model.TaskArn;
import io.ecs4j.model.TransportProtocol;
import io.ecs4j.spi.runtime.ContainerHandle;
import io.ecs4j.spi.runtime.ContainerLaunchSpec;
import io.ecs4j.spi.runtime.ContainerRuntime;
import io.ecs4j.spi.runtime.DiscoveredContainer;
import io.ecs4j.spi.runtime.HealthCheckSpec;
import io.ecs4j.spi.runtime.LogEntry;
import io.ecs4j.spi.runtime.PortSpec;
import io.ecs4j.spi.runtime.RuntimeCapability;
import io.ecs4j.spi.runtime.RuntimeContext;
import io.ecs4j.spi.runtime.RuntimeEvent;
import io.ecs4j.spi.runtime.TaskSandbox;
import io.ecs4j.spi.runtime.TaskSandboxSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ContainerRuntime} passes (the {@code ContainerRuntime} Javadoc states it in words).
 *
 * <p>A runtime's test extends this class and implements {@link #fixture()}; see {@link RuntimeFixture} for what the
 * fixture provides. Cases that need a {@link RuntimeCapability} the runtime does not declare are skipped with an
 * assumption, so they are reported as skipped; the test methods are package-private, so subclasses cannot override
 * (and empty) them.
 * {@snippet :
 * class InMemoryRuntimeContractTest extends AbstractRuntimeContractTest {
 *     @Override
 *     protected RuntimeFixture fixture() {
 *         return new InMemoryFixture();
 *     }
 * }
 * }
 *
 * <p>Waits are bounded ({@link #EVENT_TIMEOUT}); on a virtual clock they cost no wall time.
 */
public abstract class AbstractRuntimeContractTest {

    /** The cluster name in every spec the suite makes; a real runtime's fixture may clean up by it. */
    protected static final String CLUSTER = "ecs4j-tck";
    /** How long the suite waits for an expected event. */
    protected static final Duration EVENT_TIMEOUT = Duration.ofSeconds(60);
    /** The grace period of stops that should end with a handled SIGTERM. */
    protected static final Duration STOP_GRACE = Duration.ofSeconds(10);
    /** The grace period of stops that should end with a kill (whole seconds: Docker's stop timeout is in seconds). */
    protected static final Duration KILL_GRACE = Duration.ofSeconds(2);
    /** How long the suite lets time pass to check that nothing (more) happens. */
    protected static final Duration QUIET_PERIOD = Duration.ofSeconds(3);

    private static final String REGION = "us-east-1";
    private static final String ACCOUNT = "123456789012";
    private static final String FAMILY = "ecs4j-tck";

    private RuntimeFixture fixture;
    private ContainerRuntime runtime;
    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    private final List<ContainerHandle> launched = new CopyOnWriteArrayList<>();
    private final List<TaskSandboxSpec> prepared = new CopyOnWriteArrayList<>();
    private boolean closedByTest;

    /** One event, with the instant (of the fixture's time source) it arrived at. */
    private record Arrival(Instant at, RuntimeEvent event) {
    }

    /** A new fixture for one test. */
    protected abstract RuntimeFixture fixture();

    @BeforeEach
    final void startRuntime() {
        fixture = fixture();
        runtime = fixture.createRuntime();
        runtime.start(new RuntimeContext(fixture.timeSource(),
                event -> arrivals.add(new Arrival(fixture.timeSource().clock().instant(), event))));
    }

    @AfterEach
    final void stopRuntime() {
        try {
            if (!closedByTest) {
                for (ContainerHandle handle : launched) {
                    runtime.stop(handle, Duration.ZERO);
                }
                fixture.awaitUntil(() -> launched.stream().allMatch(this::hasTerminal), EVENT_TIMEOUT);
                for (ContainerHandle handle : launched) {
                    runtime.remove(handle);
                }
                for (TaskSandboxSpec sandbox : prepared) {
                    runtime.releaseTask(sandbox);
                }
                runtime.close();
            }
        } finally {
            fixture.close();
        }
    }

    // ================================================================ lifecycle and events

    @Test
    void start_calledTwice_throwsIllegalStateException() {
        RuntimeContext again = new RuntimeContext(fixture.timeSource(), event -> { });

        assertThatThrownBy(() -> runtime.start(again)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void name_always_isNotBlankAndCapabilitiesAreStable() {
        assertThat(runtime.name()).isNotBlank();
        assertThat(runtime.capabilities()).isNotNull().isEqualTo(runtime.capabilities());
    }

    @Test
    void launch_shortLivedContainer_reportsCreatedStartedExitedInOrderWithItsExitCode() {
        ContainerLaunchSpec spec = fixture.exitsAfterAboutOneSecond(spec("app").build(), 3);

        launch(spec);
        RuntimeEvent.Exited exited = awaitEvent(spec.handle(), RuntimeEvent.Exited.class);

        assertThat(exited.exitCode()).isEqualTo(3);
        assertThat(exited.oomKilled()).isFalse();
        List<RuntimeEvent> events = eventsOf(spec.handle());
        assertThat(events).filteredOn(e -> !isPullEvent(e)).extracting(e -> (Object) e.getClass())
                .containsExactly(RuntimeEvent.Created.class, RuntimeEvent.Started.class, RuntimeEvent.Exited.class);
        RuntimeEvent.Created created = first(spec.handle(), RuntimeEvent.Created.class);
        RuntimeEvent.Started started = first(spec.handle(), RuntimeEvent.Started.class);
        assertThat(created.runtimeId()).isNotBlank();
        assertThat(started.runtimeId()).isEqualTo(created.runtimeId());
        assertPullEventsComeFirstAndInOrder(events);
    }

    @Test
    void launch_containerExitingWithZero_reportsExitCodeZero() {
        ContainerLaunchSpec spec = fixture.exitsAfterAboutOneSecond(spec("app").build(), 0);

        launch(spec);

        assertThat(awaitEvent(spec.handle(), RuntimeEvent.Exited.class).exitCode()).isZero();
    }

    @Test
    void launch_mixOfOutcomes_eachContainerEndsWithExactlyOneTerminalEventAndNothingAfterIt() {
        ContainerLaunchSpec exits = fixture.exitsAfterAboutOneSecond(spec("exits").build(), 0);
        ContainerLaunchSpec stopped = fixture.runsUntilStopped(spec("stopped").build());
        ContainerLaunchSpec unpullable = fixture.failsToPull(spec("unpullable").build());
        ContainerLaunchSpec stoppedEarly = fixture.runsUntilStopped(spec("stopped-early").build());
        ContainerLaunchSpec stubborn = fixture.ignoresSigterm(spec("stubborn").build());
        List<ContainerLaunchSpec> all = List.of(exits, stopped, unpullable, stoppedEarly, stubborn);

        all.forEach(this::launch);
        runtime.stop(stoppedEarly.handle(), STOP_GRACE);
        awaitEvent(stopped.handle(), RuntimeEvent.Started.class);
        awaitEvent(stubborn.handle(), RuntimeEvent.Started.class);
        runtime.stop(stopped.handle(), STOP_GRACE);
        runtime.stop(stubborn.handle(), KILL_GRACE);
        runtime.stop(stubborn.handle(), KILL_GRACE);
        awaitUntil("every container ended", () -> all.stream().allMatch(s -> hasTerminal(s.handle())));
        fixture.letTimePass(QUIET_PERIOD);

        for (ContainerLaunchSpec spec : all) {
            List<RuntimeEvent> events = eventsOf(spec.handle());
            assertThat(events).as("events of %s", spec.containerName())
                    .filteredOn(AbstractRuntimeContractTest::isTerminal).hasSize(1);
            assertThat(events.get(events.size() - 1)).as("last event of %s", spec.containerName())
                    .matches(AbstractRuntimeContractTest::isTerminal);
        }
    }

    // ================================================================ stop

    @Test
    void stop_runningContainer_exitsWith143WithinTheGracePeriod() {
        ContainerLaunchSpec spec = fixture.runsUntilStopped(spec("app").build());
        launch(spec);
        awaitEvent(spec.handle(), RuntimeEvent.Started.class);
        Instant stopAt = now();

        runtime.stop(spec.handle(), STOP_GRACE);
        RuntimeEvent.Exited exited = awaitEvent(spec.handle(), RuntimeEvent.Exited.class);

        assertThat(exited.exitCode()).isEqualTo(143);
        assertThat(exited.oomKilled()).isFalse();
        assertThat(Duration.between(stopAt, arrivalOf(exited))).isLessThan(STOP_GRACE);
    }

    @Test
    void stop_containerIgnoringSigterm_killsItWith137WhenTheGracePeriodEnds() {
        ContainerLaunchSpec spec = fixture.ignoresSigterm(spec("app").build());
        launch(spec);
        awaitEvent(spec.handle(), RuntimeEvent.Started.class);
        Instant stopAt = now();

        runtime.stop(spec.handle(), KILL_GRACE);
        RuntimeEvent.Exited exited = awaitEvent(spec.handle(), RuntimeEvent.Exited.class);

        assertThat(exited.exitCode()).isEqualTo(137);
        assertThat(exited.oomKilled()).isFalse();
        assertThat(Duration.between(stopAt, arrivalOf(exited))).isGreaterThanOrEqualTo(KILL_GRACE);
    }

    @Test
    void stop_beforeTheContainerStarted_reportsExitedWithoutExitCodeAndNeverStartsIt() {
        ContainerLaunchSpec spec = fixture.runsUntilStopped(spec("app").build());

        launch(spec);
        runtime.stop(spec.handle(), STOP_GRACE);
        RuntimeEvent.Exited exited = awaitEvent(spec.handle(), RuntimeEvent.Exited.class);
        fixture.letTimePass(QUIET_PERIOD);

        assertThat(exited.exitCode()).isNull();
        assertThat(eventsOf(spec.handle())).noneMatch(RuntimeEvent.Started.class::isInstance)
                .filteredOn(AbstractRuntimeContractTest::isTerminal).containsExactly(exited);
    }

    @Test
    void stop_calledTwice_reportsOneExited() {
        ContainerLaunchSpec spec = fixture.runsUntilStopped(spec("app").build());
        launch(spec);
        awaitEvent(spec.handle(), RuntimeEvent.Started.class);

        runtime.stop(spec.handle(), STOP_GRACE);
        runtime.stop(spec.handle(), STOP_GRACE);
        awaitEvent(spec.handle(), RuntimeEvent.Exited.class);
        fixture.letTimePass(QUIET_PERIOD);

        assertThat(eventsOf(spec.handle())).filteredOn(RuntimeEvent.Exited.class::isInstance).hasSize(1);
    }

    @Test
    void stop_afterTheContainerExited_reportsNothingMore() {
        ContainerLaunchSpec spec = fixture.exitsAfterAboutOneSecond(spec("app").build(), 0);
        launch(spec);
        awaitEvent(spec.handle(), RuntimeEvent.Exited.class);
        int before = eventsOf(spec.handle()).size();

        runtime.stop(spec.handle(), STOP_GRACE);
        fixture.letTimePass(QUIET_PERIOD);

        assertThat(eventsOf(spec.handle())).hasSize(before);
    }

    // ================================================================ remove and unknown handles

    @Test
    void remove_calledTwiceAfterExit_reportsNothing() {
        ContainerLaunchSpec spec = fixture.exitsAfterAboutOneSecond(spec("app").build(), 0);
        launch(spec);
        awaitEvent(spec.handle(), RuntimeEvent.Exited.class);
        int before = eventsOf(spec.handle()).size();

        runtime.remove(spec.handle());
        runtime.remove(spec.handle());
        fixture.letTimePass(QUIET_PERIOD);

        assertThat(eventsOf(spec.handle())).hasSize(before);
    }

    @Test
    void logs_afterRemove_failWithIllegalArgumentException() {
        requires(RuntimeCapability.LOGS);
        ContainerLaunchSpec spec = fixture.exitsAfterAboutOneSecond(spec("app").build(), 0);
        launch(spec);
        awaitEvent(spec.handle(), RuntimeEvent.Exited.class);

        runtime.remove(spec.handle());

        assertLogsFailWith(spec.handle(), IllegalArgumentException.class);
    }

    @Test
    void operations_onAnUnknownHandle_doNothing() {
        ContainerHandle unknown = new ContainerHandle(newTaskArn(), "never-launched");
        TaskSandboxSpec unknownTask = sandboxSpec(newTaskArn(), NetworkMode.BRIDGE, List.of());

        runtime.stop(unknown, STOP_GRACE);
        runtime.stop(unknown, Duration.ZERO);
        runtime.remove(unknown);
        runtime.releaseTask(unknownTask);
        fixture.letTimePass(QUIET_PERIOD);

        assertThat(arrivals).isEmpty();
    }

    @Test
    void logs_unknownHandle_failWithIllegalArgumentException() {
        requires(RuntimeCapability.LOGS);

        assertLogsFailWith(new ContainerHandle(newTaskArn(), "never-launched"), IllegalArgumentException.class);
    }

    @Test
    void logs_ofARunningContainer_answerAsTheLogsCapabilityDeclares() {
        ContainerLaunchSpec spec = fixture.runsUntilStopped(spec("app").build());
        launch(spec);
        awaitEvent(spec.handle(), RuntimeEvent.Started.class);

        if (runtime.capabilities().contains(RuntimeCapability.LOGS)) {
            assertThat(runtime.logs(spec.handle())).succeedsWithin(EVENT_TIMEOUT);
        } else {
            assertLogsFailWith(spec.handle(), UnsupportedOperationException.class);
        }
    }

    @Test
    void discover_withAContainerThisRuntimeLaunched_neverReturnsIt() {
        ContainerLaunchSpec spec = fixture.runsUntilStopped(spec("app").build());
        launch(spec);
        awaitEvent(spec.handle(), RuntimeEvent.Started.class);

        List<DiscoveredContainer> found = runtime.discover();

        if (runtime.capabilities().contains(RuntimeCapability.DISCOVERY)) {
            assertThat(found).extracting(DiscoveredContainer::handle).doesNotContain(spec.handle());
        } else {
            assertThat(found).isEmpty();
        }
    }

    @Test
    void close_withARunningContainer_reportsNoFurtherEvents() {
        ContainerLaunchSpec spec = fixture.exitsAfterAboutOneSecond(spec("app").build(), 0);
        launch(spec);
        awaitEvent(spec.handle(), RuntimeEvent.Started.class);
        int before = arrivals.size();

        runtime.close();
        closedByTest = true;
        runtime.close();
        fixture.letTimePass(QUIET_PERIOD);

        assertThat(arrivals).hasSize(before);
    }

    // ================================================================ launch failures

    @Test
    void launch_imageThatCannotBePulled_reportsCannotPullContainerErrorAndNothingElse() {
        ContainerLaunchSpec spec = fixture.failsToPull(spec("app").build());

        launch(spec);
        RuntimeEvent.LaunchFailed failed = awaitEvent(spec.handle(), RuntimeEvent.LaunchFailed.class);
        fixture.letTimePass(QUIET_PERIOD);

        assertThat(failed.errorName()).isEqualTo("CannotPullContainerError");
        assertThat(failed.detail()).isNotBlank();
        assertThat(failed.reason()).startsWith("CannotPullContainerError: ");
        assertThat(eventsOf(spec.handle())).filteredOn(e -> !isPullEvent(e)).containsExactly(failed);
    }

    // ================================================================ health checks

    @Test
    void healthCheck_passingProbes_reportsHealthyOnce() {
        requires(RuntimeCapability.HEALTH_CHECKS);
        ContainerLaunchSpec spec = fixture.passesHealthCheck(spec("app").healthCheck(healthCheck()).build());

        launch(spec);
        awaitUntil("HEALTHY", () -> healthOf(spec.handle()).contains(HealthStatus.HEALTHY));
        fixture.letTimePass(QUIET_PERIOD);

        assertThat(healthOf(spec.handle())).containsExactly(HealthStatus.HEALTHY);
        assertThat(indexOf(spec.handle(), RuntimeEvent.HealthChanged.class))
                .isGreaterThan(indexOf(spec.handle(), RuntimeEvent.Started.class));
    }

    @Test
    void healthCheck_failingProbes_reportsUnhealthyOnlyAfterRetriesIntervals() {
        requires(RuntimeCapability.HEALTH_CHECKS);
        HealthCheckSpec healthCheck = healthCheck();
        ContainerLaunchSpec spec = fixture.failsHealthCheck(spec("app").healthCheck(healthCheck).build());

        launch(spec);
        RuntimeEvent.Started started = awaitEvent(spec.handle(), RuntimeEvent.Started.class);
        awaitUntil("UNHEALTHY", () -> healthOf(spec.handle()).contains(HealthStatus.UNHEALTHY));
        fixture.letTimePass(QUIET_PERIOD);

        assertThat(healthOf(spec.handle())).containsExactly(HealthStatus.UNHEALTHY);
        RuntimeEvent.HealthChanged unhealthy = first(spec.handle(), RuntimeEvent.HealthChanged.class);
        assertThat(Duration.between(arrivalOf(started), arrivalOf(unhealthy)))
                .isGreaterThanOrEqualTo(healthCheck.interval().multipliedBy(healthCheck.retries()));
    }

    @Test
    void healthCheck_none_reportsNoHealthEvents() {
        ContainerLaunchSpec spec = fixture.runsUntilStopped(spec("app").build());

        launch(spec);
        awaitEvent(spec.handle(), RuntimeEvent.Started.class);
        fixture.letTimePass(QUIET_PERIOD);

        assertThat(eventsOf(spec.handle())).noneMatch(RuntimeEvent.HealthChanged.class::isInstance);
    }

    // ================================================================ ports

    @Test
    void launch_twoContainersWithDynamicHostPorts_reportsDistinctNonZeroHostPorts() {
        requires(RuntimeCapability.PORT_PUBLISHING);
        PortSpec dynamic = new PortSpec(8080, 0, TransportProtocol.TCP);
        ContainerLaunchSpec first = fixture.runsUntilStopped(spec("web").ports(List.of(dynamic)).build());
        ContainerLaunchSpec second = fixture.runsUntilStopped(spec("web").ports(List.of(dynamic)).build());

        launch(first);
        launch(second);
        NetworkBinding a = single(awaitEvent(first.handle(), RuntimeEvent.Started.class).networkBindings());
        NetworkBinding b = single(awaitEvent(second.handle(), RuntimeEvent.Started.class).networkBindings());

        for (NetworkBinding binding : List.of(a, b)) {
            assertThat(binding.containerPort()).isEqualTo(8080);
            assertThat(binding.hostPort()).isBetween(1, 65535);
            assertThat(binding.protocol()).isEqualTo(TransportProtocol.TCP);
            assertThat(binding.bindIp()).isNotBlank();
        }
        assertThat(a.hostPort()).isNotEqualTo(b.hostPort());
    }

    @Test
    void launch_staticHostPort_reportsThatHostPort() {
        requires(RuntimeCapability.PORT_PUBLISHING);
        int hostPort = fixture.freeHostPort();
        ContainerLaunchSpec spec = fixture.runsUntilStopped(
                spec("web").ports(List.of(new PortSpec(8080, hostPort, TransportProtocol.TCP))).build());

        launch(spec);
        NetworkBinding binding = single(awaitEvent(spec.handle(), RuntimeEvent.Started.class).networkBindings());

        assertThat(binding.containerPort()).isEqualTo(8080);
        assertThat(binding.hostPort()).isEqualTo(hostPort);
        assertThat(binding.protocol()).isEqualTo(TransportProtocol.TCP);
    }

    @Test
    void launch_containerServingTcp_isReachableOnItsPublishedPort() {
        requires(RuntimeCapability.REAL_CONTAINERS, RuntimeCapability.PORT_PUBLISHING);
        String greeting = "hello from ecs4j tck";
        ContainerLaunchSpec spec = fixture.servesTcp(
                spec("web").ports(List.of(new PortSpec(8080, 0, TransportProtocol.TCP))).build(), 8080, greeting);

        launch(spec);
        NetworkBinding binding = single(awaitEvent(spec.handle(), RuntimeEvent.Started.class).networkBindings());
        String host = "0.0.0.0".equals(binding.bindIp()) || "::".equals(binding.bindIp()) ? "127.0.0.1"
                : binding.bindIp();
        AtomicReference<String> answer = new AtomicReference<>();

        awaitUntil("an answer on " + host + ":" + binding.hostPort(), () -> {
            answer.set(readLine(host, binding.hostPort()));
            return greeting.equals(answer.get());
        });
    }

    // ================================================================ logs

    @Test
    void logs_containerWritingLines_returnsThemInOrderWithTheirStreams() {
        requires(RuntimeCapability.LOGS);
        List<RuntimeFixture.LogLine> lines = List.of(
                new RuntimeFixture.LogLine(LogEntry.Stream.STDOUT, "tck line one"),
                new RuntimeFixture.LogLine(LogEntry.Stream.STDERR, "tck line two"),
                new RuntimeFixture.LogLine(LogEntry.Stream.STDOUT, "tck line three"));
        ContainerLaunchSpec spec = fixture.writesLogLines(spec("app").build(), lines);

        launch(spec);
        awaitEvent(spec.handle(), RuntimeEvent.Started.class);
        AtomicReference<List<LogEntry>> logs = new AtomicReference<>(List.of());
        awaitUntil("three log lines", () -> {
            logs.set(logsOf(spec.handle()));
            return logs.get().size() >= lines.size();
        });

        assertThat(logs.get()).extracting(e -> new RuntimeFixture.LogLine(e.stream(), e.message()))
                .containsExactlyElementsOf(lines);
        assertThat(logs.get()).extracting(LogEntry::timestamp).isSorted();
    }

    // ================================================================ sandboxes

    @Test
    void prepareTask_bridge_reportsSandboxReady() {
        TaskArn task = newTaskArn();

        prepare(sandboxSpec(task, NetworkMode.BRIDGE, List.of()));
        RuntimeEvent.SandboxReady ready = awaitSandboxReady(task);

        assertThat(ready.sandbox().taskArn()).isEqualTo(task);
    }

    @Test
    void prepareTask_awsvpc_reportsSandboxWithAPrivateAddressAndTheTasksPorts() {
        requires(RuntimeCapability.AWSVPC_NETWORKING);
        TaskArn task = newTaskArn();
        PortSpec port = new PortSpec(8080, 8080, TransportProtocol.TCP);

        prepare(sandboxSpec(task, NetworkMode.AWSVPC, List.of(port)));
        TaskSandbox sandbox = awaitSandboxReady(task).sandbox();

        assertThat(sandbox.taskArn()).isEqualTo(task);
        assertThat(sandbox.privateIpv4()).matches("\\d{1,3}(\\.\\d{1,3}){3}");
        assertThat(sandbox.networkBindings()).extracting(NetworkBinding::containerPort).containsExactly(8080);
        assertThat(sandbox.networkBindings()).allSatisfy(b -> assertThat(b.hostPort()).isBetween(1, 65535));
    }

    @Test
    void launch_inAnAwsvpcSandbox_publishesNoPortsOfItsOwnAndTheSandboxCanBeReleasedTwice() {
        requires(RuntimeCapability.AWSVPC_NETWORKING);
        TaskArn task = newTaskArn();
        PortSpec port = new PortSpec(8080, 8080, TransportProtocol.TCP);
        TaskSandboxSpec sandboxSpec = sandboxSpec(task, NetworkMode.AWSVPC, List.of(port));
        prepare(sandboxSpec);
        TaskSandbox sandbox = awaitSandboxReady(task).sandbox();
        ContainerLaunchSpec spec = fixture.runsUntilStopped(spec(task, "app")
                .networkMode(NetworkMode.AWSVPC).sandbox(sandbox).ports(List.of(port)).build());

        launch(spec);
        RuntimeEvent.Started started = awaitEvent(spec.handle(), RuntimeEvent.Started.class);
        runtime.stop(spec.handle(), STOP_GRACE);
        awaitEvent(spec.handle(), RuntimeEvent.Exited.class);
        runtime.remove(spec.handle());
        runtime.releaseTask(sandboxSpec);
        runtime.releaseTask(sandboxSpec);
        fixture.letTimePass(QUIET_PERIOD);

        assertThat(started.networkBindings()).isEmpty();
        assertThat(arrivals).filteredOn(a -> a.event().taskArn().equals(task))
                .extracting(a -> (Object) a.event().getClass())
                .filteredOn(c -> c == RuntimeEvent.SandboxReady.class || c == RuntimeEvent.SandboxFailed.class)
                .containsExactly(RuntimeEvent.SandboxReady.class);
    }

    // ================================================================ OOM

    @Test
    void launch_containerExceedingItsMemoryLimit_isReportedOomKilledWith137() {
        requires(RuntimeCapability.OOM_DETECTION);
        ContainerLaunchSpec spec = fixture.runsOutOfMemory(spec("hungry").build());

        launch(spec);
        RuntimeEvent.Exited exited = awaitEvent(spec.handle(), RuntimeEvent.Exited.class);

        assertThat(exited.exitCode()).isEqualTo(137);
        assertThat(exited.oomKilled()).isTrue();
    }

    // ================================================================ helpers for subclasses and cases

    /** The runtime under test (started). */
    protected final ContainerRuntime runtime() {
        return runtime;
    }

    /** Skips the test (reported as skipped) unless the runtime declares every one of {@code capabilities}. */
    protected final void requires(RuntimeCapability... capabilities) {
        Set<RuntimeCapability> declared = runtime.capabilities();
        for (RuntimeCapability capability : capabilities) {
            assumeThat(declared).as("this case needs %s, which the %s runtime does not declare", capability,
                    runtime.name()).contains(capability);
        }
    }

    /** A new task ARN (random task id, so that real runtimes never see a name twice). */
    protected final TaskArn newTaskArn() {
        return new TaskArn(REGION, ACCOUNT, CLUSTER, UUID.randomUUID().toString().replace("-", ""));
    }

    /** A spec for a container {@code name} in a new task, with a placeholder image; recipes complete it. */
    protected final ContainerLaunchSpec.Builder spec(String name) {
        return spec(newTaskArn(), name);
    }

    /** A spec for a container {@code name} of {@code task}, with a placeholder image; recipes complete it. */
    protected final ContainerLaunchSpec.Builder spec(TaskArn task, String name) {
        return ContainerLaunchSpec.builder()
                .handle(new ContainerHandle(task, name))
                .clusterName(CLUSTER)
                .containerArn("arn:aws:ecs:" + REGION + ":" + ACCOUNT + ":container/" + CLUSTER + "/"
                        + task.taskId() + "/" + UUID.randomUUID())
                .taskDefinitionArn("arn:aws:ecs:" + REGION + ":" + ACCOUNT + ":task-definition/" + FAMILY + ":1")
                .family(FAMILY)
                .revision(1)
                .group("family:" + FAMILY)
                .hostId(fixture.hostId())
                .image("ecs4j-tck/placeholder:1")
                .stopTimeout(STOP_GRACE);
    }

    /** The health check timing the health cases use: probes every second, unhealthy after two failures. */
    protected static HealthCheckSpec healthCheck() {
        return new HealthCheckSpec(List.of("CMD-SHELL", "exit 0"), Duration.ofSeconds(1), Duration.ofSeconds(2), 2,
                Duration.ZERO);
    }

    private TaskSandboxSpec sandboxSpec(TaskArn task, NetworkMode mode, List<PortSpec> ports) {
        return new TaskSandboxSpec(task, CLUSTER, fixture.hostId(), mode, ports, List.of(),
                Map.of("ecs4j.tck", "true"));
    }

    private void launch(ContainerLaunchSpec spec) {
        launched.add(spec.handle());
        runtime.launch(spec);
    }

    private void prepare(TaskSandboxSpec spec) {
        prepared.add(spec);
        runtime.prepareTask(spec);
    }

    private Instant now() {
        return fixture.timeSource().clock().instant();
    }

    private void awaitUntil(String what, BooleanSupplier condition) {
        if (!fixture.awaitUntil(condition, EVENT_TIMEOUT)) {
            fail("waited %s for %s; events so far:%n%s", EVENT_TIMEOUT, what, describeEvents());
        }
    }

    private <T extends RuntimeEvent> T awaitEvent(ContainerHandle handle, Class<T> type) {
        awaitUntil(type.getSimpleName() + " of " + handle,
                () -> eventsOf(handle).stream().anyMatch(type::isInstance));
        return first(handle, type);
    }

    private RuntimeEvent.SandboxReady awaitSandboxReady(TaskArn task) {
        Predicate<RuntimeEvent> ready = e -> e instanceof RuntimeEvent.SandboxReady r && r.taskArn().equals(task);
        awaitUntil("SandboxReady of " + task.taskId(), () -> arrivals.stream().map(Arrival::event).anyMatch(ready));
        return (RuntimeEvent.SandboxReady) arrivals.stream().map(Arrival::event).filter(ready).findFirst()
                .orElseThrow();
    }

    private List<RuntimeEvent> eventsOf(ContainerHandle handle) {
        return arrivals.stream().map(Arrival::event)
                .filter(e -> e instanceof RuntimeEvent.ContainerEvent c && c.handle().equals(handle))
                .toList();
    }

    private <T extends RuntimeEvent> T first(ContainerHandle handle, Class<T> type) {
        return eventsOf(handle).stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " for " + handle));
    }

    private int indexOf(ContainerHandle handle, Class<? extends RuntimeEvent> type) {
        List<RuntimeEvent> events = eventsOf(handle);
        for (int i = 0; i < events.size(); i++) {
            if (type.isInstance(events.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private Instant arrivalOf(RuntimeEvent event) {
        return arrivals.stream().filter(a -> a.event() == event).map(Arrival::at).findFirst().orElseThrow();
    }

    private List<HealthStatus> healthOf(ContainerHandle handle) {
        return eventsOf(handle).stream().filter(RuntimeEvent.HealthChanged.class::isInstance)
                .map(e -> ((RuntimeEvent.HealthChanged) e).status()).toList();
    }

    private boolean hasTerminal(ContainerHandle handle) {
        return eventsOf(handle).stream().anyMatch(AbstractRuntimeContractTest::isTerminal);
    }

    private static boolean isTerminal(RuntimeEvent event) {
        return event instanceof RuntimeEvent.Exited || event instanceof RuntimeEvent.LaunchFailed;
    }

    private static boolean isPullEvent(RuntimeEvent event) {
        return event instanceof RuntimeEvent.PullStarted || event instanceof RuntimeEvent.PullFinished;
    }

    private static void assertPullEventsComeFirstAndInOrder(List<RuntimeEvent> events) {
        List<Class<?>> pulls = new ArrayList<>();
        for (RuntimeEvent event : events) {
            if (!isPullEvent(event)) {
                break;
            }
            pulls.add(event.getClass());
        }
        assertThat(events.stream().filter(AbstractRuntimeContractTest::isPullEvent).count())
                .as("pull events all come before Created").isEqualTo(pulls.size());
        if (!pulls.isEmpty()) {
            assertThat(pulls).containsExactly(RuntimeEvent.PullStarted.class, RuntimeEvent.PullFinished.class);
        }
    }

    private static NetworkBinding single(List<NetworkBinding> bindings) {
        assertThat(bindings).hasSize(1);
        return bindings.get(0);
    }

    private List<LogEntry> logsOf(ContainerHandle handle) {
        try {
            return runtime.logs(handle).toCompletableFuture().get(EVENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("logs(" + handle + ") failed", e);
        }
    }

    private void assertLogsFailWith(ContainerHandle handle, Class<? extends Throwable> type) {
        assertThatThrownBy(() -> runtime.logs(handle).toCompletableFuture()
                .get(EVENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(type);
    }

    private static String readLine(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1_000);
            socket.setSoTimeout(2_000);
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            return reader.readLine();
        } catch (IOException e) {
            return null;
        }
    }

    private String describeEvents() {
        return arrivals.stream().map(a -> "  " + a.at() + " " + a.event()).collect(Collectors.joining("\n"));
    }
}
