package io.ecs4j.internal.reconcile;

import io.ecs4j.model.RolloutState;
import io.ecs4j.model.SchedulingStrategy;
import io.ecs4j.model.ServiceStatus;
import io.ecs4j.model.TaskStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The service scheduler's decisions: a pure, level-based function from what a service should be and what is observed
 * to a {@link Plan}. It keeps no state and reads no clock; the same inputs always give the same plan, so it is
 * re-run after every change (and at the plan's {@code wakeAt}) until it plans nothing.
 *
 * <p>REPLICA services follow the rolling-update rules of ecs-semantics §5.3–5.5 ({@link ReplicaPlanner}); DAEMON
 * services those of §5.6 ({@link DaemonPlanner}). Shared here: deleted services, the circuit breaker, and the first
 * sighting of healthy tasks.
 */
public final class Reconciler {
    private Reconciler() {
    }

    /** The plan for one service at {@code now}. */
    public static Plan reconcile(DesiredService desired, Observed observed, Instant now) {
        PlanBuilder plan = new PlanBuilder(now);
        if (desired.status() != ServiceStatus.ACTIVE) {
            drain(observed, plan);
            return plan.build();
        }
        if (circuitBreakerTrips(desired)) {
            plan.add(new Action.FailDeployment(desired.primary().id()));
            if (desired.circuitBreaker().rollback() && desired.canRollBack() && !desired.primary().rollback()) {
                plan.add(new Action.Rollback());
            }
            return plan.build();
        }
        if (desired.schedulingStrategy() == SchedulingStrategy.DAEMON) {
            markHealthy(desired, observed, now, plan);
            DaemonPlanner.plan(desired, observed, now, plan);
        } else {
            ReplicaPlanner.plan(desired, observed, now, plan);
        }
        return plan.build();
    }

    /** A deleted service: stop everything; INACTIVE once every task is at least STOPPING. */
    private static void drain(Observed observed, PlanBuilder plan) {
        List<String> live = new ArrayList<>();
        boolean allStopping = true;
        for (ObservedTask t : observed.tasks()) {
            if (t.live()) {
                live.add(t.taskId());
            }
            if (t.lastStatus().compareTo(TaskStatus.STOPPING) < 0) {
                allStopping = false;
            }
        }
        if (!live.isEmpty()) {
            plan.stopAll(live, Action.StopReason.SCALING);
        } else if (allStopping) {
            plan.add(new Action.Inactive());
        }
    }

    private static boolean circuitBreakerTrips(DesiredService d) {
        DeploymentView primary = d.primary();
        return d.circuitBreaker() != null && d.circuitBreaker().enable()
                && primary.rolloutState() == RolloutState.IN_PROGRESS
                && primary.failedTasks() >= CircuitBreakers.threshold(d.circuitBreaker(), d.desiredCount());
    }

    private static void markHealthy(DesiredService d, Observed observed, Instant now, PlanBuilder plan) {
        if (d.primary().rolloutState() != RolloutState.IN_PROGRESS) {
            return;
        }
        List<String> newly = null;
        String primary = d.primary().id();
        for (ObservedTask t : observed.tasks()) {
            if (!t.seenHealthy() && primary.equals(t.deploymentId()) && TaskHealth.healthy(t, now)) {
                if (newly == null) {
                    newly = new ArrayList<>();
                }
                newly.add(t.taskId());
            }
        }
        if (newly != null) {
            plan.add(new Action.MarkHealthy(newly));
        }
    }

    /** Shared end of a plan: drop emptied older deployments, complete the PRIMARY one, report steady state edges. */
    static void finish(DesiredService d, Observed o, boolean steadyNow, int[] tasksPerDeployment, PlanBuilder plan) {
        for (int i = 1; i < d.deployments().size(); i++) {
            if (tasksPerDeployment[i] == 0) {
                plan.add(new Action.RemoveDeployment(d.deployments().get(i).id()));
            }
        }
        DeploymentView primary = d.primary();
        if (steadyNow && primary.rolloutState() == RolloutState.IN_PROGRESS) {
            plan.add(new Action.CompleteDeployment(primary.id()));
        }
        boolean steady = steadyNow && primary.rolloutState() != RolloutState.FAILED;
        if (steady != o.steady()) {
            plan.add(new Action.Steady(steady));
        }
    }
}
