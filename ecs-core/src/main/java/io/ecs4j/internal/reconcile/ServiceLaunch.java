package io.ecs4j.internal.reconcile;

import io.ecs4j.model.LaunchType;
import io.ecs4j.model.NetworkConfiguration;
import io.ecs4j.model.PlacementConstraint;
import io.ecs4j.model.PlacementStrategy;
import io.ecs4j.model.Tag;
import io.ecs4j.model.TaskDefinition;
import java.util.List;

/**
 * Everything needed to launch tasks of one deployment of a service. Immutable.
 *
 * @param serviceName          the service name (also the tasks' network alias)
 * @param group                {@code service:<name>}
 * @param deploymentId         the tasks' {@code startedBy}
 * @param taskDefinition       the deployment's task definition (used even if it was deregistered since)
 * @param launchType           EC2, EXTERNAL or FARGATE
 * @param platformVersion      Fargate platform version, or null
 * @param networkConfiguration awsvpc configuration, or null
 * @param placementConstraints the task definition's and the service's constraints
 * @param placementStrategy    the strategies to use (the service's, or ECS's default for services)
 * @param tags                 the tags the tasks get (propagated and managed tags included)
 * @param enableExecuteCommand ECS Exec
 * @param loadBalancers        the service's load balancers: the tasks register with these target groups when RUNNING
 */
public record ServiceLaunch(String serviceName, String group, String deploymentId, TaskDefinition taskDefinition,
                            LaunchType launchType, String platformVersion, NetworkConfiguration networkConfiguration,
                            List<PlacementConstraint> placementConstraints, List<PlacementStrategy> placementStrategy,
                            List<Tag> tags, boolean enableExecuteCommand,
                            List<io.ecs4j.model.LoadBalancer> loadBalancers) {
    public ServiceLaunch {
        loadBalancers = List.copyOf(loadBalancers);
        placementConstraints = List.copyOf(placementConstraints);
        placementStrategy = List.copyOf(placementStrategy);
        tags = List.copyOf(tags);
    }
}
