package io.ecs4j.internal.engine;

import io.ecs4j.EcsErrorCode;
import io.ecs4j.EcsException;
import io.ecs4j.internal.placement.PlacementDefaults;
import io.ecs4j.internal.placement.PlacementOutcome;
import io.ecs4j.internal.placement.PlacementRequest;
import io.ecs4j.internal.placement.PlacementValidator;
import io.ecs4j.internal.placement.TaskFootprint;
import io.ecs4j.internal.util.ArnParts;
import io.ecs4j.internal.util.Pagination;
import io.ecs4j.model.Attribute;
import io.ecs4j.model.ContainerDefinition;
import io.ecs4j.model.ContainerInstanceStatus;
import io.ecs4j.model.ContainerOverride;
import io.ecs4j.model.DesiredStatus;
import io.ecs4j.model.Failure;
import io.ecs4j.model.LaunchType;
import io.ecs4j.model.NetworkConfiguration;
import io.ecs4j.model.NetworkMode;
import io.ecs4j.model.PlacementConstraint;
import io.ecs4j.model.PlacementConstraintType;
import io.ecs4j.model.PlacementStrategy;
import io.ecs4j.model.PortMapping;
import io.ecs4j.model.Tag;
import io.ecs4j.model.Task;
import io.ecs4j.model.TaskArn;
import io.ecs4j.model.TaskDefinition;
import io.ecs4j.model.TaskOverride;
import io.ecs4j.model.TaskStopCode;
import io.ecs4j.model.TransportProtocol;
import io.ecs4j.request.DescribeResult;
import io.ecs4j.request.ListTasksRequest;
import io.ecs4j.request.Page;
import io.ecs4j.request.RunTaskRequest;
import io.ecs4j.request.RunTaskResult;
import io.ecs4j.request.StartTaskRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * RunTask, StartTask, StopTask, DescribeTasks and ListTasks for one cluster. Mutating operations run on the cluster's
 * loop and validate everything before they change anything.
 */
final class TaskOperations {
    private static final Pattern STARTED_BY = Pattern.compile("[A-Za-z0-9_/\\-]{1,128}");
    private static final Pattern FAMILY = Pattern.compile("[a-zA-Z0-9\\-_]+");

    private final DefaultLocalEcs ecs;

    TaskOperations(DefaultLocalEcs ecs) {
        this.ecs = ecs;
    }

    /** The common inputs of RunTask, StartTask and service launches, validated. */
    record Launch(TaskDefinition taskDefinition, List<ContainerDefinition> containers, LaunchType launchType,
                          String group, TaskFootprint footprint, Integer cpu, Integer memory, TaskOverride overrides,
                          List<Tag> tags) {
    }

    // ------------------------------------------------------------------ RunTask

    RunTaskResult runTask(ClusterContext cluster, RunTaskRequest request) {
        Objects.requireNonNull(request, "request");
        cluster.requireActive();
        if (request.count() < 1 || request.count() > 10) {
            throw EcsException.invalidParameter("count", "count must be between 1 and 10.");
        }
        Launch launch = validate(cluster, request.taskDefinition(), request.launchType(), request.group(),
                request.startedBy(), request.overrides(), request.networkConfiguration(), request.tags(),
                request.propagateTags(), true);
        List<PlacementConstraint> constraints = new ArrayList<>(launch.taskDefinition().placementConstraints());
        constraints.addAll(request.placementConstraints());
        validatePlacement(constraints, request.placementStrategy(), launch.launchType());

        if (request.clientToken() != null) {
            RunTaskResult replay = replay(cluster, request);
            if (replay != null) {
                return replay;
            }
        }
        List<TaskRun> started = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        if (launch.launchType() == LaunchType.FARGATE) {
            List<String> zones = cluster.config().fargateAvailabilityZones();
            for (int i = 0; i < request.count(); i++) {
                String zone = zones.get((int) (cluster.taskSequence % zones.size()));
                started.add(create(cluster, launch, null, zone, request.startedBy(), request.networkConfiguration(),
                        request.enableExecuteCommand(), request.platformVersion() == null ? "1.4.0"
                                : request.platformVersion()));
            }
        } else {
            PlacementOutcome outcome = cluster.placement.place(new PlacementRequest(request.count(), launch.group(),
                    launch.footprint(), constraints, PlacementDefaults.forRunTask(request.placementStrategy()),
                    requiredAttributes(launch.taskDefinition())));
            if (outcome.noInstances()) {
                throw EcsException.invalidParameter("cluster", "No Container Instances were found in your cluster.");
            }
            for (String instanceId : outcome.instanceIds()) {
                InstanceState instance = cluster.instances.get(instanceId);
                started.add(create(cluster, launch, instance, instance.attributes.get("ecs.availability-zone") == null
                                ? null : instance.attributes.get("ecs.availability-zone").value(), request.startedBy(),
                        request.networkConfiguration(), request.enableExecuteCommand(), null));
            }
            failures.addAll(outcome.failures());
        }
        if (request.clientToken() != null) {
            cluster.clientTokens.put(request.clientToken(), new ClusterContext.ClientTokenEntry(
                    request.toBuilder().clientToken(null).build(), started.stream().map(TaskRun::id).toList()));
        }
        cluster.flush();
        return new RunTaskResult(started.stream().map(t -> cluster.taskViews.get(t.id())).toList(), failures);
    }

    private RunTaskResult replay(ClusterContext cluster, RunTaskRequest request) {
        ClusterContext.ClientTokenEntry entry = cluster.clientTokens.get(request.clientToken());
        if (entry == null) {
            return null;
        }
        if (!entry.requestKey().equals(request.toBuilder().clientToken(null).build())) {
            throw new EcsException(EcsErrorCode.CONFLICT, "The clientToken '" + request.clientToken()
                    + "' was already used with different parameters: " + entry.taskIds(), "clientToken");
        }
        List<Task> tasks = new ArrayList<>();
        for (String id : entry.taskIds()) {
            Task t = cluster.taskViews.get(id);
            if (t != null) {
                tasks.add(t);
            }
        }
        return new RunTaskResult(tasks, List.of());
    }

    // ------------------------------------------------------------------ plan / explain

    /** The placement request RunTask would make, validated as RunTask validates, changing nothing. */
    PlacementRequest placementRequest(ClusterContext cluster, RunTaskRequest request) {
        cluster.requireActive();
        if (request.count() < 1 || request.count() > 10) {
            throw EcsException.invalidParameter("count", "count must be between 1 and 10.");
        }
        Launch launch = validate(cluster, request.taskDefinition(), request.launchType(), request.group(),
                request.startedBy(), request.overrides(), request.networkConfiguration(), request.tags(),
                request.propagateTags(), true);
        if (launch.launchType() == LaunchType.FARGATE) {
            throw EcsException.invalidParameter("launchType",
                    "FARGATE tasks are not placed on container instances; there is no placement to plan.");
        }
        List<PlacementConstraint> constraints = new ArrayList<>(launch.taskDefinition().placementConstraints());
        constraints.addAll(request.placementConstraints());
        validatePlacement(constraints, request.placementStrategy(), launch.launchType());
        return new PlacementRequest(request.count(), launch.group(), launch.footprint(), constraints,
                PlacementDefaults.forRunTask(request.placementStrategy()), requiredAttributes(launch.taskDefinition()));
    }

    // ------------------------------------------------------------------ StartTask

    RunTaskResult startTask(ClusterContext cluster, StartTaskRequest request) {
        Objects.requireNonNull(request, "request");
        cluster.requireActive();
        if (request.containerInstances().isEmpty() || request.containerInstances().size() > 10) {
            throw EcsException.invalidParameter("containerInstances",
                    "containerInstances must contain between 1 and 10 container instances.");
        }
        Launch launch = validate(cluster, request.taskDefinition(), LaunchType.EC2, request.group(),
                request.startedBy(), request.overrides(), request.networkConfiguration(), request.tags(),
                request.propagateTags(), false);
        List<TaskRun> started = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String ref : request.containerInstances()) {
            InstanceState instance = InstanceOperations.find(cluster, ref);
            if (instance == null) {
                failures.add(Failure.missing(InstanceOperations.arnFor(cluster, ref)));
                continue;
            }
            if (instance.status == ContainerInstanceStatus.INACTIVE) {
                failures.add(new Failure(instance.arn.toString(), "INACTIVE", null));
                continue;
            }
            // StartTask is placement restricted to one named instance, with no strategy.
            PlacementOutcome outcome = cluster.placement.place(new PlacementRequest(1, launch.group(),
                    launch.footprint(), List.of(PlacementConstraint.memberOf("ec2InstanceId == " + instance.ec2InstanceId)),
                    List.of(), requiredAttributes(launch.taskDefinition())));
            if (outcome.instanceIds().isEmpty()) {
                Failure f = outcome.failures().isEmpty() ? new Failure(instance.arn.toString(), "ATTRIBUTE", null)
                        : outcome.failures().get(0);
                failures.add(new Failure(instance.arn.toString(), f.reason(), f.detail()));
                continue;
            }
            Attribute az = instance.attributes.get("ecs.availability-zone");
            started.add(create(cluster, launch, instance, az == null ? null : az.value(), request.startedBy(),
                    request.networkConfiguration(), request.enableExecuteCommand(), null));
        }
        cluster.flush();
        return new RunTaskResult(started.stream().map(t -> cluster.taskViews.get(t.id())).toList(), failures);
    }

    // ------------------------------------------------------------------ shared launch path

    private Launch validate(ClusterContext cluster, String taskDefinitionRef, LaunchType requestedLaunchType,
                            String group, String startedBy, TaskOverride overrides,
                            NetworkConfiguration networkConfiguration, List<Tag> tags, String propagateTags,
                            boolean runTask) {
        if (taskDefinitionRef == null || taskDefinitionRef.isBlank()) {
            throw EcsException.invalidParameter("taskDefinition", "taskDefinition can not be blank.");
        }
        TaskDefinition td = ecs.registry().resolveForLaunch(taskDefinitionRef);
        return validate(td, requestedLaunchType, group, startedBy, overrides, networkConfiguration, tags,
                propagateTags, runTask);
    }

    private Launch validate(TaskDefinition td, LaunchType requestedLaunchType, String group, String startedBy,
                            TaskOverride overrides, NetworkConfiguration networkConfiguration, List<Tag> tags,
                            String propagateTags, boolean runTask) {
        LaunchType launchType = requestedLaunchType == null ? LaunchType.EC2 : requestedLaunchType;
        if (launchType == LaunchType.MANAGED_INSTANCES) {
            throw EcsException.unsupported("launchType MANAGED_INSTANCES is not supported by ecs4j.");
        }
        if (!compatibilities(td).contains(launchType)) {
            throw EcsException.invalidParameter("launchType",
                    "Task definition does not support launch_type " + launchType.value() + ".");
        }
        validateNetwork(td, networkConfiguration);
        if (group != null && (group.isEmpty() || group.length() > 255)) {
            throw EcsException.invalidParameter("group", "group must be between 1 and 255 characters.");
        }
        if (startedBy != null && !STARTED_BY.matcher(startedBy).matches()) {
            throw EcsException.invalidParameter("startedBy", "startedBy must be 1-128 characters of letters"
                    + " (uppercase and lowercase), numbers, hyphens (-), forward slashes (/), and underscores (_).");
        }
        TaskOverride effectiveOverrides = overrides == null ? TaskOverride.builder().build() : overrides;
        validateOverrides(td, effectiveOverrides);
        if ("SERVICE".equals(propagateTags) && runTask) {
            throw EcsException.invalidParameter("propagateTags",
                    "The specified propagateTags value SERVICE is not valid for RunTask; use TASK_DEFINITION.");
        }
        if (propagateTags != null && !propagateTags.equals("TASK_DEFINITION") && !propagateTags.equals("NONE")
                && !propagateTags.equals("SERVICE")) {
            throw EcsException.invalidParameter("propagateTags", "propagateTags must be one of TASK_DEFINITION,"
                    + " SERVICE, NONE.");
        }
        List<Tag> taskTags = new ArrayList<>(Tags.validate(tags, "tags"));
        if ("TASK_DEFINITION".equals(propagateTags)) {
            for (Tag t : td.tags()) {
                if (taskTags.stream().noneMatch(x -> x.key().equals(t.key()))) {
                    taskTags.add(t);
                }
            }
        }
        List<ContainerDefinition> containers = LaunchSpecs.applyOverrides(td, effectiveOverrides);
        Integer cpu = parseInt(effectiveOverrides.cpu() != null ? effectiveOverrides.cpu() : td.cpu());
        Integer memory = parseInt(effectiveOverrides.memory() != null ? effectiveOverrides.memory() : td.memory());
        TaskFootprint footprint = footprint(td, containers, cpu, memory);
        if (cpu == null) {
            cpu = footprint.cpu() == 0 ? null : footprint.cpu();
        }
        if (memory == null) {
            memory = footprint.memory() == 0 ? null : footprint.memory();
        }
        String effectiveGroup = group != null ? group : "family:" + td.family();
        return new Launch(td, containers, launchType, effectiveGroup, footprint, cpu, memory, effectiveOverrides,
                taskTags);
    }

    /**
     * Hook for the service scheduler: the launch inputs of a task of a service deployment. The deployment's task
     * definition is used as it is (a service keeps launching a revision deregistered since); the tags given are
     * already the ones the task gets.
     */
    Launch serviceLaunch(io.ecs4j.internal.reconcile.ServiceLaunch launch) {
        Launch validated = validate(launch.taskDefinition(), launch.launchType(), launch.group(), launch.deploymentId(),
                null, launch.networkConfiguration(), List.of(), null, false);
        return new Launch(validated.taskDefinition(), validated.containers(), validated.launchType(), validated.group(),
                validated.footprint(), validated.cpu(), validated.memory(), validated.overrides(), launch.tags());
    }

    /** Hook for the service scheduler: creates and starts one task of a service (Fargate when {@code instance} is null). */
    TaskRun createServiceTask(ClusterContext cluster, Launch launch, InstanceState instance,
                              io.ecs4j.internal.reconcile.ServiceLaunch service) {
        String zone;
        if (instance == null) {
            List<String> zones = cluster.config().fargateAvailabilityZones();
            zone = zones.get((int) (cluster.taskSequence % zones.size()));
        } else {
            Attribute az = instance.attributes.get("ecs.availability-zone");
            zone = az == null ? null : az.value();
        }
        String platformVersion = instance == null ? "1.4.0" : null;
        return create(cluster, launch, instance, zone, service.deploymentId(), service.networkConfiguration(),
                service.enableExecuteCommand(), platformVersion, List.of(service.serviceName()),
                service.loadBalancers());
    }

    /**
     * Hook for the service scheduler: the launch checks CreateService and UpdateService share with RunTask (launch type,
     * network configuration, placement).
     */
    static void validateServiceLaunch(TaskDefinition td, LaunchType launchType, NetworkConfiguration nc,
                                      List<PlacementConstraint> constraints, List<PlacementStrategy> strategies) {
        if (launchType == LaunchType.MANAGED_INSTANCES) {
            throw EcsException.unsupported("launchType MANAGED_INSTANCES is not supported by ecs4j.");
        }
        if (!compatibilities(td).contains(launchType)) {
            throw EcsException.invalidParameter("launchType",
                    "Task definition does not support launch_type " + launchType.value() + ".");
        }
        validateNetwork(td, nc);
        validatePlacement(constraints, strategies, launchType);
    }

    static Set<String> requiredAttributes(TaskDefinition td) {
        Set<String> required = new LinkedHashSet<>();
        for (Attribute a : td.requiresAttributes()) {
            required.add(a.name());
        }
        return required;
    }

    private static Set<LaunchType> compatibilities(TaskDefinition td) {
        Set<LaunchType> result = new HashSet<>(td.compatibilities());
        if (result.isEmpty()) {
            result.add(LaunchType.EC2);
            result.addAll(td.requiresCompatibilities());
        }
        if (result.contains(LaunchType.EC2)) {
            result.add(LaunchType.EXTERNAL);
        }
        return result;
    }

    private static void validateNetwork(TaskDefinition td, NetworkConfiguration nc) {
        boolean awsvpc = td.networkModeOrDefault() == NetworkMode.AWSVPC;
        boolean given = nc != null && nc.awsvpcConfiguration() != null;
        if (awsvpc && (!given || nc.awsvpcConfiguration().subnets().isEmpty())) {
            throw EcsException.invalidParameter("networkConfiguration",
                    "Network Configuration must be provided when networkMode 'awsvpc' is specified.");
        }
        if (!awsvpc && given) {
            throw EcsException.invalidParameter("networkConfiguration",
                    "Network Configuration is not valid for the given networkMode of this task definition.");
        }
        if (given) {
            if (nc.awsvpcConfiguration().subnets().size() > 16) {
                throw EcsException.invalidParameter("networkConfiguration.awsvpcConfiguration.subnets",
                        "subnets can have at most 16 items.");
            }
            if (nc.awsvpcConfiguration().securityGroups().size() > 5) {
                throw EcsException.invalidParameter("networkConfiguration.awsvpcConfiguration.securityGroups",
                        "securityGroups can have at most 5 items.");
            }
            String assign = nc.awsvpcConfiguration().assignPublicIp();
            if (assign != null && !assign.equals("ENABLED") && !assign.equals("DISABLED")) {
                throw EcsException.invalidParameter("networkConfiguration.awsvpcConfiguration.assignPublicIp",
                        "assignPublicIp must be ENABLED or DISABLED.");
            }
        }
    }

    private static void validateOverrides(TaskDefinition td, TaskOverride overrides) {
        Integer taskMemory = parseInt(overrides.memory() != null ? overrides.memory() : td.memory());
        for (int i = 0; i < overrides.containerOverrides().size(); i++) {
            ContainerOverride o = overrides.containerOverrides().get(i);
            String field = "overrides.containerOverrides[" + i + "]";
            if (o.name() == null || td.container(o.name()) == null) {
                throw EcsException.invalidParameter(field + ".name", "Override for container named " + o.name()
                        + " is not a container in the TaskDefinition.");
            }
            if (o.memory() != null && taskMemory != null && o.memory() > taskMemory) {
                throw EcsException.invalidParameter(field + ".memory",
                        "'memory' setting for container '" + o.name() + "' is greater than for task.");
            }
            if (o.memory() != null && o.memoryReservation() != null && o.memoryReservation() > o.memory()) {
                throw EcsException.invalidParameter(field + ".memoryReservation", "Invalid setting for container '"
                        + o.name() + "'. 'memoryReservation' must be less than or equal to 'memory'.");
            }
            if ((o.memory() != null && o.memory() < 6) || (o.memoryReservation() != null && o.memoryReservation() < 6)) {
                throw EcsException.invalidParameter(field + ".memory", "Invalid setting for container '" + o.name()
                        + "'. The memory must be at least 6 MiB.");
            }
            if (o.cpu() != null && o.cpu() < 0) {
                throw EcsException.invalidParameter(field + ".cpu", "Invalid 'cpu' setting for container '"
                        + o.name() + "'.");
            }
        }
        for (String field : new String[]{"cpu", "memory"}) {
            String value = field.equals("cpu") ? overrides.cpu() : overrides.memory();
            if (value != null && parseInt(value) == null) {
                throw EcsException.invalidParameter("overrides." + field, "Invalid '" + field
                        + "' setting for task override: '" + value + "'.");
            }
        }
    }

    private static void validatePlacement(List<PlacementConstraint> constraints, List<PlacementStrategy> strategies,
                                          LaunchType launchType) {
        if (launchType == LaunchType.FARGATE && (!constraints.isEmpty() || !strategies.isEmpty())) {
            throw EcsException.invalidParameter("placementConstraints",
                    "Placement constraints and strategies are not supported with the FARGATE launch type.");
        }
        PlacementValidator.validate(constraints, strategies);
    }

    static Integer parseInt(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The resources a task consumes on an instance (ecs-semantics §2.3). */
    static TaskFootprint footprint(TaskDefinition td, List<ContainerDefinition> containers, Integer cpu,
                                   Integer memory) {
        int cpuUnits = cpu != null && cpu > 0 ? cpu : containers.stream().mapToInt(ContainerDefinition::cpu).sum();
        int mem;
        if (memory != null && memory > 0) {
            mem = memory;
        } else {
            mem = 0;
            for (ContainerDefinition c : containers) {
                mem += c.memoryReservation() != null ? c.memoryReservation() : c.memory() != null ? c.memory() : 0;
            }
        }
        Set<Integer> tcp = new LinkedHashSet<>();
        Set<Integer> udp = new LinkedHashSet<>();
        NetworkMode mode = td.networkModeOrDefault();
        if (mode == NetworkMode.BRIDGE || mode == NetworkMode.HOST) {
            for (ContainerDefinition c : containers) {
                for (PortMapping pm : c.portMappings()) {
                    Integer host = mode == NetworkMode.HOST ? pm.containerPort() : pm.hostPort();
                    if (host != null && host > 0) {
                        (pm.protocolOrDefault() == TransportProtocol.UDP ? udp : tcp).add(host);
                    }
                }
            }
        }
        return new TaskFootprint(cpuUnits, mem, tcp, udp);
    }

    private TaskRun create(ClusterContext cluster, Launch launch, InstanceState instance, String zone,
                           String startedBy, NetworkConfiguration nc, boolean exec, String platformVersion) {
        return create(cluster, launch, instance, zone, startedBy, nc, exec, platformVersion, List.of(), List.of());
    }

    private TaskRun create(ClusterContext cluster, Launch launch, InstanceState instance, String zone,
                           String startedBy, NetworkConfiguration nc, boolean exec, String platformVersion,
                           List<String> networkAliases, List<io.ecs4j.model.LoadBalancer> loadBalancers) {
        TaskArn arn = new TaskArn(cluster.arn.region(), cluster.arn.accountId(), cluster.name, ecs.ids().hex32());
        TaskFacts facts = new TaskFacts(arn, cluster.arn, launch.taskDefinition(), launch.overrides(),
                instance == null ? null : instance.id(), instance == null ? null : instance.arn, zone,
                launch.launchType(), launch.group(), startedBy, launch.cpu(), launch.memory(), launch.footprint(), nc,
                launch.tags(), exec, platformVersion, networkAliases, cluster.clock().instant(), cluster.taskSequence++,
                loadBalancers);
        TaskRun task = new TaskRun(facts, launch.containers(), cluster, ecs.ids());
        cluster.added(task);
        task.begin();
        return task;
    }

    // ------------------------------------------------------------------ StopTask

    Task stopTask(ClusterContext cluster, String taskRef, String reason) {
        TaskRun task = findTask(cluster, taskRef);
        if (task == null) {
            throw EcsException.invalidParameter("task", "The referenced task was not found.");
        }
        if (reason != null && reason.length() > 255) {
            throw EcsException.invalidParameter("reason", "reason must be at most 255 characters.");
        }
        if (task.desiredStatus != DesiredStatus.STOPPED) {
            task.tags = List.of();
            task.requestStop(TaskStopCode.USER_INITIATED, reason != null ? reason : "Task stopped by user");
        }
        cluster.changed(task);
        cluster.flush();
        return cluster.taskViews.get(task.id());
    }

    static TaskRun findTask(ClusterContext cluster, String ref) {
        String id = taskId(cluster, ref);
        return id == null ? null : cluster.tasks.get(id);
    }

    /** The task id named by {@code ref} (an id or ARN of this cluster), or null. */
    static String taskId(ClusterContext cluster, String ref) {
        if (ref == null || ref.isEmpty()) {
            throw EcsException.invalidParameter("task", "Task Identifier is invalid");
        }
        if (ArnParts.isArn(ref)) {
            TaskArn arn = TaskArn.parse(ref);
            if (arn.clusterName() != null && !arn.clusterName().equals(cluster.name)) {
                return null;
            }
            return arn.taskId();
        }
        if (ref.contains("/") || ref.contains(":")) {
            throw EcsException.invalidParameter("task", "Task Identifier is invalid");
        }
        return ref;
    }

    // ------------------------------------------------------------------ reads

    DescribeResult<Task> describeTasks(ClusterContext cluster, List<String> refs, boolean includeTags) {
        if (refs == null || refs.isEmpty()) {
            throw EcsException.invalidParameter("tasks", "Tasks cannot be empty.");
        }
        if (refs.size() > 100) {
            throw EcsException.invalidParameter("tasks", "tasks can have at most 100 items.");
        }
        List<Task> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String ref : refs) {
            String id = taskId(cluster, ref);
            Task task = id == null ? null : cluster.taskViews.get(id);
            if (task == null) {
                failures.add(Failure.missing(ArnParts.isArn(ref) ? ref
                        : new TaskArn(cluster.arn.region(), cluster.arn.accountId(), cluster.name, ref).toString()));
            } else {
                found.add(includeTags ? task : task.toBuilder().tags(List.of()).build());
            }
        }
        return new DescribeResult<>(found, failures);
    }

    Page<String> listTasks(ClusterContext cluster, ListTasksRequest request) {
        if (request.startedBy() != null && (request.family() != null || request.containerInstance() != null
                || request.serviceName() != null)) {
            throw EcsException.invalidParameter("startedBy",
                    "When startedBy is specified, it must be the only filter that you use.");
        }
        if (request.family() != null && !FAMILY.matcher(request.family()).matches()) {
            throw EcsException.invalidParameter("family", "family must match ^[a-zA-Z0-9\\-_]+$");
        }
        String instanceId = null;
        if (request.containerInstance() != null) {
            InstanceState instance = InstanceOperations.find(cluster, request.containerInstance());
            instanceId = instance == null ? "\u0000none" : instance.id();
        }
        DesiredStatus desired = request.desiredStatus() == null ? DesiredStatus.RUNNING : request.desiredStatus();
        String serviceGroup = request.serviceName() == null ? null : "service:" + request.serviceName();
        List<String> arns = new ArrayList<>();
        for (Map.Entry<Long, String> entry : cluster.taskOrder.entrySet()) {
            Task t = cluster.taskViews.get(entry.getValue());
            if (t == null || t.desiredStatus() != desired) {
                continue;
            }
            if (request.family() != null && !t.taskDefinitionArn().family().equals(request.family())) {
                continue;
            }
            if (instanceId != null && (t.containerInstanceArn() == null
                    || !t.containerInstanceArn().id().equals(instanceId))) {
                continue;
            }
            if (serviceGroup != null && !serviceGroup.equals(t.group())) {
                continue;
            }
            if (request.startedBy() != null && !request.startedBy().equals(t.startedBy())) {
                continue;
            }
            if (request.launchType() != null && request.launchType() != t.launchType()) {
                continue;
            }
            arns.add(t.taskArn().toString());
        }
        return Pagination.page(arns, arn -> arn, request.maxResults(), request.nextToken(),
                "ListTasks/" + cluster.name + "/" + request.family() + "/" + request.containerInstance() + "/"
                        + request.serviceName() + "/" + request.startedBy() + "/" + desired + "/" + request.launchType(),
                100, 100);
    }
}
