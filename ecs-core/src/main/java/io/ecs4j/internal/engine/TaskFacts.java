package io.ecs4j.internal.engine;

import io.ecs4j.internal.placement.TaskFootprint;
import io.ecs4j.model.ClusterArn;
import io.ecs4j.model.ContainerInstanceArn;
import io.ecs4j.model.LaunchType;
import io.ecs4j.model.NetworkConfiguration;
import io.ecs4j.model.Tag;
import io.ecs4j.model.TaskArn;
import io.ecs4j.model.TaskDefinition;
import io.ecs4j.model.TaskOverride;
import java.time.Instant;
import java.util.List;

/**
 * What is fixed about a task when it is launched.
 *
 * @param containerInstanceId the instance it was placed on, or null (Fargate)
 * @param networkAliases      DNS names for the task on the cluster network (the service name for service tasks)
 * @param loadBalancers       the service's target groups the task registers with once RUNNING (empty for standalone
 *                            tasks)
 */
record TaskFacts(
        TaskArn arn,
        ClusterArn clusterArn,
        TaskDefinition taskDefinition,
        TaskOverride overrides,
        String containerInstanceId,
        ContainerInstanceArn containerInstanceArn,
        String availabilityZone,
        LaunchType launchType,
        String group,
        String startedBy,
        Integer cpu,
        Integer memory,
        TaskFootprint footprint,
        NetworkConfiguration networkConfiguration,
        List<Tag> tags,
        boolean enableExecuteCommand,
        String platformVersion,
        List<String> networkAliases,
        Instant createdAt,
        long sequence,
        List<io.ecs4j.model.LoadBalancer> loadBalancers) {

    TaskFacts {
        tags = List.copyOf(tags);
        networkAliases = List.copyOf(networkAliases);
        loadBalancers = List.copyOf(loadBalancers);
    }
}
