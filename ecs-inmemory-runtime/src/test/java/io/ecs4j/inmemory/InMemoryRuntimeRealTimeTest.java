package io.ecs4j.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.model.HealthStatus;
import io.ecs4j.model.TaskArn;
import io.ecs4j.spi.runtime.ContainerHandle;
import io.ecs4j.spi.runtime.ContainerLaunchSpec;
import io.ecs4j.spi.runtime.HealthCheckSpec;
import io.ecs4j.spi.runtime.LogEntry;
import io.ecs4j.spi.runtime.RuntimeContext;
import io.ecs4j.spi.runtime.RuntimeEvent;
import io.ecs4j.time.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The in-memory runtime on {@link TimeSource#system()}: real time, so short durations and bounded waits. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class InMemoryRuntimeRealTimeTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final TimeSource time = TimeSource.system();
    private final List<RuntimeEvent> events = new CopyOnWriteArrayList<>();
    private final List<String> threads = new CopyOnWriteArrayList<>();
    private final Semaphore arrived = new Semaphore(0);
    private final InMemoryRuntime runtime = InMemoryRuntime.create();

    InMemoryRuntimeRealTimeTest() {
        runtime.start(new RuntimeContext(time, event -> {
            threads.add(Thread.currentThread().getName());
            events.add(event);
            arrived.release();
        }));
    }

    @AfterEach
    void tearDown() {
        runtime.close();
        time.close();
    }

    private static ContainerLaunchSpec spec(String name) {
        TaskArn task = new TaskArn("us-east-1", "123456789012", "c", "f".repeat(32));
        return ContainerLaunchSpec.builder().handle(new ContainerHandle(task, name)).clusterName("c")
                .containerArn("arn:aws:ecs:us-east-1:123456789012:container/c/" + name)
                .taskDefinitionArn("arn:aws:ecs:us-east-1:123456789012:task-definition/t:1").family("t")
                .group("family:t").hostId("i-1").image("acme/app:1").build();
    }

    private <T extends RuntimeEvent> T await(ContainerHandle handle, Class<T> type) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        try {
            do {
                for (RuntimeEvent event : events) {
                    if (type.isInstance(event) && ((RuntimeEvent.ContainerEvent) event).handle().equals(handle)) {
                        return type.cast(event);
                    }
                }
            } while (arrived.tryAcquire(deadline - System.nanoTime(), TimeUnit.NANOSECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("no " + type.getSimpleName() + " within " + WAIT + "; events: " + events);
    }

    @Test
    void launch_scriptedExit_runsInRealTimeOnTheRuntimesLoopThread() throws Exception {
        ContainerLaunchSpec spec = spec("app");
        runtime.onContainer("app", ContainerBehaviour.builder().exitAfter(Duration.ofMillis(50), 3)
                .stdout(Duration.ZERO, "hello").build());
        Instant launchedAt = time.clock().instant();

        runtime.launch(spec);
        RuntimeEvent.Exited exited = await(spec.handle(), RuntimeEvent.Exited.class);

        assertThat(exited.exitCode()).isEqualTo(3);
        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly("PullStarted",
                "PullFinished", "Created", "Started", "Exited");
        assertThat(threads).containsOnly("ecs4j-in-memory-runtime-loop");
        ContainerSnapshot snapshot = runtime.container(spec.handle()).orElseThrow();
        assertThat(Duration.between(snapshot.startedAt(), snapshot.finishedAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(50));
        assertThat(snapshot.launchedAt()).isAfterOrEqualTo(launchedAt);
        assertThat(runtime.logs(spec.handle()).toCompletableFuture().get()).extracting(LogEntry::message)
                .containsExactly("hello");
    }

    @Test
    void stop_ignoringSigterm_isKilledAfterTheGracePeriodInRealTime() {
        ContainerLaunchSpec spec = spec("app");
        runtime.onContainer("app", ContainerBehaviour.ignoresSigterm());
        runtime.launch(spec);
        await(spec.handle(), RuntimeEvent.Started.class);
        Instant stopAt = time.clock().instant();

        runtime.stop(spec.handle(), Duration.ofMillis(100));
        RuntimeEvent.Exited exited = await(spec.handle(), RuntimeEvent.Exited.class);

        assertThat(exited.exitCode()).isEqualTo(137);
        assertThat(Duration.between(stopAt, runtime.container(spec.handle()).orElseThrow().finishedAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }

    @Test
    void healthCheck_failing_becomesUnhealthyInRealTime() {
        ContainerLaunchSpec spec = spec("app").toBuilder().healthCheck(new HealthCheckSpec(List.of("CMD", "false"),
                Duration.ofMillis(20), Duration.ofMillis(50), 2, Duration.ZERO)).build();
        runtime.onContainer("app", ContainerBehaviour.failsHealthChecks());

        runtime.launch(spec);

        assertThat(await(spec.handle(), RuntimeEvent.HealthChanged.class).status()).isEqualTo(HealthStatus.UNHEALTHY);
    }
}
