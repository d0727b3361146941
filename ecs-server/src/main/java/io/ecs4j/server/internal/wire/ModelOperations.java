package io.ecs4j.server.internal.wire;

import java.util.Set;

/**
 * The 77 operations of the ECS model ({@code botocore/data/ecs/2014-11-13/service-2.json}, August 2026). A target
 * naming one of these that ecs4j does not implement is answered with {@code UnsupportedFeatureException} naming it;
 * any other target is an {@code UnknownOperationException}.
 */
final class ModelOperations {
    static final Set<String> ALL = Set.of(
            "ContinueServiceDeployment", "CreateCapacityProvider", "CreateCluster", "CreateDaemon",
            "CreateExpressGatewayService", "CreateService", "CreateTaskSet", "DeleteAccountSetting",
            "DeleteAttributes", "DeleteCapacityProvider", "DeleteCluster", "DeleteDaemon",
            "DeleteDaemonTaskDefinition", "DeleteExpressGatewayService", "DeleteService", "DeleteTaskDefinitions",
            "DeleteTaskSet", "DeregisterContainerInstance", "DeregisterTaskDefinition", "DescribeCapacityProviders",
            "DescribeClusters", "DescribeContainerInstances", "DescribeDaemon", "DescribeDaemonDeployments",
            "DescribeDaemonRevisions", "DescribeDaemonTaskDefinition", "DescribeExpressGatewayService",
            "DescribeServiceDeployments", "DescribeServiceRevisions", "DescribeServices", "DescribeTaskDefinition",
            "DescribeTaskSets", "DescribeTasks", "DiscoverPollEndpoint", "ExecuteCommand", "GetTaskProtection",
            "ListAccountSettings", "ListAttributes", "ListClusters", "ListContainerInstances",
            "ListDaemonDeployments", "ListDaemonTaskDefinitions", "ListDaemons", "ListServiceDeployments",
            "ListServices", "ListServicesByNamespace", "ListTagsForResource", "ListTaskDefinitionFamilies",
            "ListTaskDefinitions", "ListTasks", "PutAccountSetting", "PutAccountSettingDefault", "PutAttributes",
            "PutClusterCapacityProviders", "RegisterContainerInstance", "RegisterDaemonTaskDefinition",
            "RegisterTaskDefinition", "RunTask", "StartTask", "StopServiceDeployment", "StopTask",
            "SubmitAttachmentStateChanges", "SubmitContainerStateChange", "SubmitTaskStateChange", "TagResource",
            "UntagResource", "UpdateCapacityProvider", "UpdateCluster", "UpdateClusterSettings",
            "UpdateContainerAgent", "UpdateContainerInstancesState", "UpdateDaemon", "UpdateExpressGatewayService",
            "UpdateService", "UpdateServicePrimaryTaskSet", "UpdateTaskProtection", "UpdateTaskSet");

    private ModelOperations() {
    }
}
