package io.ecs4j.internal.reconcile;

import io.ecs4j.EcsException;
import io.ecs4j.internal.util.ArnParts;
import io.ecs4j.model.ContainerDefinition;
import io.ecs4j.model.DeploymentCircuitBreaker;
import io.ecs4j.model.DeploymentConfiguration;
import io.ecs4j.model.DeploymentControllerType;
import io.ecs4j.model.LaunchType;
import io.ecs4j.model.LoadBalancer;
import io.ecs4j.model.NetworkConfiguration;
import io.ecs4j.model.PlacementConstraint;
import io.ecs4j.model.PlacementStrategy;
import io.ecs4j.model.PortMapping;
import io.ecs4j.model.SchedulingStrategy;
import io.ecs4j.model.Service;
import io.ecs4j.model.ServiceArn;
import io.ecs4j.model.ServiceStatus;
import io.ecs4j.model.TaskDefinition;
import io.ecs4j.model.ThresholdConfiguration;
import io.ecs4j.request.CreateServiceRequest;
import io.ecs4j.request.UpdateServiceRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * CreateService, UpdateService and DeleteService: ECS's rules, defaults and wording (ecs-semantics §5.2, §8). Each
 * operation validates everything before it changes anything. Runs on the cluster's loop.
 */
final class ServiceRequests {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    static final String DAEMON_DESIRED_COUNT = "The daemon scheduling strategy does not support a desired count for"
            + " services. Remove the desired count value and try again";
    static final String DAEMON_MAXIMUM_PERCENT = "The daemon scheduling strategy does not support values above 100 for"
            + " maximumPercent on a deployment configuration. Change the maximumPercent value to 100, and try again";

    private ServiceRequests() {
    }

    // ------------------------------------------------------------------ CreateService

    static Service create(ServiceScheduler scheduler, CreateServiceRequest r) {
        Objects.requireNonNull(r, "request");
        String name = r.serviceName();
        if (name == null || !NAME.matcher(name).matches()) {
            throw EcsException.invalidParameter("serviceName", "Service name can have up to 255 letters (uppercase and"
                    + " lowercase), numbers, underscores, and hyphens.");
        }
        if (r.clientToken() != null && (r.clientToken().isEmpty() || r.clientToken().length() > 36)) {
            throw EcsException.invalidParameter("clientToken", "clientToken must be 1-36 characters.");
        }
        ServiceState existing = scheduler.byName.get(name);
        if (existing != null && existing.status != ServiceStatus.INACTIVE) {
            if (r.clientToken() != null && r.clientToken().equals(existing.clientToken)
                    && existing.creationRequest.equals(r.toBuilder().clientToken(null).build())) {
                return scheduler.view(name) != null ? scheduler.view(name) : existing.snapshot(scheduler.host.now());
            }
            throw EcsException.invalidParameter("serviceName", "Creation of service was not idempotent.");
        }
        SchedulingStrategy strategy = r.schedulingStrategy() == null ? SchedulingStrategy.REPLICA
                : r.schedulingStrategy();
        boolean daemon = strategy == SchedulingStrategy.DAEMON;
        DeploymentControllerType controller = r.deploymentController() == null ? DeploymentControllerType.ECS
                : r.deploymentController();
        if (controller != DeploymentControllerType.ECS) {
            throw EcsException.unsupported("The " + controller.value() + " deployment controller is not supported by"
                    + " ecs4j; use the ECS (rolling update) deployment controller.");
        }
        LaunchType launchType = r.launchType() == null ? LaunchType.EC2 : r.launchType();
        int desiredCount = 0;
        if (daemon) {
            if (r.desiredCount() != null) {
                throw EcsException.invalidParameter("desiredCount", DAEMON_DESIRED_COUNT);
            }
            daemonRules(r.placementStrategy(), launchType);
        } else {
            if (r.desiredCount() == null) {
                throw EcsException.invalidParameter("desiredCount",
                        "desiredCount is required when schedulingStrategy is REPLICA.");
            }
            desiredCount = desiredCount(r.desiredCount());
        }
        DeploymentConfiguration config = deploymentConfiguration(r.deploymentConfiguration(), null, daemon);
        int grace = grace(r.healthCheckGracePeriodSeconds());
        String propagateTags = propagateTags(r.propagateTags(), "NONE");
        if (r.taskDefinition() == null || r.taskDefinition().isBlank()) {
            throw EcsException.invalidParameter("taskDefinition", "taskDefinition can not be blank.");
        }
        TaskDefinition td = scheduler.host.resolveTaskDefinition(r.taskDefinition());
        validateLaunch(scheduler, td, launchType, r.networkConfiguration(), r.placementConstraints(),
                r.placementStrategy());
        validateLoadBalancers(scheduler, r.loadBalancers(), td);
        var tags = scheduler.host.validateTags(r.tags());

        ServiceArn arn = new ServiceArn(scheduler.clusterArn.region(), scheduler.clusterArn.accountId(),
                scheduler.clusterArn.clusterName(), name);
        ServiceState s = new ServiceState(arn, scheduler.clusterArn, strategy, scheduler.host.now(),
                "arn:aws:iam::" + scheduler.clusterArn.accountId() + ":root", scheduler.sequence++, controller,
                r.toBuilder().clientToken(null).build(), r.clientToken());
        s.desiredCount = desiredCount;
        s.deploymentConfiguration = config;
        s.placementConstraints = r.placementConstraints();
        s.placementStrategy = r.placementStrategy();
        s.healthCheckGracePeriodSeconds = grace;
        s.loadBalancers = r.loadBalancers();
        s.roleArn = r.role();
        s.propagateTags = propagateTags;
        s.enableECSManagedTags = r.enableECSManagedTags();
        s.enableExecuteCommand = r.enableExecuteCommand();
        s.tags = tags;
        String platformVersion = launchType == LaunchType.FARGATE
                ? (r.platformVersion() == null ? "LATEST" : r.platformVersion()) : null;
        // After a restart, tasks of a former incarnation of this service were re-adopted: count them. Those of the
        // same revision join the new PRIMARY deployment (it takes their deployment id); others form older ACTIVE
        // deployments that the rolling update replaces.
        List<SchedulerHost.AdoptedTask> adopted = scheduler.host.adoptedTasks("service:" + name);
        String primaryId = null;
        java.util.Set<String> olderIds = new java.util.LinkedHashSet<>();
        for (SchedulerHost.AdoptedTask t : adopted) {
            if (t.taskDefinition().taskDefinitionArn().equals(td.taskDefinitionArn())) {
                primaryId = primaryId == null ? t.deploymentId() : primaryId;
            } else if (olderIds.add(t.deploymentId())) {
                scheduler.newDeployment(s, t.taskDefinition(), launchType, platformVersion, r.networkConfiguration(),
                        false, null, t.deploymentId());
            }
        }
        scheduler.newDeployment(s, td, launchType, platformVersion, r.networkConfiguration(), false, null,
                primaryId != null && !olderIds.contains(primaryId) ? primaryId : scheduler.host.newDeploymentId());
        scheduler.register(s);
        if (!adopted.isEmpty()) {
            scheduler.host.touch(adopted.stream().map(SchedulerHost.AdoptedTask::taskId).toList());
        }
        return s.snapshot(scheduler.host.now());
    }

    // ------------------------------------------------------------------ UpdateService

    static Service update(ServiceScheduler scheduler, UpdateServiceRequest r) {
        Objects.requireNonNull(r, "request");
        ServiceState s = find(scheduler, r.service());
        if (s.status != ServiceStatus.ACTIVE) {
            throw EcsException.serviceNotActive();
        }
        boolean daemon = s.isDaemon();
        Integer desiredCount = null;
        if (r.desiredCount() != null) {
            if (daemon) {
                throw EcsException.invalidParameter("desiredCount", DAEMON_DESIRED_COUNT);
            }
            desiredCount = desiredCount(r.desiredCount());
        }
        DeploymentConfiguration config = r.deploymentConfiguration() == null ? s.deploymentConfiguration
                : deploymentConfiguration(r.deploymentConfiguration(), s.deploymentConfiguration, daemon);
        List<PlacementConstraint> constraints = r.placementConstraints() == null ? s.placementConstraints
                : r.placementConstraints();
        List<PlacementStrategy> strategies = r.placementStrategy() == null ? s.placementStrategy
                : r.placementStrategy();
        DeploymentState primary = s.primary();
        if (daemon) {
            daemonRules(strategies, primary.launchType);
        }
        int grace = r.healthCheckGracePeriodSeconds() == null ? s.healthCheckGracePeriodSeconds
                : grace(r.healthCheckGracePeriodSeconds());
        String propagateTags = propagateTags(r.propagateTags(), s.propagateTags);
        TaskDefinition td = primary.taskDefinition;
        if (r.taskDefinition() != null) {
            if (r.taskDefinition().isBlank()) {
                throw EcsException.invalidParameter("taskDefinition", "taskDefinition can not be blank.");
            }
            td = scheduler.host.resolveTaskDefinition(r.taskDefinition());
        }
        NetworkConfiguration nc = r.networkConfiguration() == null ? primary.networkConfiguration
                : r.networkConfiguration();
        String platformVersion = primary.platformVersion;
        if (r.platformVersion() != null && primary.launchType == LaunchType.FARGATE) {
            platformVersion = r.platformVersion();
        }
        List<LoadBalancer> loadBalancers = r.loadBalancers() == null ? s.loadBalancers : r.loadBalancers();
        validateLaunch(scheduler, td, primary.launchType, nc, constraints, strategies);
        validateLoadBalancers(scheduler, loadBalancers, td);

        boolean newDeployment = r.forceNewDeployment()
                || !td.taskDefinitionArn().equals(primary.taskDefinition.taskDefinitionArn())
                || !Objects.equals(nc, primary.networkConfiguration)
                || !Objects.equals(platformVersion, primary.platformVersion)
                || !constraints.equals(s.placementConstraints)
                || !strategies.equals(s.placementStrategy)
                || !loadBalancers.equals(s.loadBalancers);
        if (desiredCount != null) {
            s.desiredCount = desiredCount;
        }
        s.deploymentConfiguration = config;
        s.placementConstraints = constraints;
        s.placementStrategy = strategies;
        s.healthCheckGracePeriodSeconds = grace;
        s.loadBalancers = loadBalancers;
        s.propagateTags = propagateTags;
        if (r.enableExecuteCommand() != null) {
            s.enableExecuteCommand = r.enableExecuteCommand();
        }
        if (r.enableECSManagedTags() != null) {
            s.enableECSManagedTags = r.enableECSManagedTags();
        }
        if (newDeployment) {
            scheduler.newDeployment(s, td, primary.launchType, platformVersion, nc, false, null);
        }
        scheduler.markDirty(s);
        return s.snapshot(scheduler.host.now());
    }

    // ------------------------------------------------------------------ DeleteService

    static Service delete(ServiceScheduler scheduler, String ref, boolean force) {
        ServiceState s = find(scheduler, ref);
        if (s.status != ServiceStatus.ACTIVE) {
            throw EcsException.serviceNotActive();
        }
        if (!s.isDaemon() && s.desiredCount > 0 && !force) {
            throw EcsException.invalidParameter("force", "The service cannot be stopped while it is scaled above 0.");
        }
        s.status = ServiceStatus.DRAINING;
        s.desiredCount = 0;
        scheduler.cancelSteadyReminder(s);
        scheduler.statusChanged(s);
        return s.snapshot(scheduler.host.now());
    }

    // ------------------------------------------------------------------ shared rules

    /** The service named by {@code ref} (a name or an ARN of this cluster). */
    static ServiceState find(ServiceScheduler scheduler, String ref) {
        String name = serviceName(scheduler, ref);
        ServiceState s = name == null ? null : scheduler.byName.get(name);
        if (s == null) {
            throw EcsException.serviceNotFound();
        }
        return s;
    }

    /** The service name {@code ref} names in this cluster, or null when it is an ARN of another cluster. */
    static String serviceName(ServiceScheduler scheduler, String ref) {
        if (ref == null || ref.isEmpty()) {
            throw EcsException.invalidParameter("service", "service can not be blank.");
        }
        if (ArnParts.isArn(ref)) {
            ServiceArn arn = ServiceArn.parse(ref);
            if (!arn.region().equals(scheduler.clusterArn.region())
                    || !arn.accountId().equals(scheduler.clusterArn.accountId())
                    || (arn.clusterName() != null && !arn.clusterName().equals(scheduler.clusterArn.clusterName()))) {
                return null;
            }
            return arn.serviceName();
        }
        return ref;
    }

    private static int desiredCount(int value) {
        if (value < 0) {
            throw EcsException.invalidParameter("desiredCount", "desiredCount must be greater than or equal to 0.");
        }
        return value;
    }

    private static int grace(Integer value) {
        if (value == null) {
            return 0;
        }
        if (value < 0) {
            throw EcsException.invalidParameter("healthCheckGracePeriodSeconds",
                    "healthCheckGracePeriodSeconds must be between 0 and 2147483647.");
        }
        return value;
    }

    private static String propagateTags(String value, String current) {
        if (value == null) {
            return current;
        }
        if (!value.equals("TASK_DEFINITION") && !value.equals("SERVICE") && !value.equals("NONE")) {
            throw EcsException.invalidParameter("propagateTags", "propagateTags must be one of TASK_DEFINITION,"
                    + " SERVICE, NONE.");
        }
        return value;
    }

    private static void daemonRules(List<PlacementStrategy> strategies, LaunchType launchType) {
        if (!strategies.isEmpty()) {
            throw EcsException.invalidParameter("placementStrategy", "The daemon scheduling strategy does not support"
                    + " placement strategies. Remove the placement strategy and try again");
        }
        if (launchType == LaunchType.FARGATE) {
            throw EcsException.invalidParameter("launchType", "The daemon scheduling strategy does not support the"
                    + " FARGATE launch type. Use the EC2 or EXTERNAL launch type and try again");
        }
    }

    /**
     * {@code given} merged over {@code current} (members left null keep their value) with ECS's defaults filled in:
     * REPLICA 100/200, DAEMON 0/100.
     */
    static DeploymentConfiguration deploymentConfiguration(DeploymentConfiguration given,
                                                           DeploymentConfiguration current, boolean daemon) {
        Integer min = given == null ? null : given.minimumHealthyPercent();
        Integer max = given == null ? null : given.maximumPercent();
        DeploymentCircuitBreaker breaker = given == null ? null : given.deploymentCircuitBreaker();
        if (current != null) {
            min = min == null ? current.minimumHealthyPercent() : min;
            max = max == null ? current.maximumPercent() : max;
            breaker = breaker == null ? current.deploymentCircuitBreaker() : breaker;
        }
        if (min == null) {
            min = daemon ? 0 : 100;
        }
        if (max == null) {
            max = daemon ? 100 : 200;
        }
        if (min < 0 || min > 100) {
            throw EcsException.invalidParameter("deploymentConfiguration.minimumHealthyPercent",
                    "minimumHealthyPercent must be between 0 and 100.");
        }
        if (daemon && max > 100) {
            throw EcsException.invalidParameter("deploymentConfiguration.maximumPercent", DAEMON_MAXIMUM_PERCENT);
        }
        if (!daemon && max < 100) {
            throw EcsException.invalidParameter("deploymentConfiguration.maximumPercent",
                    "maximumPercent must be at least 100 for the REPLICA scheduling strategy.");
        }
        if (min > max) {
            throw EcsException.invalidParameter("deploymentConfiguration.minimumHealthyPercent",
                    "minimumHealthyPercent must not be greater than maximumPercent.");
        }
        if (breaker != null && breaker.thresholdConfiguration() != null) {
            ThresholdConfiguration tc = breaker.thresholdConfiguration();
            if (tc.value() < (tc.type() == io.ecs4j.model.ThresholdType.COUNT ? 1 : 0)) {
                throw EcsException.invalidParameter("deploymentConfiguration.deploymentCircuitBreaker"
                        + ".thresholdConfiguration.value", "thresholdConfiguration value must be positive.");
            }
        }
        return new DeploymentConfiguration(breaker, max, min);
    }

    private static void validateLaunch(ServiceScheduler scheduler, TaskDefinition td, LaunchType launchType,
                                       NetworkConfiguration nc, List<PlacementConstraint> constraints,
                                       List<PlacementStrategy> strategies) {
        List<PlacementConstraint> all = new ArrayList<>(td.placementConstraints());
        all.addAll(constraints);
        scheduler.host.validateLaunch(td, launchType, nc, all, strategies);
    }

    /** The message ECS gives for a target group it cannot find (or may not read). */
    static final String TARGET_GROUP_NOT_FOUND = "Unable to assume role and validate the specified targetGroupArn."
            + " Please verify that the ECS service role being passed has the proper permissions.";

    private static void validateLoadBalancers(ServiceScheduler scheduler, List<LoadBalancer> loadBalancers,
                                              TaskDefinition td) {
        if (loadBalancers.size() > 5) {
            throw EcsException.invalidParameter("loadBalancers", "A service can have at most 5 target groups.");
        }
        for (int i = 0; i < loadBalancers.size(); i++) {
            LoadBalancer lb = loadBalancers.get(i);
            String field = "loadBalancers[" + i + "]";
            if (lb.targetGroupArn() == null && lb.loadBalancerName() == null) {
                throw EcsException.invalidParameter(field, "Either targetGroupArn or loadBalancerName must be"
                        + " specified for a load balancer.");
            }
            ContainerDefinition c = lb.containerName() == null ? null : td.container(lb.containerName());
            if (c == null) {
                throw EcsException.invalidParameter(field + ".containerName", "The container " + lb.containerName()
                        + " does not exist in the task definition.");
            }
            boolean exposed = false;
            for (PortMapping pm : c.portMappings()) {
                exposed |= lb.containerPort() != null && lb.containerPort().equals(pm.containerPort());
            }
            if (!exposed) {
                throw EcsException.invalidParameter(field + ".containerPort", "The container " + lb.containerName()
                        + " did not have a container port " + lb.containerPort() + " defined.");
            }
            if (scheduler.host.loadBalancingEnabled()) {
                if (lb.targetGroupArn() == null) {
                    throw EcsException.invalidParameter(field + ".loadBalancerName", "Classic Load Balancers are not"
                            + " supported by ecs4j's load balancing; give a targetGroupArn instead of loadBalancerName "
                            + lb.loadBalancerName() + ".");
                }
                if (scheduler.host.findTargetGroup(lb.targetGroupArn()).isEmpty()) {
                    throw EcsException.invalidParameter(field + ".targetGroupArn", TARGET_GROUP_NOT_FOUND
                            + " (ecs4j: the load balancer has no target group " + lb.targetGroupArn()
                            + "; create it there first.)");
                }
            }
        }
        for (int i = 0; i < loadBalancers.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (loadBalancers.get(i).equals(loadBalancers.get(j))) {
                    throw EcsException.invalidParameter("loadBalancers[" + i + "]", "The load balancer "
                            + describe(loadBalancers.get(i)) + " is listed twice.");
                }
            }
        }
    }

    private static String describe(LoadBalancer lb) {
        return "(" + (lb.targetGroupArn() != null ? lb.targetGroupArn() : lb.loadBalancerName()) + ", "
                + lb.containerName() + ":" + lb.containerPort() + ")";
    }
}
