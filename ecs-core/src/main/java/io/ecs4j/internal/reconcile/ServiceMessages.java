package io.ecs4j.internal.reconcile;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wording of service events, deployment reasons and stop reasons, as ECS writes them (ecs-semantics §5.3, §5.4,
 * §5.8; real describe-services outputs where the reference was silent).
 */
public final class ServiceMessages {
    /** The suffix ECS appends to its troubleshooting events. */
    static final String MORE_INFO = " For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.";
    /** The {@code stoppedReason} of tasks the scheduler stops for failing container health checks. */
    public static final String UNHEALTHY_STOP_REASON = "Task failed container health checks";

    private ServiceMessages() {
    }

    static String prefix(String service) {
        return "(service " + service + ")";
    }

    /** The prefix of the {@code stoppedReason} of tasks stopped for failing their load balancer's health checks. */
    static final String ELB_UNHEALTHY_STOP_PREFIX = "Task failed ELB health checks in (target-group ";

    /** {@code Task failed ELB health checks in (target-group arn)}: a task stopped for an unhealthy target. */
    public static String elbUnhealthyStopReason(String targetGroupArn) {
        return ELB_UNHEALTHY_STOP_PREFIX + targetGroupArn + ")";
    }

    /** Whether {@code reason} is that of a task the scheduler stopped for failing container or ELB health checks. */
    static boolean isHealthCheckStop(String reason) {
        return reason != null && (reason.equals(UNHEALTHY_STOP_REASON) || reason.startsWith(ELB_UNHEALTHY_STOP_PREFIX));
    }

    /** {@code (service X) registered 3 targets in (target-group arn)} (ECS writes no final period). */
    static String registeredTargets(String service, int count, String targetGroupArn) {
        return prefix(service) + " registered " + count + " targets in (target-group " + targetGroupArn + ")";
    }

    /** {@code (service X) deregistered 3 targets in (target-group arn)} (ECS writes no final period). */
    static String deregisteredTargets(String service, int count, String targetGroupArn) {
        return prefix(service) + " deregistered " + count + " targets in (target-group " + targetGroupArn + ")";
    }

    /** {@code (service X) has begun draining connections on 2 tasks.} */
    static String beganDraining(String service, int tasks) {
        return prefix(service) + " has begun draining connections on " + tasks + " tasks.";
    }

    /**
     * {@code (service X) (instance i-0abc) (port 32768) is unhealthy in (target-group arn) due to (reason Health checks
     * failed with these codes: [404]).}; without the instance part for tasks with their own network interface.
     */
    static String unhealthyTarget(String service, String ec2InstanceId, int port, String targetGroupArn,
                                  String reason) {
        return prefix(service) + (ec2InstanceId == null ? "" : " (instance " + ec2InstanceId + ")") + " (port " + port
                + ") is unhealthy in (target-group " + targetGroupArn + ") due to (reason "
                + (reason == null ? "Health checks failed" : reason) + ").";
    }

    /** {@code (service X) has started 2 tasks: (task a) (task b).} */
    static String started(String service, List<String> taskIds) {
        return prefix(service) + " has started " + taskIds.size() + " tasks:" + taskList(taskIds) + ".";
    }

    /** {@code (service X) has stopped 2 running tasks: (task a) (task b).} */
    static String stopped(String service, List<String> taskIds) {
        return prefix(service) + " has stopped " + taskIds.size() + " running tasks:" + taskList(taskIds) + ".";
    }

    /** {@code (service X) (task a) failed container health checks.} */
    static String failedHealthChecks(String service, String taskId) {
        return prefix(service) + " (task " + taskId + ") failed container health checks.";
    }

    private static String taskList(List<String> taskIds) {
        StringBuilder b = new StringBuilder();
        for (String id : taskIds) {
            b.append(" (task ").append(id).append(')');
        }
        return b.toString();
    }

    static String steadyState(String service) {
        return prefix(service) + " has reached a steady state.";
    }

    static String deploymentCompleted(String service, String deploymentId) {
        return prefix(service) + " (deployment " + deploymentId + ") deployment completed.";
    }

    static String deploymentFailed(String service, String deploymentId) {
        return prefix(service) + " (deployment " + deploymentId + ") deployment failed: tasks failed to start.";
    }

    static String rollingBack(String service, String toDeploymentId) {
        return prefix(service) + " rolling back to deployment " + toDeploymentId + ".";
    }

    static String startImpaired(String service) {
        return prefix(service) + " is unable to consistently start tasks successfully." + MORE_INFO;
    }

    static String blocked(String service) {
        return prefix(service) + " was unable to stop or start tasks during a deployment because of the service"
                + " deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.";
    }

    /** {@code (service X) was unable to place a task because no container instance met all of its requirements. ...} */
    static String unableToPlace(String service, String instanceId, String reason) {
        return prefix(service) + " was unable to place a task because no container instance met all of its requirements."
                + " The closest matching (container-instance " + instanceId + ") " + placementDetail(reason) + MORE_INFO;
    }

    /** The same when the cluster has no container instance at all. */
    static String noContainerInstances(String service) {
        return prefix(service) + " was unable to place a task because no container instance met all of its requirements."
                + " Reason: No Container Instances were found in your cluster." + MORE_INFO;
    }

    /** How ECS words a placement failure reason after "The closest matching (container-instance ...)". */
    static String placementDetail(String reason) {
        if (reason == null) {
            return "encountered error \"UNKNOWN\".";
        }
        return switch (reason) {
            case "RESOURCE:CPU" -> "has insufficient CPU units available.";
            case "RESOURCE:MEMORY" -> "has insufficient memory available.";
            case "RESOURCE:PORTS", "RESOURCE:PORTS_UDP" -> "is already using a port required by your task.";
            case "AGENT" -> "doesn't have the agent connected.";
            case "ATTRIBUTE" -> "is missing an attribute required by your task.";
            default -> "encountered error \"" + reason + "\".";
        };
    }

    /** The {@code rolloutStateReason} of a deployment in progress. */
    static String inProgress(String deploymentId) {
        return "ECS deployment " + deploymentId + " in progress.";
    }

    /** The {@code rolloutStateReason} of a completed deployment. */
    static String completed(String deploymentId) {
        return "ECS deployment " + deploymentId + " completed.";
    }

    /** The {@code rolloutStateReason} of a deployment failed by the circuit breaker. */
    static String circuitBreakerFailed() {
        return "ECS deployment circuit breaker: tasks failed to start.";
    }

    /** The {@code rolloutStateReason} of a rollback deployment. */
    static String circuitBreakerRollback(String toDeploymentId) {
        return "ECS deployment circuit breaker: rolling back to deploymentId " + toDeploymentId + ".";
    }

    /** The {@code stoppedReason} of tasks the scheduler stops for a deployment, a scale-in, draining or deletion. */
    public static String scalingStopReason(String deploymentId) {
        return "Scaling activity initiated by (deployment " + deploymentId + ")";
    }

    private static final Pattern TASKS = Pattern.compile(
            "(\\(service [^)]*\\)) has (started|stopped) (\\d+) (tasks|running tasks):((?: \\(task [^)]*\\))*)\\.");
    private static final Pattern TARGETS = Pattern.compile(
            "(\\(service [^)]*\\)) (registered|deregistered) (\\d+) targets in (\\(target-group [^)]*\\))");
    private static final Pattern DRAINING = Pattern.compile(
            "(\\(service [^)]*\\)) has begun draining connections on (\\d+) tasks\\.");

    /**
     * What {@link #combine} can combine {@code message} with: events with the same key (service, kind, target group),
     * or null when it is not a task or target event.
     */
    static String combineKey(String message) {
        Matcher m = TASKS.matcher(message);
        if (m.matches()) {
            return m.group(1) + " " + m.group(2);
        }
        m = TARGETS.matcher(message);
        if (m.matches()) {
            return m.group(1) + " " + m.group(2) + " " + m.group(4);
        }
        m = DRAINING.matcher(message);
        return m.matches() ? m.group(1) + " draining" : null;
    }

    /**
     * One event for two of the same kind recorded at the same instant (ECS reports what one scheduler run did in one
     * event: "has stopped 4 running tasks", "registered 4 targets"), or null when they do not combine: different
     * kinds, services or target groups, or more than {@code maxTasks} tasks in a started/stopped event.
     */
    static String combine(String earlier, String later, int maxTasks) {
        Matcher a = TASKS.matcher(earlier);
        Matcher b = TASKS.matcher(later);
        if (a.matches() && b.matches()) {
            int count = Integer.parseInt(a.group(3)) + Integer.parseInt(b.group(3));
            if (!a.group(1).equals(b.group(1)) || !a.group(2).equals(b.group(2)) || count > maxTasks) {
                return null;
            }
            return a.group(1) + " has " + a.group(2) + " " + count + " " + a.group(4) + ":" + a.group(5) + b.group(5)
                    + ".";
        }
        a = TARGETS.matcher(earlier);
        b = TARGETS.matcher(later);
        if (a.matches() && b.matches()) {
            if (!a.group(1).equals(b.group(1)) || !a.group(2).equals(b.group(2)) || !a.group(4).equals(b.group(4))) {
                return null;
            }
            int count = Integer.parseInt(a.group(3)) + Integer.parseInt(b.group(3));
            return a.group(1) + " " + a.group(2) + " " + count + " targets in " + a.group(4);
        }
        a = DRAINING.matcher(earlier);
        b = DRAINING.matcher(later);
        if (a.matches() && b.matches() && a.group(1).equals(b.group(1))) {
            int count = Integer.parseInt(a.group(2)) + Integer.parseInt(b.group(2));
            return a.group(1) + " has begun draining connections on " + count + " tasks.";
        }
        return null;
    }
}
