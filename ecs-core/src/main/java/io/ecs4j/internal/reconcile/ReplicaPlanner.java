package io.ecs4j.internal.reconcile;

import io.ecs4j.model.RolloutState;
import io.ecs4j.model.TaskStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The REPLICA rules (ecs-semantics §5.3–5.5). With D the desired count:
 * <ul>
 *   <li>tasks RUNNING, PENDING or STOPPING never exceed ⌊D × maximumPercent / 100⌋: launches take what is left;</li>
 *   <li>a stop that removes a healthy task is made only while at least ⌈D × minimumHealthyPercent / 100⌉ healthy
 *       tasks remain; tasks that are not healthy (pending, within the 40-second wait, targets not yet healthy,
 *       failing health checks) are stopped without that budget, since stopping them does not lower the healthy
 *       count;</li>
 *   <li>the PRIMARY deployment gets D tasks on ACTIVE instances that pass their health checks ("keepers"); older
 *       deployments, tasks on DRAINING instances and unhealthy tasks are replaced, start-first within the maximum;
 *       PENDING tasks on DRAINING instances are stopped at once;</li>
 *   <li>an unhealthy task is stopped once a replacement is healthy, or - when the maximum leaves no room for a
 *       replacement - one at a time;</li>
 *   <li>a deployment failed by the circuit breaker (without rollback) launches and stops nothing more.</li>
 * </ul>
 * One pass over the tasks, allocating only for the tasks it acts on: it runs after every change of a service's tasks.
 */
final class ReplicaPlanner {
    private ReplicaPlanner() {
    }

    static void plan(DesiredService d, Observed o, Instant now, PlanBuilder plan) {
        List<DeploymentView> deployments = d.deployments();
        DeploymentView primary = d.primary();
        String primaryId = primary.id();
        boolean frozen = primary.rolloutState() == RolloutState.FAILED;
        boolean markHealthy = primary.rolloutState() == RolloutState.IN_PROGRESS;
        int desired = d.desiredCount();
        int maxTasks = DesiredService.maxTasks(desired, d.maximumPercent());
        int minHealthy = DesiredService.minHealthy(desired, d.minimumHealthyPercent());
        Instant healthyCutoff = now.minus(TaskHealth.NO_CHECK_WAIT);
        Instant graceCutoff = now.minus(d.gracePeriod());

        int[] perDeployment = new int[deployments.size()];
        String[] ids = ids(deployments);
        int live = 0;
        int stopping = 0;
        int healthyAll = 0;
        boolean allSettled = true;
        boolean anyNotHealthy = false;
        Instant earliestYoungStart = null;
        List<String> free = null;
        List<String> freeUnhealthy = null;
        List<String>[] oldHealthy = newLists(deployments.size());
        List<String> oldHealthyUnknown = null;
        List<String> unhealthyPrimary = null;
        List<String> drainingHealthyPrimary = null;
        List<String> newlyHealthy = null;
        int keepers = 0;
        int healthyKeepers = 0;

        for (ObservedTask t : o.tasks()) {
            int deployment = indexOf(ids, t.deploymentId());
            if (deployment >= 0) {
                perDeployment[deployment]++;
            }
            if (t.stopping()) {
                stopping++;
                allSettled = false;
                continue;
            }
            live++;
            boolean running = t.lastStatus() == TaskStatus.RUNNING && t.startedAt() != null;
            boolean healthy;
            boolean unhealthy = false;
            if (!running) {
                healthy = false;
            } else if (!TaskHealth.timeDecides(t)) {
                healthy = TaskHealth.healthy(t, now);
                if (TaskHealth.failing(t)) {
                    unhealthy = !t.startedAt().isAfter(graceCutoff);
                    if (!unhealthy) {
                        plan.wake(t.startedAt().plus(d.gracePeriod()));
                    }
                }
            } else {
                healthy = !t.startedAt().isAfter(healthyCutoff);
                if (!healthy && (earliestYoungStart == null || t.startedAt().isBefore(earliestYoungStart))) {
                    earliestYoungStart = t.startedAt();
                }
            }
            if (healthy) {
                healthyAll++;
            } else {
                anyNotHealthy = true;
            }
            boolean isPrimary = deployment == 0;
            if (healthy && isPrimary && markHealthy && !t.seenHealthy()) {
                newlyHealthy = add(newlyHealthy, t.taskId());
            }
            boolean unusable = o.onUnusableInstance(t);
            if (!isPrimary || unusable || !healthy) {
                allSettled = false;
            }
            if (unusable && !running) {
                free = add(free, t.taskId());
            } else if (!isPrimary) {
                if (healthy) {
                    if (deployment > 0) {
                        oldHealthy[deployment].add(t.taskId());
                    } else {
                        oldHealthyUnknown = add(oldHealthyUnknown, t.taskId());
                    }
                } else if (unhealthy) {
                    freeUnhealthy = add(freeUnhealthy, t.taskId());
                } else {
                    free = add(free, t.taskId());
                }
            } else if (unhealthy) {
                unhealthyPrimary = add(unhealthyPrimary, t.taskId());
            } else if (unusable) {
                if (healthy) {
                    drainingHealthyPrimary = add(drainingHealthyPrimary, t.taskId());
                } else {
                    free = add(free, t.taskId());
                }
            } else {
                keepers++;
                healthyKeepers += healthy ? 1 : 0;
            }
        }
        if (earliestYoungStart != null) {
            plan.wake(earliestYoungStart.plus(TaskHealth.NO_CHECK_WAIT));
        }
        if (newlyHealthy != null) {
            plan.add(new Action.MarkHealthy(newlyHealthy));
        }
        if (frozen) {
            Reconciler.finish(d, o, false, perDeployment, plan);
            return;
        }

        // Scale-in: the keepers above D go, tasks that are not healthy first (newest first), then healthy ones by the
        // placement's scale-in order.
        int excess = keepers - desired;
        List<String> excessHealthy = null;
        int excessHealthyCount = 0;
        if (excess > 0) {
            List<ObservedTask> keeperTasks = keepers(o, primaryId, graceCutoff);
            for (int i = keeperTasks.size() - 1; i >= 0 && excess > 0; i--) {
                ObservedTask k = keeperTasks.get(i);
                if (!TaskHealth.healthy(k, now)) {
                    free = add(free, k.taskId());
                    excess--;
                }
            }
            excessHealthy = new ArrayList<>();
            for (ObservedTask k : keeperTasks) {
                if (TaskHealth.healthy(k, now)) {
                    excessHealthy.add(k.taskId());
                }
            }
            excessHealthyCount = excess;
        }

        if (free != null) {
            plan.stopAll(free, Action.StopReason.SCALING);
        }
        if (freeUnhealthy != null) {
            plan.stopAll(freeUnhealthy, Action.StopReason.UNHEALTHY);
        }

        int need = Math.max(0, desired - keepers);
        int room = maxTasks - live - stopping;
        int launch = Math.min(need, Math.max(0, room));
        boolean deferred = false;
        if (launch > 0 && o.launchNotBefore() != null && now.isBefore(o.launchNotBefore())) {
            plan.wake(o.launchNotBefore());
            launch = 0;
            deferred = true;
        }
        if (launch > 0) {
            plan.add(new Action.Launch(primaryId, launch));
        }

        int unhealthyLeft = 0;
        if (unhealthyPrimary != null) {
            int size = unhealthyPrimary.size();
            int replaced = Math.max(0, Math.min(size, healthyKeepers + size - desired));
            boolean noRoom = need > Math.max(0, room);
            if (replaced == 0 && noRoom && !deferred && stopping == 0 && free == null && freeUnhealthy == null) {
                replaced = 1;
            }
            if (replaced > 0) {
                plan.add(new Action.Stop(unhealthyPrimary, replaced, Action.StopReason.UNHEALTHY));
            }
            unhealthyLeft = size - replaced;
        }

        int stopBudget = healthyAll - minHealthy;
        int budgetedLeft = 0;
        List<List<String>> classes = new ArrayList<>(deployments.size() + 2);
        for (int i = deployments.size() - 1; i >= 1; i--) {
            classes.add(oldHealthy[i]);
        }
        classes.add(oldHealthyUnknown);
        classes.add(drainingHealthyPrimary);
        for (List<String> victims : classes) {
            if (victims == null || victims.isEmpty()) {
                continue;
            }
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

        boolean steadyNow = allSettled && stopping == 0 && live == desired && keepers == desired;
        Reconciler.finish(d, o, steadyNow, perDeployment, plan);
    }

    /** The PRIMARY deployment's keepers, oldest first (only needed when scaling in). */
    private static List<ObservedTask> keepers(Observed o, String primaryId, Instant graceCutoff) {
        List<ObservedTask> out = new ArrayList<>();
        for (ObservedTask t : o.tasks()) {
            if (t.live() && primaryId.equals(t.deploymentId()) && !o.onUnusableInstance(t)
                    && !(TaskHealth.failing(t) && !t.startedAt().isAfter(graceCutoff))) {
                out.add(t);
            }
        }
        return out;
    }

    static String[] ids(List<DeploymentView> deployments) {
        String[] ids = new String[deployments.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = deployments.get(i).id();
        }
        return ids;
    }

    /** The position of deployment {@code id} (0 for the PRIMARY one), or -1. */
    static int indexOf(String[] ids, String id) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == id) {
                return i;
            }
        }
        for (int i = 0; i < ids.length; i++) {
            if (ids[i].equals(id)) {
                return i;
            }
        }
        return -1;
    }

    @SuppressWarnings("unchecked")
    private static List<String>[] newLists(int n) {
        List<String>[] lists = new List[n];
        for (int i = 1; i < n; i++) {
            lists[i] = new ArrayList<>();
        }
        return lists;
    }

    private static List<String> add(List<String> list, String id) {
        List<String> out = list == null ? new ArrayList<>() : list;
        out.add(id);
        return out;
    }
}
