package io.ecs4j.junit;

import io.ecs4j.LocalEcs;
import io.ecs4j.model.Deployment;
import io.ecs4j.model.EcsEvent;
import io.ecs4j.model.DeploymentCircuitBreaker;
import io.ecs4j.model.DesiredStatus;
import io.ecs4j.model.RolloutState;
import io.ecs4j.model.Service;
import io.ecs4j.model.ServiceActionType;
import io.ecs4j.model.ServiceStatus;
import io.ecs4j.model.Task;
import io.ecs4j.model.TaskStatus;
import io.ecs4j.time.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/**
 * Waits until something holds in a {@link LocalEcs}: a service in a steady state, tasks running or stopped, a
 * deployment rolled out, any condition. Injected by {@link LocalEcsExtension}; {@link #on(LocalEcs)} makes one for any
 * {@code LocalEcs}.
 *
 * <p>On a {@link VirtualClock} a wait <em>advances virtual time</em>, timer by timer (each timer's consequences
 * happen at its deadline), checking the condition after each step, until it holds or the timeout of virtual time has
 * passed: deterministic, and milliseconds of wall time for minutes of ECS time. When the condition holds, time stands
 * at the instant it began to hold. In real time (the Docker runtime) a wait polls every 20 ms, up to the timeout of
 * wall time.
 *
 * <p>A wait that cannot succeed fails with an {@link AssertionError} (a test failure) whose message shows what it
 * waited for and the service's state: its deployments, its event timeline (oldest first) and its tasks, with stop
 * codes, reasons and exit codes. A wait also fails early when the outcome became impossible (a task it waits to run
 * has stopped; the deployment of a service without rollback failed; the service was deleted) and, on a virtual clock,
 * tells when no timer was pending any more (nothing could ever change without the test acting).
 *
 * {@snippet :
 * ecs.updateService(UpdateServiceRequest.builder("prod", "web").taskDefinition("web:2").build());
 * Service web = wait.untilSteadyState("prod", "web");           // the whole rolling update, in virtual time
 * assertThat(web).hasTaskDefinition("web:2").hasRunningCount(3);
 * }
 *
 * <p>Immutable and thread-safe; on a virtual clock, waits of several threads are served one at a time.
 */
public final class EcsWait {
    /** The default timeout on a virtual clock: 30 minutes of virtual time. */
    public static final Duration DEFAULT_VIRTUAL_TIMEOUT = Duration.ofMinutes(30);
    /** The default timeout in real time: 2 minutes. */
    public static final Duration DEFAULT_REAL_TIMEOUT = Duration.ofMinutes(2);
    private static final long POLL_MILLIS = 20;

    private final LocalEcs ecs;
    private final Duration timeout;

    private EcsWait(LocalEcs ecs, Duration timeout) {
        this.ecs = ecs;
        this.timeout = timeout;
    }

    /** Waits on {@code ecs}, with the default timeout for its time source. */
    public static EcsWait on(LocalEcs ecs) {
        Objects.requireNonNull(ecs, "ecs");
        return new EcsWait(ecs, ecs.timeSource() instanceof VirtualClock ? DEFAULT_VIRTUAL_TIMEOUT
                : DEFAULT_REAL_TIMEOUT);
    }

    /** The same waits with another timeout (virtual time on a virtual clock, wall time otherwise). */
    public EcsWait withTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        return new EcsWait(ecs, timeout);
    }

    /** The timeout of each wait. */
    public Duration timeout() {
        return timeout;
    }

    // ------------------------------------------------------------------ services

    /**
     * Waits until the service is in a steady state, as ECS's {@code services-stable} waiter means it - ACTIVE, one
     * deployment, as many running tasks as desired - with that deployment's rollout COMPLETED.
     *
     * @return the service at that moment
     * @throws AssertionError on timeout, or early when the service does not exist, is no longer ACTIVE, or its
     *                        deployment failed and the circuit breaker does not roll back
     */
    public Service untilSteadyState(String cluster, String service) {
        return await("service " + service + " (cluster " + cluster + ") to reach a steady state", () -> {
            Optional<Service> found = ecs.findService(cluster, service);
            if (found.isEmpty()) {
                return Outcome.impossible("the service does not exist");
            }
            Service s = found.get();
            if (s.status() != ServiceStatus.ACTIVE) {
                return Outcome.impossible("the service is " + s.status());
            }
            Deployment primary = s.primaryDeployment();
            if (primary != null && primary.rolloutState() == RolloutState.FAILED && !rollsBack(s)) {
                return Outcome.impossible("its deployment " + primary.id() + " failed ("
                        + primary.rolloutStateReason() + ") and the circuit breaker does not roll back");
            }
            boolean completed = primary != null
                    && (primary.rolloutState() == null || primary.rolloutState() == RolloutState.COMPLETED);
            return s.isStable() && completed ? Outcome.done(s) : Outcome.pending();
        }, () -> Report.service(ecs, cluster, service));
    }

    /**
     * Waits until the service's deployment {@code deploymentId} reaches {@code state} (for example FAILED, when a
     * circuit breaker trips). A state the deployment passes through within one instant is seen too - a failed
     * deployment that is rolled back, and whose tasks all stop at once, may leave the service's deployments in the same
     * instant - because the wait also listens to the service's deployment events while it runs.
     *
     * @return the deployment as it was when it reached {@code state} (for a deployment that left the service in the
     *         same instant: as last seen, with the state, reason and time of the event)
     * @throws AssertionError on timeout, or early when the deployment reached the other final state or is gone
     */
    public Deployment untilRolloutState(String cluster, String service, String deploymentId, RolloutState state) {
        Objects.requireNonNull(state, "state");
        AtomicReference<Deployment> lastSeen = new AtomicReference<>();
        AtomicReference<Deployment> reached = new AtomicReference<>();
        AtomicReference<String> otherEnd = new AtomicReference<>();
        AutoCloseable subscription = ecs.subscribe(event -> {
            if (!(event instanceof EcsEvent.ServiceAction action) || !deploymentId.equals(action.deploymentId())) {
                return;
            }
            find(action.service(), deploymentId).ifPresent(lastSeen::set);
            RolloutState ended = action.type() == ServiceActionType.SERVICE_DEPLOYMENT_FAILED ? RolloutState.FAILED
                    : action.type() == ServiceActionType.SERVICE_DEPLOYMENT_COMPLETED ? RolloutState.COMPLETED : null;
            if (ended == state && lastSeen.get() != null) {
                reached.compareAndSet(null, lastSeen.get().toBuilder().rolloutState(ended)
                        .rolloutStateReason(action.reason()).updatedAt(action.time()).build());
            } else if (ended != null && ended != state) {
                otherEnd.compareAndSet(null, ended + " (" + action.reason() + ")");
            }
        });
        try {
            return await("deployment " + deploymentId + " of service " + service + " (cluster " + cluster
                    + ") to be " + state, () -> {
                Optional<Service> found = ecs.findService(cluster, service);
                Optional<Deployment> d = found.flatMap(s -> find(s, deploymentId));
                if (d.isPresent() && d.get().rolloutState() == state) {
                    return Outcome.done(d.get());
                }
                if (reached.get() != null) {
                    return Outcome.done(reached.get());
                }
                if (otherEnd.get() != null) {
                    return Outcome.impossible("it is " + otherEnd.get());
                }
                if (found.isEmpty()) {
                    return Outcome.impossible("the service does not exist");
                }
                if (d.isEmpty()) {
                    return Outcome.impossible("the service has no deployment " + deploymentId + " (any more)");
                }
                lastSeen.set(d.get());
                if (d.get().rolloutState() != null && d.get().rolloutState() != RolloutState.IN_PROGRESS) {
                    return Outcome.impossible("it is " + d.get().rolloutState() + (d.get().rolloutStateReason() == null
                            ? "" : " (" + d.get().rolloutStateReason() + ")"));
                }
                return Outcome.pending();
            }, () -> Report.service(ecs, cluster, service));
        } finally {
            closeQuietly(subscription);
        }
    }

    private static Optional<Deployment> find(Service s, String deploymentId) {
        return s.deployments().stream().filter(x -> x.id().equals(deploymentId)).findFirst();
    }

    private static void closeQuietly(AutoCloseable subscription) {
        try {
            subscription.close();
        } catch (Exception e) {
            throw new IllegalStateException("unsubscribing from the LocalEcs failed", e);
        }
    }

    private static boolean rollsBack(Service s) {
        DeploymentCircuitBreaker breaker = s.deploymentConfiguration() == null ? null
                : s.deploymentConfiguration().deploymentCircuitBreaker();
        return breaker != null && breaker.enable() && breaker.rollback();
    }

    // ------------------------------------------------------------------ tasks

    /**
     * Waits until every task is RUNNING.
     *
     * @param tasks task ids or ARNs
     * @return the tasks at that moment, in the order given
     * @throws AssertionError on timeout, or early when one of them stopped or is stopping, or does not exist
     */
    public List<Task> untilTasksRunning(String cluster, String... tasks) {
        List<String> ids = List.copyOf(Arrays.asList(tasks));
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("no task to wait for");
        }
        return await(ids.size() == 1 ? "task " + ids.get(0) + " (cluster " + cluster + ") to be RUNNING"
                : ids.size() + " tasks (cluster " + cluster + ") to be RUNNING", () -> {
            List<Task> seen = new ArrayList<>(ids.size());
            boolean all = true;
            for (String id : ids) {
                Optional<Task> t = ecs.findTask(cluster, id);
                if (t.isEmpty()) {
                    return Outcome.impossible("task " + id + " does not exist");
                }
                Task task = t.get();
                if (task.lastStatus() == TaskStatus.STOPPED || task.desiredStatus() != DesiredStatus.RUNNING) {
                    return Outcome.impossible("task " + task.taskId() + " is " + task.lastStatus() + " (desired "
                            + task.desiredStatus() + "): " + task.stopCode() + ": " + task.stoppedReason());
                }
                all &= task.lastStatus() == TaskStatus.RUNNING;
                seen.add(task);
            }
            return all ? Outcome.done(List.copyOf(seen)) : Outcome.pending();
        }, () -> tasksReport(cluster, ids));
    }

    /** Waits until every task (for example those of a {@code RunTaskResult}) is RUNNING; see the other overload. */
    public List<Task> untilTasksRunning(List<Task> tasks) {
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("no task to wait for");
        }
        String cluster = tasks.get(0).clusterArn().clusterName();
        return untilTasksRunning(cluster, tasks.stream().map(Task::taskId).toArray(String[]::new));
    }

    /**
     * Waits until the task is STOPPED.
     *
     * @param task a task id or ARN
     * @return the task at that moment
     * @throws AssertionError on timeout, or early when the task does not exist
     */
    public Task untilTaskStopped(String cluster, String task) {
        return await("task " + task + " (cluster " + cluster + ") to be STOPPED", () -> {
            Optional<Task> t = ecs.findTask(cluster, task);
            if (t.isEmpty()) {
                return Outcome.impossible("the task does not exist");
            }
            return t.get().lastStatus() == TaskStatus.STOPPED ? Outcome.done(t.get()) : Outcome.pending();
        }, () -> tasksReport(cluster, List.of(task)));
    }

    /** Waits until the task is STOPPED; see the other overload. */
    public Task untilTaskStopped(Task task) {
        return untilTaskStopped(task.clusterArn().clusterName(), task.taskId());
    }

    private String tasksReport(String cluster, List<String> ids) {
        StringBuilder out = new StringBuilder("tasks:\n");
        for (String id : ids) {
            out.append("  ").append(ecs.findTask(cluster, id).map(Report::task).orElse(id + "  (no such task)"))
                    .append('\n');
        }
        // the service the first task belongs to, if any, for its events
        ecs.findTask(cluster, ids.get(0)).map(Task::group).filter(g -> g != null && g.startsWith("service:"))
                .ifPresent(g -> out.append(Report.service(ecs, cluster, g.substring("service:".length()))));
        return out.toString();
    }

    // ------------------------------------------------------------------ general

    /**
     * Waits until {@code condition} holds.
     *
     * @param description what is awaited, for the failure message ("the web service to have 2 tasks in us-east-1a")
     * @throws AssertionError on timeout; the message shows every service's state
     */
    public void until(String description, BooleanSupplier condition) {
        Objects.requireNonNull(condition, "condition");
        await(description, () -> condition.getAsBoolean() ? Outcome.done(Boolean.TRUE) : Outcome.pending(),
                () -> Report.everything(ecs));
    }

    /**
     * Waits until the value {@code probe} returns satisfies {@code condition}, and returns that value.
     * {@snippet :
     * Task replacement = wait.until("a replacement task to run",
     *         () -> runningTasks(ecs, "web"), tasks -> tasks.size() == 3);
     * }
     *
     * @throws AssertionError on timeout, showing the last value seen and every service's state
     */
    public <T> T until(String description, Supplier<T> probe, Predicate<? super T> condition) {
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(condition, "condition");
        Object[] last = new Object[1];
        return await(description, () -> {
            T value = probe.get();
            last[0] = value;
            return condition.test(value) ? Outcome.done(value) : Outcome.pending();
        }, () -> "last value: " + last[0] + "\n" + Report.everything(ecs));
    }

    // ------------------------------------------------------------------ internals

    /** What a probe found: the value (done), why it can never be done (impossible), or neither (pending). */
    private record Outcome<T>(boolean done, T value, String impossible) {
        static <T> Outcome<T> done(T value) {
            return new Outcome<>(true, value, null);
        }

        static <T> Outcome<T> impossible(String why) {
            return new Outcome<>(false, null, why);
        }

        static <T> Outcome<T> pending() {
            return new Outcome<>(false, null, null);
        }

        boolean finished() {
            return done || impossible != null;
        }
    }

    private <T> T await(String what, Supplier<Outcome<T>> probe, Supplier<String> report) {
        List<Outcome<T>> last = new ArrayList<>(1);
        last.add(Outcome.pending());
        Supplier<String> waited; // text for a failure only: formatting loads java.time.format, slow at a cold start
        String hint = "";
        if (ecs.timeSource() instanceof VirtualClock clock) {
            Instant start = clock.instant();
            clock.advanceUntil(() -> {
                last.set(0, probe.get());
                return last.get(0).finished();
            }, timeout);
            Instant end = clock.instant();
            waited = () -> Report.duration(Duration.between(start, end)) + " of virtual time ("
                    + Report.time(start) + " to " + Report.time(end) + ")";
            if (!last.get(0).finished()) {
                Optional<Instant> next = clock.nextTimerDeadline();
                if (next.isEmpty()) {
                    hint = "No timer is pending: nothing will change any more unless the test acts.\n";
                } else if (Duration.between(clock.instant(), next.get()).compareTo(timeout) > 0) {
                    // e.g. only steady services' 6-hourly steady-state events are scheduled
                    hint = "Nothing is due before " + Report.time(next.get()) + " (in "
                            + Report.duration(Duration.between(clock.instant(), next.get()))
                            + "): nothing will change before then unless the test acts.\n";
                }
            }
        } else {
            long begin = System.nanoTime();
            long deadline = begin + timeout.toNanos();
            while (true) {
                last.set(0, probe.get());
                if (last.get(0).finished() || System.nanoTime() - deadline > 0) {
                    break;
                }
                sleep(what);
            }
            long elapsed = System.nanoTime() - begin;
            waited = () -> Report.duration(Duration.ofNanos(elapsed)) + " of real time";
        }
        Outcome<T> outcome = last.get(0);
        if (outcome.done()) {
            return outcome.value();
        }
        String headline = outcome.impossible() != null
                ? "Gave up waiting for " + what + " after " + waited.get() + ": " + outcome.impossible() + ".\n"
                : "Timed out waiting for " + what + ": it did not happen within " + waited.get() + ".\n";
        throw new AssertionFailedError(headline + hint + safely(report));
    }

    private static String safely(Supplier<String> report) {
        try {
            return report.get();
        } catch (RuntimeException e) {
            return "(could not describe the state: " + e + ")";
        }
    }

    private static void sleep(String what) {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionFailedError("interrupted while waiting for " + what);
        }
    }
}
