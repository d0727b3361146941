package io.ecs4j.internal.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.model.DeploymentCircuitBreaker;
import io.ecs4j.model.DesiredStatus;
import io.ecs4j.model.HealthStatus;
import io.ecs4j.model.RolloutState;
import io.ecs4j.model.SchedulingStrategy;
import io.ecs4j.model.ServiceStatus;
import io.ecs4j.model.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The reconciler as a pure function: plans from desired and observed state, no runtime, no threads, no clock. */
class ReconcilerTest {
    private static final Instant NOW = Instant.parse("2026-01-01T01:00:00Z");
    private static final String NEW = "ecs-svc/2";
    private static final String OLD = "ecs-svc/1";

    private final List<ObservedTask> tasks = new ArrayList<>();
    private final Set<String> unusable = new HashSet<>();
    private int taskSequence;

    private static DesiredService replica(int desired, int min, int max, DeploymentView... deployments) {
        return new DesiredService("web", SchedulingStrategy.REPLICA, ServiceStatus.ACTIVE, desired, min, max,
                Duration.ZERO, null, List.of(deployments), false);
    }

    private static DeploymentView inProgress(String id) {
        return new DeploymentView(id, RolloutState.IN_PROGRESS, 0, false);
    }

    private static DeploymentView completed(String id) {
        return new DeploymentView(id, RolloutState.COMPLETED, 0, false);
    }

    /** A task of {@code deployment} RUNNING since {@code runningFor} (healthy after 40 s), on i1. */
    private String running(String deployment, Duration runningFor) {
        return task(deployment, "i1", TaskStatus.RUNNING, NOW.minus(runningFor), HealthStatus.UNKNOWN, false);
    }

    private String healthy(String deployment) {
        return running(deployment, Duration.ofMinutes(5));
    }

    private String task(String deployment, String instance, TaskStatus status, Instant startedAt, HealthStatus health,
                        boolean check) {
        String id = "t" + (taskSequence++);
        tasks.add(new ObservedTask(id, deployment, instance, status, DesiredStatus.RUNNING, health, check, startedAt,
                false));
        return id;
    }

    private Plan plan(DesiredService desired) {
        return plan(desired, null, false);
    }

    private Plan plan(DesiredService desired, Instant launchNotBefore, boolean steady) {
        return Reconciler.reconcile(desired, new Observed(tasks, unusable, List.of(), Set.of(), launchNotBefore,
                steady), NOW);
    }

    private static List<Action> withoutBookkeeping(Plan plan) {
        return plan.actions().stream().filter(a -> !(a instanceof Action.MarkHealthy)
                && !(a instanceof Action.Steady)).toList();
    }

    @Test
    void newService_launchesTheDesiredCount() {
        assertThat(plan(replica(3, 100, 200, inProgress(NEW))).actions())
                .containsExactly(new Action.Launch(NEW, 3));
    }

    @Test
    void deployment_launchesOnlyWithinMaximumPercent() {
        for (int i = 0; i < 4; i++) {
            healthy(OLD);
        }
        assertThat(withoutBookkeeping(plan(replica(4, 100, 150, inProgress(NEW), completed(OLD)))))
                .containsExactly(new Action.Launch(NEW, 2));
    }

    @Test
    void deployment_stopsHealthyOldTasksOnlyDownToMinimumHealthyPercent() {
        List<String> old = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            old.add(healthy(OLD));
        }
        assertThat(withoutBookkeeping(plan(replica(4, 50, 100, inProgress(NEW), completed(OLD)))))
                .containsExactly(new Action.Stop(old, 2, Action.StopReason.SCALING));
    }

    @Test
    void deployment_stopsOldTasksThatAreNotHealthyYetWithoutBudget() {
        String young = running(OLD, Duration.ofSeconds(10));
        Plan plan = plan(replica(1, 100, 200, inProgress(NEW), completed(OLD)));
        assertThat(withoutBookkeeping(plan)).containsExactly(
                new Action.Stop(List.of(young), 1, Action.StopReason.SCALING), new Action.Launch(NEW, 1));
    }

    @Test
    void taskWithoutHealthCheck_wakesTheSchedulerWhenItBecomesHealthy() {
        running(NEW, Duration.ofSeconds(10));
        Plan plan = plan(replica(1, 100, 200, inProgress(NEW)));
        assertThat(withoutBookkeeping(plan)).isEmpty();
        assertThat(plan.wakeAt()).isEqualTo(NOW.plusSeconds(30));
    }

    @Test
    void launchBackoff_defersLaunchesAndWakesWhenItEnds() {
        Plan plan = plan(replica(2, 100, 200, inProgress(NEW)), NOW.plusSeconds(20), false);
        assertThat(plan.actions()).isEmpty();
        assertThat(plan.wakeAt()).isEqualTo(NOW.plusSeconds(20));
    }

    @Test
    void configurationThatAllowsNeitherStopNorStart_isReportedAsBlocked() {
        healthy(OLD);
        healthy(OLD);
        assertThat(withoutBookkeeping(plan(replica(2, 75, 125, inProgress(NEW), completed(OLD)))))
                .containsExactly(new Action.Blocked());
    }

    @Test
    void allTasksHealthyOnPrimary_completesTheDeployment() {
        healthy(NEW);
        healthy(NEW);
        Plan plan = plan(replica(2, 100, 200, inProgress(NEW), completed(OLD)));
        assertThat(plan.actions()).containsExactly(new Action.MarkHealthy(List.of("t0", "t1")),
                new Action.RemoveDeployment(OLD), new Action.CompleteDeployment(NEW), new Action.Steady(true));
    }

    @Test
    void pendingTaskOnDrainingInstance_isStoppedAtOnce_runningOneReplacedStartFirst() {
        unusable.add("i1");
        String pending = task(NEW, "i1", TaskStatus.PENDING, null, HealthStatus.UNKNOWN, false);
        String runningOnDraining = healthy(NEW);
        Plan plan = plan(replica(2, 100, 200, completed(NEW)));
        assertThat(withoutBookkeeping(plan)).containsExactly(
                new Action.Stop(List.of(pending), 1, Action.StopReason.SCALING), new Action.Launch(NEW, 2));
        assertThat(plan.actions()).noneMatch(a -> a instanceof Action.Stop s && s.candidates().contains(runningOnDraining));
    }

    @Test
    void unhealthyTask_isStoppedOnlyOnceAReplacementIsHealthy() {
        String sick = task(NEW, "i1", TaskStatus.RUNNING, NOW.minusSeconds(60), HealthStatus.UNHEALTHY, true);
        assertThat(withoutBookkeeping(plan(replica(1, 100, 200, completed(NEW)))))
                .containsExactly(new Action.Launch(NEW, 1));
        task(NEW, "i2", TaskStatus.RUNNING, NOW.minusSeconds(1), HealthStatus.HEALTHY, true);
        assertThat(withoutBookkeeping(plan(replica(1, 100, 200, completed(NEW)))))
                .containsExactly(new Action.Stop(List.of(sick), 1, Action.StopReason.UNHEALTHY));
    }

    @Test
    void circuitBreaker_failsThePrimaryAndRollsBackWhenItCan() {
        DesiredService failing = new DesiredService("web", SchedulingStrategy.REPLICA, ServiceStatus.ACTIVE, 2, 100,
                200, Duration.ZERO, DeploymentCircuitBreaker.enabled(true),
                List.of(new DeploymentView(NEW, RolloutState.IN_PROGRESS, 3, false), completed(OLD)), true);
        assertThat(plan(failing).actions()).containsExactly(new Action.FailDeployment(NEW), new Action.Rollback());

        DesiredService failingRollback = new DesiredService("web", SchedulingStrategy.REPLICA, ServiceStatus.ACTIVE, 2,
                100, 200, Duration.ZERO, DeploymentCircuitBreaker.enabled(true),
                List.of(new DeploymentView(NEW, RolloutState.IN_PROGRESS, 3, true)), true);
        assertThat(plan(failingRollback).actions()).containsExactly(new Action.FailDeployment(NEW));
    }

    @Test
    void failedPrimary_launchesAndStopsNothing() {
        healthy(OLD);
        DesiredService frozen = replica(2, 100, 200, new DeploymentView(NEW, RolloutState.FAILED, 5, false),
                completed(OLD));
        assertThat(withoutBookkeeping(plan(frozen))).isEmpty();
    }

    @Test
    void deletedService_stopsEverything_thenBecomesInactive() {
        String t = healthy(NEW);
        DesiredService deleted = new DesiredService("web", SchedulingStrategy.REPLICA, ServiceStatus.DRAINING, 0, 100,
                200, Duration.ZERO, null, List.of(completed(NEW)), false);
        assertThat(plan(deleted).actions()).containsExactly(new Action.Stop(List.of(t), 1, Action.StopReason.SCALING));
        tasks.clear();
        tasks.add(new ObservedTask(t, NEW, "i1", TaskStatus.STOPPING, DesiredStatus.STOPPED, HealthStatus.UNKNOWN,
                false, NOW, true));
        assertThat(plan(deleted).actions()).containsExactly(new Action.Inactive());
    }

    @Test
    void daemon_launchesOnEveryEligibleInstance_andStopsTasksElsewhere() {
        String stray = task(NEW, "i9", TaskStatus.RUNNING, NOW.minusSeconds(100), HealthStatus.UNKNOWN, false);
        DesiredService daemon = new DesiredService("agent", SchedulingStrategy.DAEMON, ServiceStatus.ACTIVE, 0, 0, 100,
                Duration.ZERO, null, List.of(inProgress(NEW)), false);
        Plan plan = Reconciler.reconcile(daemon, new Observed(tasks, unusable, List.of("i1", "i2"), Set.of(), null,
                false), NOW);
        assertThat(withoutBookkeeping(plan)).containsExactly(
                new Action.Stop(List.of(stray), 1, Action.StopReason.SCALING),
                new Action.LaunchOn(NEW, "i1"), new Action.LaunchOn(NEW, "i2"));
    }

    @Test
    void reconcile_isPure_sameInputsSamePlan() {
        healthy(OLD);
        running(NEW, Duration.ofSeconds(5));
        DesiredService d = replica(3, 50, 150, inProgress(NEW), completed(OLD));
        assertThat(plan(d)).isEqualTo(plan(d));
    }
}
