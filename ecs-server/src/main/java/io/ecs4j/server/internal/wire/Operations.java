package io.ecs4j.server.internal.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecs4j.LocalEcs;
import io.ecs4j.internal.json.TaskDefinitionCodec;
import io.ecs4j.model.Cluster;
import io.ecs4j.model.ClusterSetting;
import io.ecs4j.model.ContainerInstance;
import io.ecs4j.model.ContainerInstanceStatus;
import io.ecs4j.model.DesiredStatus;
import io.ecs4j.model.KeyValuePair;
import io.ecs4j.model.LaunchType;
import io.ecs4j.model.Task;
import io.ecs4j.model.TaskDefinition;
import io.ecs4j.request.CreateClusterRequest;
import io.ecs4j.request.DeleteTaskDefinitionsResult;
import io.ecs4j.request.DescribeResult;
import io.ecs4j.request.ListContainerInstancesRequest;
import io.ecs4j.request.ListTaskDefinitionFamiliesRequest;
import io.ecs4j.request.ListTaskDefinitionsRequest;
import io.ecs4j.request.ListTasksRequest;
import io.ecs4j.request.Page;
import io.ecs4j.request.RegisterContainerInstanceRequest;
import io.ecs4j.request.RunTaskRequest;
import io.ecs4j.request.RunTaskResult;
import io.ecs4j.request.StartTaskRequest;
import io.ecs4j.request.UpdateContainerInstancesStateResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The supported operations, each a mapping from the request shape to one {@link LocalEcs} call and from its result
 * to the response shape of the ECS model ({@code botocore/data/ecs/2014-11-13/service-2.json}).
 */
final class Operations {
    private Operations() {
    }

    /** Every supported operation by name. */
    static Map<String, Operation> all() {
        Map<String, Operation> ops = new LinkedHashMap<>();
        // clusters
        add(ops, "CreateCluster", true, Operations::createCluster);
        add(ops, "DeleteCluster", true, Operations::deleteCluster);
        add(ops, "DescribeClusters", false, Operations::describeClusters);
        add(ops, "ListClusters", false, Operations::listClusters);
        // container instances
        add(ops, "RegisterContainerInstance", true, Operations::registerContainerInstance);
        add(ops, "DeregisterContainerInstance", true, Operations::deregisterContainerInstance);
        add(ops, "DescribeContainerInstances", false, Operations::describeContainerInstances);
        add(ops, "ListContainerInstances", false, Operations::listContainerInstances);
        add(ops, "UpdateContainerInstancesState", true, Operations::updateContainerInstancesState);
        // task definitions
        add(ops, "RegisterTaskDefinition", false, Operations::registerTaskDefinition);
        add(ops, "DeregisterTaskDefinition", false, Operations::deregisterTaskDefinition);
        add(ops, "DescribeTaskDefinition", false, Operations::describeTaskDefinition);
        add(ops, "ListTaskDefinitions", false, Operations::listTaskDefinitions);
        add(ops, "ListTaskDefinitionFamilies", false, Operations::listTaskDefinitionFamilies);
        add(ops, "DeleteTaskDefinitions", false, Operations::deleteTaskDefinitions);
        // tasks
        add(ops, "RunTask", true, Operations::runTask);
        add(ops, "StartTask", true, Operations::startTask);
        add(ops, "StopTask", true, Operations::stopTask);
        add(ops, "DescribeTasks", false, Operations::describeTasks);
        add(ops, "ListTasks", false, Operations::listTasks);
        // attributes
        add(ops, "PutAttributes", true, Operations::putAttributes);
        add(ops, "DeleteAttributes", true, Operations::deleteAttributes);
        add(ops, "ListAttributes", false, Operations::listAttributes);
        // tags
        add(ops, "TagResource", true, Operations::tagResource);
        add(ops, "UntagResource", true, Operations::untagResource);
        add(ops, "ListTagsForResource", false, Operations::listTagsForResource);
        // services
        ServiceOperations.register(ops);
        return ops;
    }

    private static void add(Map<String, Operation> ops, String name, boolean blocking, Operation.Handler handler) {
        ops.put(name, new Operation(name, blocking, handler));
    }

    // ------------------------------------------------------------------ tags

    static ObjectNode tagResource(LocalEcs ecs, WireInput in) {
        String arn = in.requiredString("resourceArn");
        if (!in.has("tags")) {
            throw in.missing("tags");
        }
        ecs.tagResource(arn, Shapes.readTags(in));
        return WireJson.object();
    }

    static ObjectNode untagResource(LocalEcs ecs, WireInput in) {
        String arn = in.requiredString("resourceArn");
        ecs.untagResource(arn, in.requiredStrings("tagKeys"));
        return WireJson.object();
    }

    static ObjectNode listTagsForResource(LocalEcs ecs, WireInput in) {
        ObjectNode out = WireJson.object();
        WireJson.putList(out, "tags", ecs.listTagsForResource(in.requiredString("resourceArn")), true, Shapes::tag);
        return out;
    }

    // ------------------------------------------------------------------ clusters

    static ObjectNode createCluster(LocalEcs ecs, WireInput in) {
        CreateClusterRequest request = CreateClusterRequest.builder()
                .clusterName(in.string("clusterName"))
                .tags(Shapes.readTags(in))
                .settings(in.objects("settings", s -> new ClusterSetting(s.string("name"), s.string("value"))))
                .build();
        List<String> providers = in.strings("capacityProviders");
        for (String p : providers) {
            if (!p.equals("FARGATE") && !p.equals("FARGATE_SPOT")) {
                throw in.invalid("capacityProviders", "ecs4j knows only the built-in capacity providers FARGATE and"
                        + " FARGATE_SPOT; '" + p + "' does not exist.");
            }
        }
        Cluster cluster = ecs.createCluster(request);
        ObjectNode out = WireJson.object();
        out.set("cluster", Resources.cluster(cluster, true, true, List.of()));
        return out;
    }

    static ObjectNode deleteCluster(LocalEcs ecs, WireInput in) {
        Cluster cluster = ecs.deleteCluster(in.requiredString("cluster"));
        ObjectNode out = WireJson.object();
        out.set("cluster", Resources.cluster(cluster, false, false, List.of()));
        return out;
    }

    static ObjectNode describeClusters(LocalEcs ecs, WireInput in) {
        List<String> names = in.strings("clusters");
        List<String> include = in.enums("include", Enums.CLUSTER_FIELD);
        DescribeResult<Cluster> result = ecs.describeClusters(names);
        boolean tags = include.contains("TAGS");
        boolean settings = include.contains("SETTINGS");
        boolean statistics = include.contains("STATISTICS");
        ObjectNode out = WireJson.object();
        var clusters = out.putArray("clusters");
        for (Cluster c : result.items()) {
            clusters.add(Resources.cluster(c, tags, settings, statistics ? statistics(ecs, c) : List.of()));
        }
        WireJson.putList(out, "failures", result.failures(), true, Shapes::failure);
        return out;
    }

    /** DescribeClusters' STATISTICS: running and pending tasks per launch type, and service counts. */
    private static List<KeyValuePair> statistics(LocalEcs ecs, Cluster c) {
        int[] running = new int[LaunchType.values().length];
        int[] pending = new int[LaunchType.values().length];
        String arn = c.clusterArn().toString();
        if (c.runningTasksCount() + c.pendingTasksCount() > 0) {
            String token = null;
            do {
                Page<String> page = ecs.listTasks(ListTasksRequest.builder().cluster(arn).nextToken(token).build());
                if (!page.items().isEmpty()) {
                    for (Task t : ecs.describeTasks(arn, page.items()).items()) {
                        LaunchType lt = t.launchType() == null ? LaunchType.EC2 : t.launchType();
                        switch (t.lastStatus()) {
                            case RUNNING -> running[lt.ordinal()]++;
                            case PROVISIONING, PENDING, ACTIVATING -> pending[lt.ordinal()]++;
                            default -> {
                            }
                        }
                    }
                }
                token = page.nextToken();
            } while (token != null);
        }
        List<KeyValuePair> out = new ArrayList<>();
        out.add(KeyValuePair.of("runningEC2TasksCount", Integer.toString(running[LaunchType.EC2.ordinal()])));
        out.add(KeyValuePair.of("runningFargateTasksCount", Integer.toString(running[LaunchType.FARGATE.ordinal()])));
        out.add(KeyValuePair.of("pendingEC2TasksCount", Integer.toString(pending[LaunchType.EC2.ordinal()])));
        out.add(KeyValuePair.of("pendingFargateTasksCount", Integer.toString(pending[LaunchType.FARGATE.ordinal()])));
        out.add(KeyValuePair.of("runningExternalTasksCount",
                Integer.toString(running[LaunchType.EXTERNAL.ordinal()])));
        out.add(KeyValuePair.of("pendingExternalTasksCount",
                Integer.toString(pending[LaunchType.EXTERNAL.ordinal()])));
        out.add(KeyValuePair.of("activeEC2ServiceCount", Integer.toString(c.activeServicesCount())));
        out.add(KeyValuePair.of("activeFargateServiceCount", "0"));
        out.add(KeyValuePair.of("drainingEC2ServiceCount", "0"));
        out.add(KeyValuePair.of("drainingFargateServiceCount", "0"));
        return out;
    }

    static ObjectNode listClusters(LocalEcs ecs, WireInput in) {
        Page<String> page = ecs.listClusters(in.integer("maxResults"), in.string("nextToken"));
        return page(page, "clusterArns");
    }

    // ------------------------------------------------------------------ container instances

    static ObjectNode registerContainerInstance(LocalEcs ecs, WireInput in) {
        RegisterContainerInstanceRequest request = InstanceRegistration.read(in);
        ContainerInstance ci = ecs.registerContainerInstance(request);
        ObjectNode out = WireJson.object();
        out.set("containerInstance", Resources.containerInstance(ci, true));
        return out;
    }

    static ObjectNode deregisterContainerInstance(LocalEcs ecs, WireInput in) {
        String cluster = in.string("cluster");
        String instance = in.requiredString("containerInstance");
        boolean force = in.bool("force", false);
        ContainerInstance ci = ecs.deregisterContainerInstance(cluster, instance, force);
        ObjectNode out = WireJson.object();
        out.set("containerInstance", Resources.containerInstance(ci, false));
        return out;
    }

    static ObjectNode describeContainerInstances(LocalEcs ecs, WireInput in) {
        String cluster = in.string("cluster");
        List<String> ids = in.requiredStrings("containerInstances");
        boolean tags = in.enums("include", Enums.CONTAINER_INSTANCE_FIELD).contains("TAGS");
        DescribeResult<ContainerInstance> result = ecs.describeContainerInstances(cluster, ids);
        ObjectNode out = WireJson.object();
        WireJson.putList(out, "containerInstances", result.items(), true, ci -> Resources.containerInstance(ci, tags));
        WireJson.putList(out, "failures", result.failures(), true, Shapes::failure);
        return out;
    }

    static ObjectNode listContainerInstances(LocalEcs ecs, WireInput in) {
        ListContainerInstancesRequest request = ListContainerInstancesRequest.builder()
                .cluster(in.string("cluster"))
                .filter(in.string("filter"))
                .status(in.enumValue("status", Enums.CONTAINER_INSTANCE_STATUS))
                .maxResults(in.integer("maxResults"))
                .nextToken(in.string("nextToken"))
                .build();
        return page(ecs.listContainerInstances(request), "containerInstanceArns");
    }

    static ObjectNode updateContainerInstancesState(LocalEcs ecs, WireInput in) {
        String cluster = in.string("cluster");
        List<String> ids = in.requiredStrings("containerInstances");
        ContainerInstanceStatus status = in.requiredEnum("status", Enums.CONTAINER_INSTANCE_STATUS);
        UpdateContainerInstancesStateResult result = ecs.updateContainerInstancesState(cluster, ids, status);
        ObjectNode out = WireJson.object();
        WireJson.putList(out, "containerInstances", result.containerInstances(), true,
                ci -> Resources.containerInstance(ci, false));
        WireJson.putList(out, "failures", result.failures(), true, Shapes::failure);
        return out;
    }

    // ------------------------------------------------------------------ task definitions

    static ObjectNode registerTaskDefinition(LocalEcs ecs, WireInput in) {
        if (!in.has("family")) {
            throw in.missing("family");
        }
        if (!in.has("containerDefinitions")) {
            throw in.missing("containerDefinitions");
        }
        TaskDefinition input = SharedCodecs.read(() -> TaskDefinitionCodec.read(in.node(), ""));
        TaskDefinition registered = ecs.registerTaskDefinition(input);
        ObjectNode out = WireJson.object();
        out.set("taskDefinition", TaskDefinitionCodec.write(registered));
        WireJson.putList(out, "tags", registered.tags(), true, Shapes::tag);
        return out;
    }

    static ObjectNode deregisterTaskDefinition(LocalEcs ecs, WireInput in) {
        TaskDefinition td = ecs.deregisterTaskDefinition(in.requiredString("taskDefinition"));
        ObjectNode out = WireJson.object();
        out.set("taskDefinition", TaskDefinitionCodec.write(td));
        return out;
    }

    static ObjectNode describeTaskDefinition(LocalEcs ecs, WireInput in) {
        String ref = in.requiredString("taskDefinition");
        boolean tags = in.enums("include", Enums.TASK_DEFINITION_FIELD).contains("TAGS");
        TaskDefinition td = ecs.describeTaskDefinition(ref);
        ObjectNode out = WireJson.object();
        out.set("taskDefinition", TaskDefinitionCodec.write(td));
        if (tags) {
            WireJson.putList(out, "tags", td.tags(), true, Shapes::tag);
        }
        return out;
    }

    static ObjectNode listTaskDefinitions(LocalEcs ecs, WireInput in) {
        ListTaskDefinitionsRequest request = ListTaskDefinitionsRequest.builder()
                .familyPrefix(in.string("familyPrefix"))
                .status(in.enumValue("status", Enums.TASK_DEFINITION_STATUS))
                .sort(in.enumValue("sort", Enums.SORT_ORDER))
                .maxResults(in.integer("maxResults"))
                .nextToken(in.string("nextToken"))
                .build();
        return page(ecs.listTaskDefinitions(request), "taskDefinitionArns");
    }

    static ObjectNode listTaskDefinitionFamilies(LocalEcs ecs, WireInput in) {
        ListTaskDefinitionFamiliesRequest request = ListTaskDefinitionFamiliesRequest.builder()
                .familyPrefix(in.string("familyPrefix"))
                .status(in.enumValue("status", Enums.FAMILY_STATUS))
                .maxResults(in.integer("maxResults"))
                .nextToken(in.string("nextToken"))
                .build();
        return page(ecs.listTaskDefinitionFamilies(request), "families");
    }

    static ObjectNode deleteTaskDefinitions(LocalEcs ecs, WireInput in) {
        DeleteTaskDefinitionsResult result = ecs.deleteTaskDefinitions(in.requiredStrings("taskDefinitions"));
        ObjectNode out = WireJson.object();
        WireJson.putList(out, "taskDefinitions", result.taskDefinitions(), true, TaskDefinitionCodec::write);
        WireJson.putList(out, "failures", result.failures(), true, Shapes::failure);
        return out;
    }

    // ------------------------------------------------------------------ tasks

    static ObjectNode runTask(LocalEcs ecs, WireInput in) {
        RunTaskRequest.Builder b = RunTaskRequest.builder()
                .cluster(in.string("cluster"))
                .taskDefinition(in.requiredString("taskDefinition"))
                .launchType(launchType(in))
                .group(in.string("group"))
                .startedBy(in.string("startedBy"))
                .overrides(Shapes.readTaskOverride(in.object("overrides")))
                .placementConstraints(in.objects("placementConstraints", Shapes::readPlacementConstraint))
                .placementStrategy(in.objects("placementStrategy", Shapes::readPlacementStrategy))
                .networkConfiguration(Shapes.readNetworkConfiguration(in.object("networkConfiguration")))
                .tags(Shapes.readTags(in))
                .clientToken(in.string("clientToken"))
                .enableECSManagedTags(in.bool("enableECSManagedTags", false))
                .propagateTags(in.enumValue("propagateTags", Enums.PROPAGATE_TAGS))
                .platformVersion(in.string("platformVersion"))
                .enableExecuteCommand(in.bool("enableExecuteCommand", false));
        Integer count = in.integer("count");
        if (count != null) {
            b.count(count);
        }
        return tasksAndFailures(ecs.runTask(b.build()));
    }

    /**
     * {@code launchType}, or the launch type a {@code capacityProviderStrategy} of the built-in FARGATE providers
     * implies; other capacity providers are not supported.
     */
    static LaunchType launchType(WireInput in) {
        LaunchType launchType = in.enumValue("launchType", Enums.LAUNCH_TYPE);
        List<String> providers = in.objects("capacityProviderStrategy", s -> s.requiredString("capacityProvider"));
        if (providers.isEmpty()) {
            return launchType;
        }
        if (launchType != null) {
            throw WireException.invalidParameter("Specifying both a launch type and capacity provider strategy is"
                    + " not supported. Remove one and try again.");
        }
        for (String p : providers) {
            if (!p.equals("FARGATE") && !p.equals("FARGATE_SPOT")) {
                throw in.invalid("capacityProviderStrategy", "ecs4j supports only the built-in capacity providers"
                        + " FARGATE and FARGATE_SPOT; '" + p + "' is not one of them.");
            }
        }
        return LaunchType.FARGATE;
    }

    static ObjectNode startTask(LocalEcs ecs, WireInput in) {
        StartTaskRequest request = StartTaskRequest.builder()
                .cluster(in.string("cluster"))
                .taskDefinition(in.requiredString("taskDefinition"))
                .containerInstances(in.requiredStrings("containerInstances"))
                .group(in.string("group"))
                .startedBy(in.string("startedBy"))
                .overrides(Shapes.readTaskOverride(in.object("overrides")))
                .networkConfiguration(Shapes.readNetworkConfiguration(in.object("networkConfiguration")))
                .tags(Shapes.readTags(in))
                .enableECSManagedTags(in.bool("enableECSManagedTags", false))
                .propagateTags(in.enumValue("propagateTags", Enums.PROPAGATE_TAGS))
                .enableExecuteCommand(in.bool("enableExecuteCommand", false))
                .build();
        return tasksAndFailures(ecs.startTask(request));
    }

    private static ObjectNode tasksAndFailures(RunTaskResult result) {
        ObjectNode out = WireJson.object();
        WireJson.putList(out, "tasks", result.tasks(), true, t -> Resources.task(t, true));
        WireJson.putList(out, "failures", result.failures(), true, Shapes::failure);
        return out;
    }

    static ObjectNode stopTask(LocalEcs ecs, WireInput in) {
        Task task = ecs.stopTask(in.string("cluster"), in.requiredString("task"), in.string("reason"));
        ObjectNode out = WireJson.object();
        out.set("task", Resources.task(task, false));
        return out;
    }

    static ObjectNode describeTasks(LocalEcs ecs, WireInput in) {
        String cluster = in.string("cluster");
        List<String> ids = in.requiredStrings("tasks");
        boolean tags = in.enums("include", Enums.TASK_FIELD).contains("TAGS");
        DescribeResult<Task> result = ecs.describeTasks(cluster, ids);
        ObjectNode out = WireJson.object();
        WireJson.putList(out, "tasks", result.items(), true, t -> Resources.task(t, tags));
        WireJson.putList(out, "failures", result.failures(), true, Shapes::failure);
        return out;
    }

    static ObjectNode listTasks(LocalEcs ecs, WireInput in) {
        DesiredStatus desired = in.enumValue("desiredStatus", Enums.DESIRED_STATUS);
        ListTasksRequest request = ListTasksRequest.builder()
                .cluster(in.string("cluster"))
                .containerInstance(in.string("containerInstance"))
                .family(in.string("family"))
                .serviceName(in.string("serviceName"))
                .startedBy(in.string("startedBy"))
                .desiredStatus(desired)
                .launchType(in.enumValue("launchType", Enums.LAUNCH_TYPE))
                .maxResults(in.integer("maxResults"))
                .nextToken(in.string("nextToken"))
                .build();
        return page(ecs.listTasks(request), "taskArns");
    }

    // ------------------------------------------------------------------ attributes

    private static final java.util.Map<String, String> TARGET_TYPE = Enums.strings("container-instance");

    private static io.ecs4j.model.Attribute readTargetAttribute(WireInput in) {
        String name = in.requiredString("name");
        String value = in.string("value");
        String targetType = in.enumValue("targetType", TARGET_TYPE);
        return new io.ecs4j.model.Attribute(name, value, targetType, in.string("targetId"));
    }

    static ObjectNode putAttributes(LocalEcs ecs, WireInput in) {
        List<io.ecs4j.model.Attribute> attributes = requiredObjects(in, "attributes", Operations::readTargetAttribute);
        return attributes(ecs.putAttributes(in.string("cluster"), attributes));
    }

    static ObjectNode deleteAttributes(LocalEcs ecs, WireInput in) {
        List<io.ecs4j.model.Attribute> attributes = requiredObjects(in, "attributes", Operations::readTargetAttribute);
        return attributes(ecs.deleteAttributes(in.string("cluster"), attributes));
    }

    static ObjectNode listAttributes(LocalEcs ecs, WireInput in) {
        io.ecs4j.request.ListAttributesRequest request = io.ecs4j.request.ListAttributesRequest.builder()
                .cluster(in.string("cluster"))
                .targetType(in.requiredEnum("targetType", TARGET_TYPE))
                .attributeName(in.string("attributeName"))
                .attributeValue(in.string("attributeValue"))
                .maxResults(in.integer("maxResults"))
                .nextToken(in.string("nextToken"))
                .build();
        Page<io.ecs4j.model.Attribute> page = ecs.listAttributes(request);
        ObjectNode out = attributes(page.items());
        WireJson.put(out, "nextToken", page.nextToken());
        return out;
    }

    private static ObjectNode attributes(List<io.ecs4j.model.Attribute> attributes) {
        ObjectNode out = WireJson.object();
        WireJson.putList(out, "attributes", attributes, true, Shapes::attribute);
        return out;
    }

    private static <T> List<T> requiredObjects(WireInput in, String member,
                                               java.util.function.Function<WireInput, T> reader) {
        if (!in.has(member)) {
            throw in.missing(member);
        }
        return in.objects(member, reader);
    }

    // ------------------------------------------------------------------ helpers

    private static ObjectNode page(Page<String> page, String member) {
        ObjectNode out = WireJson.object();
        WireJson.putStrings(out, member, page.items(), true);
        WireJson.put(out, "nextToken", page.nextToken());
        return out;
    }
}
