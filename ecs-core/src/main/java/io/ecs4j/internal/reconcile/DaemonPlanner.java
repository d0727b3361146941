package io.ecs4j.internal.reconcile;

import io.ecs4j.model.RolloutState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The DAEMON rules (ecs-semantics §5.6): one task of the PRIMARY deployment on every eligible instance (ACTIVE and
 * satisfying the constraints), D = the number of eligible instances. Tasks on instances that stopped being eligible are
 * stopped - on a DRAINING instance only once the REPLICA services' tasks there are gone (daemon tasks are stopped
 * last). A new deployment replaces tasks instance by instance within minimumHealthyPercent (default 0) and
 * maximumPercent (at most 100): the old task on an instance stops before the new one starts.
 */
final class DaemonPlanner {
    private DaemonPlanner() {
    }

    static void plan(DesiredService d, Observed o, Instant now, PlanBuilder plan) {
        DeploymentView primary = d.primary();
        boolean frozen = primary.rolloutState() == RolloutState.FAILED;
        List<String> eligible = o.eligibleInstances();
        Set<String> eligibleSet = new HashSet<>(eligible);
        int desired = eligible.size();
        int maxTasks = DesiredService.maxTasks(desired, d.maximumPercent());
        int minHealthy = DesiredService.minHealthy(desired, d.minimumHealthyPercent());

        int[] perDeployment = new int[d.deployments().size()];
        String[] ids = ReplicaPlanner.ids(d.deployments());
        Map<String, List<ObservedTask>> liveOn = new LinkedHashMap<>();
        Set<String> busy = new HashSet<>();
        int live = 0;
        int stopping = 0;
        int healthyAll = 0;
        boolean allSettled = true;
        boolean anyNotHealthy = false;
        List<String> free = new ArrayList<>();
        List<String> freeUnhealthy = new ArrayList<>();
        List<String> oldHealthy = new ArrayList<>();
        for (ObservedTask t : o.tasks()) {
            int deployment = ReplicaPlanner.indexOf(ids, t.deploymentId());
            if (deployment >= 0) {
                perDeployment[deployment]++;
            }
            boolean onEligible = eligibleSet.contains(t.instanceId());
            if (t.stopping()) {
                allSettled = false;
                if (onEligible) {
                    stopping++;
                    busy.add(t.instanceId());
                }
                continue;
            }
            boolean healthy = TaskHealth.healthy(t, now);
            if (!healthy) {
                anyNotHealthy = true;
                plan.wake(TaskHealth.healthyAt(t, now));
            }
            if (!onEligible) {
                allSettled = false;
                if (!o.drainingBusy().contains(t.instanceId())) {
                    free.add(t.taskId());
                }
                continue;
            }
            live++;
            if (healthy) {
                healthyAll++;
            }
            liveOn.computeIfAbsent(t.instanceId(), k -> new ArrayList<>()).add(t);
        }
        if (frozen) {
            Reconciler.finish(d, o, false, perDeployment, plan);
            return;
        }

        List<String> launchOn = new ArrayList<>();
        for (String instance : eligible) {
            List<ObservedTask> tasks = liveOn.getOrDefault(instance, List.of());
            ObservedTask kept = null;
            boolean hasOld = false;
            for (ObservedTask t : tasks) {
                boolean healthy = TaskHealth.healthy(t, now);
                if (!primary.id().equals(t.deploymentId())) {
                    hasOld = true;
                    allSettled = false;
                    if (healthy) {
                        oldHealthy.add(t.taskId());
                    } else {
                        (TaskHealth.unhealthyPastGrace(t, d.gracePeriod(), now) ? freeUnhealthy : free).add(t.taskId());
                    }
                } else if (TaskHealth.unhealthyPastGrace(t, d.gracePeriod(), now)) {
                    freeUnhealthy.add(t.taskId());
                    allSettled = false;
                } else if (kept == null) {
                    kept = t;
                    plan.wake(TaskHealth.graceEndsAt(t, d.gracePeriod(), now));
                    if (!healthy) {
                        allSettled = false;
                    }
                } else {
                    free.add(t.taskId());
                    allSettled = false;
                }
            }
            if (kept == null) {
                allSettled = false;
                if (!hasOld && !busy.contains(instance)) {
                    launchOn.add(instance);
                }
            }
        }

        plan.stopAll(free, Action.StopReason.SCALING);
        plan.stopAll(freeUnhealthy, Action.StopReason.UNHEALTHY);
        int room = Math.max(0, maxTasks - live - stopping);
        boolean deferred = false;
        if (!launchOn.isEmpty() && room > 0 && o.launchNotBefore() != null && now.isBefore(o.launchNotBefore())) {
            plan.wake(o.launchNotBefore());
            deferred = true;
        } else {
            for (int i = 0; i < Math.min(room, launchOn.size()); i++) {
                plan.add(new Action.LaunchOn(primary.id(), launchOn.get(i)));
            }
        }
        int n = Math.max(0, Math.min(oldHealthy.size(), healthyAll - minHealthy));
        if (n > 0) {
            plan.add(new Action.Stop(oldHealthy, n, Action.StopReason.SCALING));
        }
        if (oldHealthy.size() > n && !plan.hasStopsOrLaunches() && !deferred && stopping == 0 && !anyNotHealthy) {
            plan.add(new Action.Blocked());
        }
        boolean steadyNow = allSettled && stopping == 0 && live == desired;
        Reconciler.finish(d, o, steadyNow, perDeployment, plan);
    }
}
