package io.ecs4j.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class VirtualClockTest {

    private static final Instant T0 = VirtualClock.DEFAULT_START;

    private final VirtualClock clock = VirtualClock.create();
    private final List<String> log = new ArrayList<>();

    private Runnable record(String what) {
        return () -> log.add(what + "@" + Duration.between(T0, clock.instant()).toMillis());
    }

    @Nested
    class AsClock {

        @Test
        void create_always_startsAtDefaultStartInUtc() {
            assertThat(clock.instant()).isEqualTo(T0);
            assertThat(clock.millis()).isEqualTo(T0.toEpochMilli());
            assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
            assertThat(clock.clock()).isSameAs(clock);
        }

        @Test
        void startingAt_givenInstant_startsThere() {
            Instant start = Instant.parse("2030-06-01T12:00:00Z");

            assertThat(VirtualClock.startingAt(start).instant()).isEqualTo(start);
        }

        @Test
        void withZone_otherZone_sharesTheInstantAsTimeMoves() {
            var paris = clock.withZone(ZoneId.of("Europe/Paris"));

            clock.advance(Duration.ofMinutes(5));

            assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
            assertThat(paris.instant()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
            assertThat(paris.withZone(ZoneOffset.UTC).instant()).isEqualTo(clock.instant());
        }
    }

    @Nested
    class Timers {

        @Test
        void schedule_timeStandsStill_nothingFires() {
            clock.schedule(Duration.ofSeconds(1), record("a"));

            assertThat(log).isEmpty();
            assertThat(clock.pendingTimers()).isEqualTo(1);
            assertThat(clock.nextTimerDeadline()).contains(T0.plusSeconds(1));
        }

        @Test
        void advance_pastSeveralDeadlines_firesInDeadlineOrderAtTheirDeadlines() {
            clock.schedule(Duration.ofSeconds(3), record("c"));
            clock.schedule(Duration.ofSeconds(1), record("a"));
            clock.schedule(Duration.ofSeconds(2), record("b"));

            clock.advance(Duration.ofSeconds(10));

            assertThat(log).containsExactly("a@1000", "b@2000", "c@3000");
            assertThat(clock.instant()).isEqualTo(T0.plusSeconds(10));
            assertThat(clock.pendingTimers()).isZero();
        }

        @Test
        void advance_timersWithTheSameDeadline_fireInSchedulingOrder() {
            for (int i = 0; i < 5; i++) {
                clock.schedule(Duration.ofSeconds(1), record("t" + i));
            }

            clock.advance(Duration.ofSeconds(1));

            assertThat(log).containsExactly("t0@1000", "t1@1000", "t2@1000", "t3@1000", "t4@1000");
        }

        @Test
        void advance_stopsBeforeLaterDeadlines_leavesThemPending() {
            clock.schedule(Duration.ofSeconds(1), record("a"));
            clock.schedule(Duration.ofSeconds(5), record("b"));

            clock.advance(Duration.ofSeconds(4));

            assertThat(log).containsExactly("a@1000");
            assertThat(clock.nextTimerDeadline()).contains(T0.plusSeconds(5));
        }

        @Test
        void advance_deadlineExactlyAtTarget_fires() {
            clock.schedule(Duration.ofSeconds(2), record("a"));

            clock.advance(Duration.ofSeconds(2));

            assertThat(log).containsExactly("a@2000");
        }

        @Test
        void advance_timerSchedulesAnotherWithinTheWindow_firesItInTheSameAdvance() {
            clock.schedule(Duration.ofSeconds(2), () -> {
                log.add("first@" + Duration.between(T0, clock.instant()).toMillis());
                clock.schedule(Duration.ofSeconds(3), record("second"));
            });

            clock.advance(Duration.ofSeconds(10));

            assertThat(log).containsExactly("first@2000", "second@5000");
        }

        @Test
        void advance_negativeDuration_throwsIllegalArgumentException() {
            assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("negative");
        }

        @Test
        void advanceTo_futureInstant_firesDueTimersAndEndsThere() {
            clock.schedule(Duration.ofSeconds(1), record("a"));

            clock.advanceTo(T0.plusSeconds(30));

            assertThat(log).containsExactly("a@1000");
            assertThat(clock.instant()).isEqualTo(T0.plusSeconds(30));
        }

        @Test
        void advanceTo_pastInstant_throwsIllegalArgumentException() {
            clock.advance(Duration.ofSeconds(5));

            assertThatThrownBy(() -> clock.advanceTo(T0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("backwards");
        }

        @Test
        void schedule_zeroOrNegativeDelay_firesOnRunUntilIdleWithoutMovingTime() {
            clock.schedule(Duration.ZERO, record("zero"));
            clock.schedule(Duration.ofSeconds(-3), record("negative"));
            clock.schedule(Duration.ofMillis(1), record("later"));

            clock.runUntilIdle();

            assertThat(log).containsExactly("zero@0", "negative@0");
            assertThat(clock.instant()).isEqualTo(T0);
        }

        @Test
        void runUntilIdle_chainOfZeroDelayTimers_runsTheWholeChainNow() {
            AtomicInteger remaining = new AtomicInteger(100);
            Runnable[] step = new Runnable[1];
            step[0] = () -> {
                if (remaining.decrementAndGet() > 0) {
                    clock.schedule(Duration.ZERO, step[0]);
                }
            };
            clock.schedule(Duration.ZERO, step[0]);

            clock.runUntilIdle();

            assertThat(remaining).hasValue(0);
            assertThat(clock.instant()).isEqualTo(T0);
        }

        @Test
        void cancel_beforeDeadline_preventsFiringAndReturnsTrueOnce() {
            Cancellable timer = clock.schedule(Duration.ofSeconds(1), record("a"));
            clock.schedule(Duration.ofSeconds(2), record("b"));

            assertThat(timer.cancel()).isTrue();
            assertThat(timer.cancel()).isFalse();
            assertThat(clock.pendingTimers()).isEqualTo(1);
            assertThat(clock.nextTimerDeadline()).contains(T0.plusSeconds(2));
            clock.advance(Duration.ofSeconds(5));

            assertThat(log).containsExactly("b@2000");
        }

        @Test
        void cancel_afterFiring_returnsFalse() {
            Cancellable timer = clock.schedule(Duration.ofSeconds(1), record("a"));
            clock.advance(Duration.ofSeconds(1));

            assertThat(timer.cancel()).isFalse();
            assertThat(log).containsExactly("a@1000");
        }

        @Test
        void cancel_byAnEarlierTimerAtTheSameDeadline_preventsTheLaterOne() {
            Cancellable[] later = new Cancellable[1];
            clock.schedule(Duration.ofSeconds(1), () -> later[0].cancel());
            later[0] = clock.schedule(Duration.ofSeconds(1), record("later"));

            clock.advance(Duration.ofSeconds(1));

            assertThat(log).isEmpty();
        }

        @Test
        void nextTimerDeadline_noTimers_isEmpty() {
            assertThat(clock.nextTimerDeadline()).isEmpty();
            assertThat(clock.pendingTimers()).isZero();
        }

        @Test
        void cancel_mostTimers_theOthersStillFireInDeadlineOrder() {
            List<Cancellable> handles = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                handles.add(clock.schedule(Duration.ofSeconds(1000 - i), record("t" + i)));
            }
            for (int i = 0; i < 1000; i++) {
                if (i % 10 != 0) {
                    assertThat(handles.get(i).cancel()).isTrue();
                }
            }
            clock.schedule(Duration.ofSeconds(5000), record("last")); // cancelled ones are purged here

            assertThat(clock.pendingTimers()).isEqualTo(101);
            assertThat(clock.nextTimerDeadline()).contains(T0.plusSeconds(10));
            clock.advance(Duration.ofHours(2));

            List<String> expected = new ArrayList<>();
            for (int i = 990; i >= 0; i -= 10) {
                expected.add("t" + i + "@" + (1000 - i) * 1000);
            }
            expected.add("last@5000000");
            assertThat(log).containsExactlyElementsOf(expected);
            assertThat(handles.get(0).cancel()).isFalse();
            assertThat(handles.get(1).cancel()).isFalse();
        }
    }

    @Nested
    class AdvanceUntil {

        @Test
        void advanceUntil_conditionBecomesTrue_stopsAtThatTimer() {
            AtomicBoolean done = new AtomicBoolean();
            clock.schedule(Duration.ofSeconds(1), record("a"));
            clock.schedule(Duration.ofSeconds(2), () -> done.set(true));
            clock.schedule(Duration.ofSeconds(3), record("c"));

            boolean result = clock.advanceUntil(done::get, Duration.ofMinutes(1));

            assertThat(result).isTrue();
            assertThat(clock.instant()).isEqualTo(T0.plusSeconds(2));
            assertThat(log).containsExactly("a@1000");
            assertThat(clock.pendingTimers()).isEqualTo(1);
        }

        @Test
        void advanceUntil_timeoutPassesFirst_returnsFalseWithTimeAtTheTimeout() {
            clock.schedule(Duration.ofSeconds(1), record("a"));
            clock.schedule(Duration.ofSeconds(20), record("b"));

            boolean result = clock.advanceUntil(() -> false, Duration.ofSeconds(10));

            assertThat(result).isFalse();
            assertThat(clock.instant()).isEqualTo(T0.plusSeconds(10));
            assertThat(log).containsExactly("a@1000");
        }

        @Test
        void advanceUntil_noTimersAtAll_returnsFalseAtTheTimeout() {
            assertThat(clock.advanceUntil(() -> false, Duration.ofSeconds(3))).isFalse();
            assertThat(clock.instant()).isEqualTo(T0.plusSeconds(3));
        }

        @Test
        void advanceUntil_conditionAlreadyTrue_runsWorkDueNowButDoesNotMoveTime() {
            clock.schedule(Duration.ZERO, record("now"));
            clock.schedule(Duration.ofSeconds(1), record("later"));

            assertThat(clock.advanceUntil(() -> true, Duration.ofSeconds(5))).isTrue();

            assertThat(clock.instant()).isEqualTo(T0);
            assertThat(log).containsExactly("now@0");
        }

        @Test
        void advanceUntil_conditionMadeTrueByLoopCommand_seesItAfterTheTimersDrain() {
            ControlLoop loop = clock.newLoop("c");
            AtomicBoolean done = new AtomicBoolean();
            clock.schedule(Duration.ofSeconds(4), () -> loop.execute(() -> done.set(true)));

            assertThat(clock.advanceUntil(done::get, Duration.ofSeconds(10))).isTrue();
            assertThat(clock.instant()).isEqualTo(T0.plusSeconds(4));
        }
    }

    @Nested
    class Loops {

        private final ControlLoop loop = clock.newLoop("cluster");

        @Test
        void execute_timeNotDriven_doesNotRun() {
            loop.execute(() -> log.add("cmd"));

            assertThat(log).isEmpty();
            clock.runUntilIdle();
            assertThat(log).containsExactly("cmd");
        }

        @Test
        void execute_severalCommands_runInOrderGiven() {
            for (int i = 0; i < 5; i++) {
                int n = i;
                loop.execute(() -> log.add("c" + n));
            }

            clock.runUntilIdle();

            assertThat(log).containsExactly("c0", "c1", "c2", "c3", "c4");
        }

        @Test
        void advance_afterEachTimer_drainsLoopsBeforeTheNextTimer() {
            clock.schedule(Duration.ofSeconds(1), () -> loop.execute(record("cmd-of-a")));
            clock.schedule(Duration.ofSeconds(1), record("b"));
            clock.schedule(Duration.ofSeconds(2), record("c"));

            clock.advance(Duration.ofSeconds(2));

            assertThat(log).containsExactly("cmd-of-a@1000", "b@1000", "c@2000");
        }

        @Test
        void name_always_isTheGivenName() {
            assertThat(loop.name()).isEqualTo("cluster");
            assertThat(loop).hasToString("VirtualLoop[cluster]");
        }

        @Test
        void call_fromOutside_runsTheCommandAndReturnsItsResult() {
            String result = loop.call(() -> {
                assertThat(loop.inLoop()).isTrue();
                return "ok";
            });

            assertThat(result).isEqualTo("ok");
            assertThat(loop.inLoop()).isFalse();
        }

        @Test
        void call_withQueuedCommandsAndDueTimers_drainsQueuesButFiresNoTimer() {
            ControlLoop other = clock.newLoop("other");
            loop.execute(() -> log.add("queued-before"));
            other.execute(() -> log.add("queued-on-other"));
            clock.schedule(Duration.ZERO, () -> log.add("zero-delay-timer"));

            loop.call(() -> {
                log.add("call");
                loop.execute(() -> log.add("queued-by-call"));
                return null;
            });

            // loops drain one after the other, in creation order, each until empty
            assertThat(log).containsExactly("queued-before", "call", "queued-by-call", "queued-on-other");
            assertThat(clock.pendingTimers()).isEqualTo(1);
            clock.runUntilIdle();
            assertThat(log).endsWith("zero-delay-timer");
        }

        @Test
        void call_fromInsideACommand_runsInlineOnTheCalledLoop() {
            ControlLoop other = clock.newLoop("other");
            List<String> seen = new ArrayList<>();

            String result = loop.call(() -> {
                String inner = other.call(() -> {
                    seen.add("other.inLoop=" + other.inLoop() + " loop.inLoop=" + loop.inLoop());
                    return loop.call(() -> "nested");
                });
                seen.add("back: loop.inLoop=" + loop.inLoop() + " other.inLoop=" + other.inLoop());
                return inner;
            });

            assertThat(result).isEqualTo("nested");
            assertThat(seen).containsExactly("other.inLoop=true loop.inLoop=false",
                    "back: loop.inLoop=true other.inLoop=false");
        }

        @Test
        void execute_fromInsideACommand_runsAfterTheCurrentCommand() {
            clock.schedule(Duration.ZERO, () -> loop.execute(() -> {
                loop.execute(() -> log.add("second"));
                log.add("first");
            }));

            clock.runUntilIdle();

            assertThat(log).containsExactly("first", "second");
        }

        @Test
        void call_fromInsideATimerAction_runsAndDrains() {
            clock.schedule(Duration.ofSeconds(1), () -> log.add(loop.call(() -> "called@" + clock.millis())));

            clock.advance(Duration.ofSeconds(1));

            assertThat(log).containsExactly("called@" + T0.plusSeconds(1).toEpochMilli());
        }

        @Test
        void call_commandThrows_rethrowsTheSameExceptionUnwrapped() {
            IllegalArgumentException boom = new IllegalArgumentException("bad input");

            assertThatThrownBy(() -> loop.call(() -> {
                throw boom;
            })).isSameAs(boom);
            // the failure was the caller's and is not reported again
            clock.runUntilIdle();
        }

        @Test
        void call_commandThrowsWhileAnotherCommandAlsoFailed_ownExceptionWinsWithTheOtherSuppressed() {
            RuntimeException other = new RuntimeException("other");
            IllegalArgumentException own = new IllegalArgumentException("own");
            loop.execute(() -> {
                throw other;
            });

            assertThatThrownBy(() -> loop.call(() -> {
                throw own;
            })).isSameAs(own);
            assertThat(own.getSuppressed()).singleElement()
                    .isInstanceOf(IllegalStateException.class)
                    .extracting(Throwable::getCause).isSameAs(other);
        }

        @Test
        void call_anotherQueuedCommandFails_throwsIllegalStateExceptionAfterDraining() {
            RuntimeException boom = new RuntimeException("boom");
            loop.execute(() -> {
                throw boom;
            });
            loop.execute(() -> log.add("still runs"));

            assertThatThrownBy(() -> loop.call(() -> "result"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("bug:")
                    .hasCause(boom);
            assertThat(log).containsExactly("still runs");
        }

        @Test
        void runUntilIdle_commandFails_throwsIllegalStateExceptionOnceAfterDraining() {
            RuntimeException boom = new RuntimeException("boom");
            loop.execute(() -> {
                throw boom;
            });
            loop.execute(() -> log.add("after"));

            assertThatThrownBy(clock::runUntilIdle).isInstanceOf(IllegalStateException.class).hasCause(boom);
            assertThat(log).containsExactly("after");
            clock.runUntilIdle(); // reported once only
        }

        @Test
        void advance_timerActionFails_firesTheRemainingTimersThenThrowsWithAllFailures() {
            RuntimeException first = new RuntimeException("first");
            RuntimeException second = new RuntimeException("second");
            clock.schedule(Duration.ofSeconds(1), () -> {
                throw first;
            });
            clock.schedule(Duration.ofSeconds(2), () -> loop.execute(() -> {
                throw second;
            }));
            clock.schedule(Duration.ofSeconds(3), record("later"));

            assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(5)))
                    .isInstanceOf(IllegalStateException.class)
                    .cause().isSameAs(first)
                    .satisfies(cause -> assertThat(cause.getSuppressed()).containsExactly(second));
            assertThat(log).containsExactly("later@3000");
            assertThat(clock.instant()).isEqualTo(T0.plusSeconds(5));
        }

        @Test
        void advanceUntil_commandFails_throwsIllegalStateException() {
            RuntimeException boom = new RuntimeException("boom");
            clock.schedule(Duration.ofSeconds(1), () -> loop.execute(() -> {
                throw boom;
            }));

            assertThatThrownBy(() -> clock.advanceUntil(() -> false, Duration.ofSeconds(5)))
                    .isInstanceOf(IllegalStateException.class).hasCause(boom);
        }

        @Test
        void close_loop_rejectsNewCommandsOnThatLoopOnly() {
            ControlLoop other = clock.newLoop("other");
            loop.execute(() -> log.add("dropped"));

            loop.close();
            loop.close();

            assertThatThrownBy(() -> loop.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
            assertThatThrownBy(() -> loop.call(() -> 1)).isInstanceOf(RejectedExecutionException.class);
            assertThat(other.call(() -> 2)).isEqualTo(2);
            clock.runUntilIdle();
            assertThat(log).isEmpty();
        }

        @Test
        void call_loopClosedByAnEarlierQueuedCommand_throwsRejectedExecutionException() {
            loop.execute(loop::close);

            assertThatThrownBy(() -> loop.call(() -> "never")).isInstanceOf(RejectedExecutionException.class);
        }
    }

    @Nested
    class Close {

        @Test
        void close_withPendingTimersAndCommands_dropsThemAndRefusesNewWork() {
            ControlLoop loop = clock.newLoop("cluster");
            clock.schedule(Duration.ofSeconds(1), record("timer"));
            loop.execute(() -> log.add("command"));

            clock.close();
            clock.close();

            assertThat(clock.pendingTimers()).isZero();
            assertThatThrownBy(() -> loop.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
            assertThatThrownBy(() -> loop.call(() -> 1)).isInstanceOf(RejectedExecutionException.class);
            assertThatThrownBy(() -> clock.newLoop("late")).isInstanceOf(RejectedExecutionException.class);
            clock.advance(Duration.ofSeconds(5));
            assertThat(log).isEmpty();
        }

        @Test
        void schedule_afterClose_neverFiresAndCannotBeCancelled() {
            clock.close();

            Cancellable late = clock.schedule(Duration.ZERO, record("late"));
            clock.advance(Duration.ofSeconds(1));

            assertThat(log).isEmpty();
            assertThat(late.cancel()).isFalse();
            assertThat(clock.pendingTimers()).isZero();
        }
    }

    @Nested
    class Concurrency {

        @Test
        void callScheduleAndAdvance_fromSeveralThreads_runEveryCommandAndTimerOnceAndSerially() throws Exception {
            ControlLoop loop = clock.newLoop("shared");
            int[] loopConfinedCounter = {0}; // deliberately not thread-safe: only loop commands touch it
            AtomicInteger fired = new AtomicInteger();
            int threads = 4;
            int perThread = 500;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    futures.add(pool.submit(() -> {
                        for (int i = 0; i < perThread; i++) {
                            loop.call(() -> loopConfinedCounter[0]++);
                            loop.execute(() -> loopConfinedCounter[0]++);
                            clock.schedule(Duration.ofMillis(i % 7), fired::incrementAndGet);
                            if (i % 50 == 0) {
                                clock.advance(Duration.ofMillis(1));
                            }
                        }
                    }));
                }
                for (Future<?> future : futures) {
                    future.get(30, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }

            clock.advance(Duration.ofSeconds(1));

            assertThat(loop.call(() -> loopConfinedCounter[0])).isEqualTo(2 * threads * perThread);
            assertThat(fired).hasValue(threads * perThread);
        }

        @Test
        void cancel_racingWithTheDriver_returnsTrueExactlyForTheTimersThatDidNotRun() throws Exception {
            int n = 5_000;
            AtomicIntegerArray ran = new AtomicIntegerArray(n);
            AtomicIntegerArray cancelled = new AtomicIntegerArray(n);
            Cancellable[] timers = new Cancellable[n];
            for (int i = 0; i < n; i++) {
                int index = i;
                timers[i] = clock.schedule(Duration.ofNanos(i), () -> ran.set(index, 1));
            }
            Thread canceller = new Thread(() -> {
                for (int i = n - 1; i >= 0; i--) {
                    cancelled.set(i, timers[i].cancel() ? 1 : 0);
                }
            });

            canceller.start();
            clock.advance(Duration.ofMillis(1));
            canceller.join(30_000);

            assertThat(canceller.isAlive()).isFalse();
            for (int i = 0; i < n; i++) {
                assertThat(ran.get(i) + cancelled.get(i)).as("timer %d ran or was cancelled, not both", i).isEqualTo(1);
            }
        }
    }
}
