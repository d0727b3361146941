package io.ecs4j.docker.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import java.io.Closeable;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Docker's event stream, filtered to ecs4j's containers and to the actions the runtime reports. When the stream drops
 * (the daemon restarted, the connection broke), it reconnects with {@code since} set to the last event seen, so Docker
 * replays what was missed, and then asks the runtime to reconcile.
 */
final class EventStream implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
    private static final long MAX_BACKOFF_MS = 5_000;

    private final DockerClient docker;
    private final Map<String, String> labelFilter;
    private final Consumer<Event> sink;
    private final Runnable afterReconnect;
    private final ScheduledExecutorService timers;
    private final CountDownLatch firstConnect = new CountDownLatch(1);
    private volatile long lastNanos;
    private volatile boolean closed;
    private volatile Subscription current;
    private long backoffMs = 100;

    EventStream(DockerClient docker, Map<String, String> labelFilter, Consumer<Event> sink, Runnable afterReconnect,
                ScheduledExecutorService timers) {
        this.docker = docker;
        this.labelFilter = labelFilter;
        this.sink = sink;
        this.afterReconnect = afterReconnect;
        this.timers = timers;
    }

    void open(Instant since) {
        lastNanos = since.getEpochSecond() * 1_000_000_000L + since.getNano();
        subscribe(false);
    }

    boolean awaitConnected(Duration timeout) throws InterruptedException {
        return firstConnect.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void subscribe(boolean reconnect) {
        if (closed) {
            return;
        }
        Subscription s = new Subscription(reconnect);
        current = s;
        try {
            docker.eventsCmd()
                    .withEventTypeFilter(EventType.CONTAINER)
                    .withEventFilter("start", "die", "oom", "health_status")
                    .withLabelFilter(labelFilter)
                    .withSince(sinceParameter(lastNanos))
                    .exec(s);
        } catch (RuntimeException e) {
            s.onError(e);
        }
    }

    /** Docker takes {@code since} as {@code <seconds>.<nanoseconds>}. */
    static String sinceParameter(long epochNanos) {
        return (epochNanos / 1_000_000_000L) + "." + String.format("%09d", epochNanos % 1_000_000_000L);
    }

    private void reconnectLater() {
        if (closed) {
            return;
        }
        long delay;
        synchronized (this) {
            delay = backoffMs;
            backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
        }
        try {
            timers.schedule(() -> subscribe(true), delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    @Override
    public void close() {
        closed = true;
        Subscription s = current;
        if (s != null) {
            s.closeQuietly();
        }
    }

    private final class Subscription extends ResultCallback.Adapter<Event> {
        private final boolean reconnect;
        private volatile boolean ended;

        Subscription(boolean reconnect) {
            this.reconnect = reconnect;
        }

        @Override
        public void onStart(Closeable stream) {
            super.onStart(stream);
            synchronized (EventStream.this) {
                backoffMs = 100;
            }
            firstConnect.countDown();
            if (reconnect) {
                LOG.info("Docker event stream reconnected");
                afterReconnect.run();
            }
        }

        @Override
        public void onNext(Event event) {
            if (event.getTimeNano() != null) {
                lastNanos = Math.max(lastNanos, event.getTimeNano());
            }
            try {
                sink.accept(event);
            } catch (RuntimeException e) {
                LOG.error("bug: handling Docker event {} failed", event, e);
            }
        }

        @Override
        public void onError(Throwable error) {
            end("failed: " + error.getMessage());
        }

        @Override
        public void onComplete() {
            end("ended");
        }

        private void end(String why) {
            if (ended) {
                return;
            }
            ended = true;
            closeQuietly();
            if (!closed) {
                LOG.warn("Docker event stream {}; reconnecting", why);
                reconnectLater();
            }
        }

        void closeQuietly() {
            try {
                super.close();
            } catch (java.io.IOException | RuntimeException e) {
                LOG.debug("closing the event stream: {}", e.getMessage());
            }
        }
    }
}
