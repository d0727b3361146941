package io.ecs4j.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link TimeSource#system()}: real time, so waits are bounded and short. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class SystemTimeSourceTest {

    private static final long WAIT_SECONDS = 5;

    private final TimeSource time = TimeSource.system();

    @AfterEach
    void tearDown() {
        time.close();
    }

    @Test
    void clock_always_isUtc() {
        assertThat(time.clock().getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(time.clock().instant()).isAfter(Instant.parse("2020-01-01T00:00:00Z"));
    }

    @Test
    void execute_manyCommands_runOneAtATimeInOrderOnTheLoopsNamedDaemonThread() throws Exception {
        ControlLoop loop = time.newLoop("orders");
        List<Integer> order = new CopyOnWriteArrayList<>();
        List<String> threadNames = new CopyOnWriteArrayList<>();
        AtomicInteger active = new AtomicInteger();
        AtomicInteger maxActive = new AtomicInteger();
        AtomicBoolean daemon = new AtomicBoolean(true);

        for (int i = 0; i < 200; i++) {
            int n = i;
            loop.execute(() -> {
                maxActive.accumulateAndGet(active.incrementAndGet(), Math::max);
                order.add(n);
                threadNames.add(Thread.currentThread().getName());
                daemon.compareAndSet(true, Thread.currentThread().isDaemon());
                active.decrementAndGet();
            });
        }
        loop.call(() -> null); // queued behind the others: when it returns, they have run

        assertThat(order).hasSize(200).isSorted();
        assertThat(threadNames).containsOnly("ecs4j-orders-loop");
        assertThat(maxActive).hasValue(1);
        assertThat(daemon).isTrue();
        assertThat(loop.name()).isEqualTo("orders");
    }

    @Test
    void call_fromOutside_runsOnTheLoopThreadAndReturnsTheResult() {
        ControlLoop loop = time.newLoop("c");

        String thread = loop.call(() -> Thread.currentThread().getName());

        assertThat(thread).isEqualTo("ecs4j-c-loop");
        assertThat(loop.inLoop()).isFalse();
    }

    @Test
    void call_fromInsideTheLoop_runsInlineInsteadOfDeadlocking() throws Exception {
        ControlLoop loop = time.newLoop("c");
        CompletableFuture<String> result = new CompletableFuture<>();

        loop.execute(() -> result.complete(loop.inLoop() + ":" + loop.call(() -> "inner on " + loop.inLoop())));

        assertThat(result.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("true:inner on true");
    }

    @Test
    void call_commandThrows_rethrowsTheSameExceptionUnwrapped() {
        ControlLoop loop = time.newLoop("c");
        IllegalArgumentException boom = new IllegalArgumentException("boom");

        assertThatThrownBy(() -> loop.call(() -> {
            throw boom;
        })).isSameAs(boom);
    }

    @Test
    void execute_commandThrows_loopKeepsRunningLaterCommands() {
        ControlLoop loop = time.newLoop("c");

        loop.execute(() -> {
            throw new IllegalStateException("expected in this test");
        });

        assertThat(loop.call(() -> "still alive")).isEqualTo("still alive");
    }

    @Test
    void loops_twoLoops_runOnTheirOwnThreads() {
        ControlLoop a = time.newLoop("a");
        ControlLoop b = time.newLoop("b");

        assertThat(a.call(() -> Thread.currentThread().getName())).isEqualTo("ecs4j-a-loop");
        assertThat(b.call(() -> Thread.currentThread().getName())).isEqualTo("ecs4j-b-loop");
        assertThat(a.call(b::inLoop)).isFalse();
    }

    @Test
    void schedule_shortDelay_runsTheActionAfterTheDelay() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        Instant scheduledAt = time.clock().instant();
        AtomicReference<Instant> ranAt = new AtomicReference<>();

        time.schedule(Duration.ofMillis(30), () -> {
            ranAt.set(time.clock().instant());
            ran.countDown();
        });

        assertThat(ran.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(Duration.between(scheduledAt, ranAt.get())).isGreaterThanOrEqualTo(Duration.ofMillis(29));
    }

    @Test
    void schedule_zeroOrNegativeDelay_runsSoon() throws Exception {
        CountDownLatch ran = new CountDownLatch(2);

        time.schedule(Duration.ZERO, ran::countDown);
        time.schedule(Duration.ofSeconds(-1), ran::countDown);

        assertThat(ran.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void cancel_beforeTheDelay_preventsTheAction() throws Exception {
        AtomicBoolean cancelledRan = new AtomicBoolean();
        CountDownLatch later = new CountDownLatch(1);

        Cancellable timer = time.schedule(Duration.ofMillis(50), () -> cancelledRan.set(true));
        boolean cancelled = timer.cancel();
        time.schedule(Duration.ofMillis(100), later::countDown);

        assertThat(cancelled).isTrue();
        assertThat(later.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(cancelledRan).isFalse();
        assertThat(timer.cancel()).isFalse();
    }

    @Test
    void schedule_actionThrows_timerKeepsRunningLaterActions() throws Exception {
        CountDownLatch later = new CountDownLatch(1);

        time.schedule(Duration.ZERO, () -> {
            throw new IllegalStateException("expected in this test");
        });
        time.schedule(Duration.ofMillis(10), later::countDown);

        assertThat(later.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void close_always_refusesNewWorkAndIsIdempotent() {
        ControlLoop loop = time.newLoop("c");

        time.close();
        time.close();

        assertThatThrownBy(() -> loop.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
        assertThatThrownBy(() -> loop.call(() -> 1)).isInstanceOf(RejectedExecutionException.class);
        assertThatThrownBy(() -> time.newLoop("late")).isInstanceOf(RejectedExecutionException.class);
        assertThat(time.schedule(Duration.ZERO, () -> { }).cancel()).isFalse();
    }

    @Test
    void close_loopWhileACallerWaitsOnAQueuedCommand_releasesTheCallerWithRejectedExecutionException()
            throws Exception {
        ControlLoop loop = time.newLoop("c");
        CountDownLatch blockerRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        loop.execute(() -> {
            blockerRunning.countDown();
            try {
                release.await(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(blockerRunning.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                outcome.complete(loop.call(() -> "never"));
            } catch (RuntimeException e) {
                outcome.completeExceptionally(e);
            }
        }, "caller");
        caller.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (caller.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.onSpinWait(); // until the caller is parked behind the blocking command
        }

        loop.close();

        assertThatThrownBy(() -> outcome.get(WAIT_SECONDS, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(RejectedExecutionException.class);
        release.countDown();
    }
}
