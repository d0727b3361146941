package io.ecs4j.model;

/**
 * A load balancer a service registers its tasks with: the task's {@code containerName}:{@code containerPort} endpoint is
 * registered in the target group once the task is RUNNING, when a load balancing backend is configured
 * ({@code LocalEcs.builder().loadBalancer(...)}); without one it is only validated.
 *
 * <p>Immutable. Lists and maps are unmodifiable and never null.
 *
 * @param targetGroupArn the target group ARN (ALB/NLB), or null
 * @param loadBalancerName the Classic Load Balancer name, or null
 * @param containerName the container to register; not null
 * @param containerPort the container port to register
 */
public record LoadBalancer(
        String targetGroupArn,
        String loadBalancerName,
        String containerName,
        Integer containerPort) {

    public LoadBalancer {
    }
}
