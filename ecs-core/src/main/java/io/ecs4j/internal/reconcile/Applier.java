package io.ecs4j.internal.reconcile;

import io.ecs4j.model.DeploymentStatus;
import io.ecs4j.model.RolloutState;
import io.ecs4j.model.ServiceActionType;
import io.ecs4j.model.ServiceStatus;
import io.ecs4j.model.TaskStopCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Applies a {@link Plan} to a service through the scheduler's host, recording ECS's service events on the way. */
final class Applier {
    private Applier() {
    }

    static void apply(ServiceScheduler scheduler, ServiceState s, Plan plan, Instant now) {
        for (Action action : plan.actions()) {
            if (action instanceof Action.Launch launch) {
                DeploymentState d = s.deployment(launch.deploymentId());
                LaunchResult result = scheduler.host.launch(scheduler.launchSpec(s, d), launch.count());
                launched(scheduler, s, result, now);
            } else if (action instanceof Action.LaunchOn on) {
                DeploymentState d = s.deployment(on.deploymentId());
                LaunchResult result = scheduler.host.launchOn(scheduler.launchSpec(s, d), on.instanceId());
                launched(scheduler, s, result, now);
            } else if (action instanceof Action.Stop stop) {
                stop(scheduler, s, stop, now);
            } else if (action instanceof Action.MarkHealthy healthy) {
                markHealthy(s, healthy);
            } else if (action instanceof Action.CompleteDeployment complete) {
                complete(scheduler, s, complete.deploymentId(), now);
            } else if (action instanceof Action.RemoveDeployment remove) {
                s.deployments.removeIf(d -> d.id.equals(remove.deploymentId()) && d.status != DeploymentStatus.PRIMARY);
                scheduler.markDirty(s);
                scheduler.host.deploymentsReleased();
            } else if (action instanceof Action.FailDeployment fail) {
                DeploymentState d = s.deployment(fail.deploymentId());
                d.rolloutState = RolloutState.FAILED;
                d.rolloutStateReason = ServiceMessages.circuitBreakerFailed();
                d.updatedAt = now;
                scheduler.event(s, ServiceMessages.deploymentFailed(s.name, d.id), now);
                scheduler.action(s, ServiceActionType.SERVICE_DEPLOYMENT_FAILED, d.id, d.rolloutStateReason, now);
                scheduler.markDirty(s);
            } else if (action instanceof Action.Rollback) {
                DeploymentState to = s.lastCompleted;
                scheduler.event(s, ServiceMessages.rollingBack(s.name, to.id), now);
                scheduler.newDeployment(s, to.taskDefinition, to.launchType, to.platformVersion,
                        to.networkConfiguration, true, ServiceMessages.circuitBreakerRollback(to.id));
            } else if (action instanceof Action.Steady steady) {
                s.steady = steady.steady();
                if (steady.steady()) {
                    String message = ServiceMessages.steadyState(s.name);
                    scheduler.event(s, message, now);
                    scheduler.action(s, ServiceActionType.SERVICE_STEADY_STATE, null, message, now);
                    scheduler.scheduleSteadyReminder(s);
                } else {
                    scheduler.cancelSteadyReminder(s);
                }
            } else if (action instanceof Action.Blocked) {
                scheduler.event(s, ServiceMessages.blocked(s.name), now);
            } else if (action instanceof Action.Inactive) {
                s.status = ServiceStatus.INACTIVE;
                scheduler.cancelWake(s);
                scheduler.host.deploymentsReleased();
                scheduler.statusChanged(s);
            }
        }
    }

    private static void launched(ServiceScheduler scheduler, ServiceState s, LaunchResult result, Instant now) {
        scheduler.taskEvents(s, result.taskIds(), true, now);
        s.waitingForCapacity = result.failed();
        if (result.failed()) {
            String message = result.noInstances() ? ServiceMessages.noContainerInstances(s.name)
                    : ServiceMessages.unableToPlace(s.name, result.failedInstance(), result.failureReason());
            if (scheduler.event(s, message, now)) {
                scheduler.action(s, ServiceActionType.SERVICE_TASK_PLACEMENT_FAILURE, s.primary().id, message, now);
            }
        }
    }

    private static void stop(ServiceScheduler scheduler, ServiceState s, Action.Stop stop, Instant now) {
        List<String> chosen = stop.candidates();
        if (stop.count() < chosen.size()) {
            List<String> ordered = scheduler.host.scaleInOrder(s.group, chosen,
                    ServiceScheduler.strategies(s, s.primary()));
            chosen = ordered.subList(0, Math.min(stop.count(), ordered.size()));
        }
        boolean unhealthy = stop.reason() == Action.StopReason.UNHEALTHY;
        String scaling = ServiceMessages.scalingStopReason(s.primary().id);
        List<String> stopped = new ArrayList<>(chosen.size());
        for (String taskId : chosen) {
            String reason = scaling;
            if (unhealthy) {
                ObservedTask t = s.tasks.get(taskId);
                if (t != null && t.targets() == TargetsHealth.UNHEALTHY && t.unhealthyTargetGroup() != null) {
                    // the "is unhealthy in (target-group ...)" event was recorded when the target turned unhealthy
                    reason = ServiceMessages.elbUnhealthyStopReason(t.unhealthyTargetGroup());
                } else {
                    reason = ServiceMessages.UNHEALTHY_STOP_REASON;
                    scheduler.event(s, ServiceMessages.failedHealthChecks(s.name, taskId), now);
                }
            }
            scheduler.host.stop(taskId, TaskStopCode.SERVICE_SCHEDULER_INITIATED, reason);
            stopped.add(taskId);
        }
        scheduler.taskEvents(s, stopped, false, now);
    }

    private static void markHealthy(ServiceState s, Action.MarkHealthy healthy) {
        boolean reset = s.deploymentConfiguration.deploymentCircuitBreaker() == null
                || s.deploymentConfiguration.deploymentCircuitBreaker().resetOnHealthyTaskOrDefault();
        for (String id : healthy.taskIds()) {
            ObservedTask t = s.tasks.get(id);
            if (t == null) {
                continue;
            }
            s.put(t.withSeenHealthy());
            DeploymentState d = s.deployment(t.deploymentId());
            if (reset && d != null && d.rolloutState == RolloutState.IN_PROGRESS) {
                d.failedTasks = 0;
            }
        }
    }

    private static void complete(ServiceScheduler scheduler, ServiceState s, String deploymentId, Instant now) {
        DeploymentState d = s.deployment(deploymentId);
        d.rolloutState = RolloutState.COMPLETED;
        d.rolloutStateReason = ServiceMessages.completed(d.id);
        d.updatedAt = now;
        s.lastCompleted = d;
        for (Iterator<DeploymentState> it = s.deployments.iterator(); it.hasNext(); ) {
            DeploymentState other = it.next();
            if (other != d) {
                other.status = DeploymentStatus.INACTIVE;
                it.remove();
            }
        }
        scheduler.event(s, ServiceMessages.deploymentCompleted(s.name, d.id), now);
        scheduler.action(s, ServiceActionType.SERVICE_DEPLOYMENT_COMPLETED, d.id, d.rolloutStateReason, now);
        scheduler.markDirty(s);
    }
}
