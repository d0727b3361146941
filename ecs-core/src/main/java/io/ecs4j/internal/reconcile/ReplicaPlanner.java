package io.ecs4j.internal.reconcile;

import io.ecs4j.model.RolloutState;
import io.ecs4j.model.TaskStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The REPLICA rules (ecs-semantics §5.3–5.5). With D the desired count:
 * <ul>
 *   <li>tasks RUNNING, PENDING or STOPPING never exceed ⌊D × maximumPercent / 100⌋: launches take what is left;</li>
 *   <li>a stop that removes a healthy task is made only while at least ⌈D × minimumHealthyPercent / 100⌉ healthy
 *       tasks remain; tasks that are not healthy (pending, within the 40-second wait, failing health checks) are
 *       stopped without that budget, since stopping them does not lower the healthy count;</li>
 *   <li>the PRIMARY deployment gets D tasks on ACTIVE instances that pass their health checks ("keepers"); older
 *       deployments, tasks on DRAINING instances and unhealthy tasks are replaced, start-first within the maximum;
 *       PENDING tasks on DRAINING instances are stopped at once;</li>
 *   <li>an unhealthy task is stopped once a replacement is healthy, or - when the maximum leaves no room for a
 *       replacement - one at a time;</li>
 *   <li>a deployment failed by the circuit breaker (without rollback) launches and stops nothing more.</li>
 * </ul>
 */
final class ReplicaPlanner {
    private ReplicaPlanner() {
    }

    static void plan(DesiredService d, Observed o, Instant now, PlanBuilder plan) {
        DeploymentView primary = d.primary();
        boolean frozen = primary.rolloutState() == RolloutState.FAILED;
        int desired = d.desiredCount();
        int maxTasks = DesiredService.maxTasks(desired, d.maximumPercent());
        int minHealthy = DesiredService.minHealthy(desired, d.minimumHealthyPercent());

        Map<String, Integer> perDeployment = new HashMap<>();
        int live = 0;
        int stopping = 0;
        int healthyAll = 0;
        boolean allSettled = true;
        boolean anyNotHealthy = false;
        List<String> free = new ArrayList<>();
        List<String> freeUnhealthy = new ArrayList<>();
        Map<String, List<String>> oldHealthy = new LinkedHashMap<>();
        for (int i = d.deployments().size() - 1; i >= 1; i--) {
            oldHealthy.put(d.deployments().get(i).id(), new ArrayList<>());
        }
        List<String> oldHealthyUnknown = new ArrayList<>();
        List<ObservedTask> keepers = new ArrayList<>();
        List<Boolean> keeperHealthy = new ArrayList<>();
        List<String> unhealthyPrimary = new ArrayList<>();
        List<String> drainingHealthyPrimary = new ArrayList<>();

        for (ObservedTask t : o.tasks()) {
            perDeployment.merge(t.deploymentId(), 1, Integer::sum);
            if (t.stopping()) {
                stopping++;
                allSettled = false;
                continue;
            }
            live++;
            boolean healthy = TaskHealth.healthy(t, now);
            if (healthy) {
                healthyAll++;
            } else {
                anyNotHealthy = true;
                plan.wake(TaskHealth.healthyAt(t, now));
            }
            boolean isPrimary = primary.id().equals(t.deploymentId());
            boolean unusable = o.onUnusableInstance(t);
            boolean unhealthy = TaskHealth.unhealthyPastGrace(t, d.gracePeriod(), now);
            if (!unhealthy) {
                plan.wake(TaskHealth.graceEndsAt(t, d.gracePeriod(), now));
            }
            if (!isPrimary || unusable || !healthy) {
                allSettled = false;
            }
            if (unusable && t.lastStatus() != TaskStatus.RUNNING) {
                free.add(t.taskId());
            } else if (!isPrimary) {
                if (healthy) {
                    oldHealthy.computeIfAbsent(t.deploymentId(), k -> oldHealthyUnknown).add(t.taskId());
                } else {
                    (unhealthy ? freeUnhealthy : free).add(t.taskId());
                }
            } else if (unhealthy) {
                unhealthyPrimary.add(t.taskId());
            } else if (unusable) {
                (healthy ? drainingHealthyPrimary : free).add(t.taskId());
            } else {
                keepers.add(t);
                keeperHealthy.add(healthy);
            }
        }

        if (frozen) {
            Reconciler.finish(d, o, false, perDeployment, plan);
            return;
        }

        // Scale-in: the keepers above D go, tasks that are not healthy first (newest first), then healthy ones by the
        // placement's scale-in order.
        int excess = keepers.size() - desired;
        List<String> excessHealthy = new ArrayList<>();
        int excessHealthyCount = 0;
        if (excess > 0) {
            for (int i = keepers.size() - 1; i >= 0 && excess > 0; i--) {
                if (!keeperHealthy.get(i)) {
                    free.add(keepers.get(i).taskId());
                    excess--;
                }
            }
            for (int i = 0; i < keepers.size(); i++) {
                if (keeperHealthy.get(i)) {
                    excessHealthy.add(keepers.get(i).taskId());
                }
            }
            excessHealthyCount = excess;
        }
        int healthyKeepers = 0;
        for (Boolean h : keeperHealthy) {
            healthyKeepers += h ? 1 : 0;
        }

        plan.stopAll(free, Action.StopReason.SCALING);
        plan.stopAll(freeUnhealthy, Action.StopReason.UNHEALTHY);

        int need = Math.max(0, desired - keepers.size());
        int room = maxTasks - live - stopping;
        int launch = Math.min(need, Math.max(0, room));
        boolean deferred = false;
        if (launch > 0 && o.launchNotBefore() != null && now.isBefore(o.launchNotBefore())) {
            plan.wake(o.launchNotBefore());
            launch = 0;
            deferred = true;
        }
        if (launch > 0) {
            plan.add(new Action.Launch(primary.id(), launch));
        }

        int unhealthyLeft = unhealthyPrimary.size();
        if (!unhealthyPrimary.isEmpty()) {
            int replaced = Math.max(0, Math.min(unhealthyPrimary.size(), healthyKeepers + unhealthyPrimary.size() - desired));
            boolean noRoom = need > Math.max(0, room);
            if (replaced == 0 && noRoom && !deferred && stopping == 0 && free.isEmpty() && freeUnhealthy.isEmpty()) {
                replaced = 1;
            }
            if (replaced > 0) {
                plan.add(new Action.Stop(unhealthyPrimary, replaced, Action.StopReason.UNHEALTHY));
                unhealthyLeft -= replaced;
            }
        }

        int stopBudget = healthyAll - minHealthy;
        int budgetedLeft = 0;
        List<List<String>> classes = new ArrayList<>(oldHealthy.values());
        classes.add(oldHealthyUnknown);
        classes.add(drainingHealthyPrimary);
        for (List<String> victims : classes) {
            int n = Math.max(0, Math.min(victims.size(), stopBudget));
            if (n > 0) {
                plan.add(new Action.Stop(victims, n, Action.StopReason.SCALING));
                stopBudget -= n;
            }
            budgetedLeft += victims.size() - n;
        }
        if (excessHealthyCount > 0) {
            int n = Math.max(0, Math.min(excessHealthyCount, stopBudget));
            if (n > 0) {
                plan.add(new Action.Stop(excessHealthy, n, Action.StopReason.SCALING));
            }
            budgetedLeft += excessHealthyCount - n;
        }

        if ((budgetedLeft > 0 || unhealthyLeft > 0) && !plan.hasStopsOrLaunches() && !deferred && stopping == 0
                && !anyNotHealthy) {
            plan.add(new Action.Blocked());
        }

        boolean steadyNow = allSettled && stopping == 0 && live == desired && keepers.size() == desired;
        Reconciler.finish(d, o, steadyNow, perDeployment, plan);
    }
}
