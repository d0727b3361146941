package io.ecs4j.junit;

import io.ecs4j.LocalEcs;
import io.ecs4j.time.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Lets virtual time pass for code that polls ECS through the AWS SDK: when a read call <em>repeats</em> a read already
 * answered since the state last changed, the caller is waiting for something to happen, so the interceptor first moves
 * the {@link VirtualClock}, timer by timer, to the next change of state.
 *
 * <h2>The rule</h2>
 * <ul>
 *   <li>Read calls are the operations named {@code Describe*}, {@code List*} and {@code Get*}; all others are writes.
 *       A write makes the next reads first observations again.</li>
 *   <li>A read is a <em>repeat</em> when an equal request (same operation, same parameters) was already answered
 *       since the last change of state (any task, container instance or service change of the {@code LocalEcs},
 *       whoever caused it) or the last write through this client.</li>
 *   <li>Before a repeat is sent, the clock runs what is due now, then fires its timers in deadline order until one of
 *       them changes the state, or no timer is due within {@link #maxSkip()} of virtual time (then time stays at the
 *       last timer fired). Without pending timers nothing can change any more and time does not move.</li>
 * </ul>
 * So a read right after a write sees the state as of that write (a new task is still {@code PENDING}, as ECS would
 * show it), and every further poll of the same thing sees the next change: a polling loop, or an SDK waiter with a
 * short backoff ({@code WaiterOverrideConfiguration.builder().backoffStrategyV2(BackoffStrategy.fixedDelay(...))}),
 * walks through a deployment one change per call, deterministically, in milliseconds of wall time. A loop that never
 * repeats a request (for example one that asks for a growing list of tasks each time) is not recognised as waiting.
 *
 * <p>The {@code EcsClient} that {@link LocalEcsExtension} injects has this interceptor on a virtual clock; add it to
 * clients of your own with {@code ClientOverrideConfiguration.builder().addExecutionInterceptor(...)}.
 *
 * <p>Thread-safe; the clock is moved by the calling thread, before the request is sent. Close it to stop listening to
 * the {@code LocalEcs}.
 */
public final class TimeSkippingInterceptor implements ExecutionInterceptor, AutoCloseable {
    /** The default bound of one skip: one hour of virtual time. */
    public static final Duration DEFAULT_MAX_SKIP = Duration.ofHours(1);

    private final VirtualClock clock;
    private final Duration maxSkip;
    private final AtomicLong changes = new AtomicLong();
    private final AutoCloseable subscription;
    private final Set<SdkRequest> answered = new HashSet<>();
    private long answeredAtChange = -1;
    private long skips;

    private TimeSkippingInterceptor(LocalEcs ecs, VirtualClock clock, Duration maxSkip) {
        this.clock = clock;
        this.maxSkip = maxSkip;
        this.subscription = ecs.subscribe(event -> changes.incrementAndGet());
    }

    /**
     * An interceptor for {@code ecs}, with {@link #DEFAULT_MAX_SKIP}.
     *
     * @throws IllegalArgumentException if {@code ecs} does not run on a {@link VirtualClock}
     */
    public static TimeSkippingInterceptor create(LocalEcs ecs) {
        return create(ecs, DEFAULT_MAX_SKIP);
    }

    /**
     * An interceptor for {@code ecs} that moves the clock at most {@code maxSkip} ahead per repeated read.
     *
     * @throws IllegalArgumentException if {@code ecs} does not run on a {@link VirtualClock}, or {@code maxSkip} is not
     *                                  positive
     */
    public static TimeSkippingInterceptor create(LocalEcs ecs, Duration maxSkip) {
        Objects.requireNonNull(ecs, "ecs");
        Objects.requireNonNull(maxSkip, "maxSkip");
        if (maxSkip.isNegative() || maxSkip.isZero()) {
            throw new IllegalArgumentException("maxSkip must be positive: " + maxSkip);
        }
        if (!(ecs.timeSource() instanceof VirtualClock clock)) {
            throw new IllegalArgumentException("time skipping needs a LocalEcs on a VirtualClock; this one runs on "
                    + ecs.timeSource());
        }
        return new TimeSkippingInterceptor(ecs, clock, maxSkip);
    }

    /** The bound of one skip. */
    public Duration maxSkip() {
        return maxSkip;
    }

    /** How many repeated reads moved the clock so far. */
    public synchronized long skips() {
        return skips;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
        String operation = executionAttributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        SdkRequest request = context.request();
        synchronized (this) {
            if (!isRead(operation)) {
                answered.clear();
                return;
            }
            long now = changes.get();
            if (now != answeredAtChange) {
                answered.clear();
                answeredAtChange = now;
            }
            if (answered.add(request)) {
                return; // a first observation of this state
            }
            skipToNextChange();
            skips++;
            answered.clear();
            answeredAtChange = changes.get();
            answered.add(request);
        }
    }

    static boolean isRead(String operation) {
        return operation != null
                && (operation.startsWith("Describe") || operation.startsWith("List") || operation.startsWith("Get"));
    }

    /** Fires timers until the state changes, at most {@code maxSkip} ahead. */
    private void skipToNextChange() {
        long before = changes.get();
        clock.runUntilIdle();
        Instant limit = clock.instant().plus(maxSkip);
        while (changes.get() == before) {
            Optional<Instant> next = clock.nextTimerDeadline();
            if (next.isEmpty() || next.get().isAfter(limit)) {
                return;
            }
            Duration step = Duration.between(clock.instant(), next.get());
            clock.advance(step.isNegative() ? Duration.ZERO : step);
        }
    }

    /** Stops listening to the {@code LocalEcs}. Idempotent. */
    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            throw new IllegalStateException("unsubscribing from the LocalEcs failed", e);
        }
    }
}
