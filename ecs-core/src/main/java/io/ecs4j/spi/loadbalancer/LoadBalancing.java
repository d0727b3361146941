package io.ecs4j.spi.loadbalancer;

import java.util.List;
import java.util.Optional;

/**
 * The Load Balancing SPI: target groups that the service scheduler registers tasks with, as ECS does with Elastic
 * Load Balancing. The load balancer balances traffic and checks its targets' health; the scheduler decides when a task
 * is registered, counts it as healthy once its target is healthy, replaces it when its target turns unhealthy, and
 * deregisters it before stopping its containers.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link #start(LoadBalancingContext)} is called once, before anything else; {@link #close()} last. Target groups
 *       are made by the implementation (they are not part of this SPI), before or after {@code start}.</li>
 *   <li>{@link #registerTargets} and {@link #deregisterTargets} return at once and never block on network work; the
 *       outcomes are reported as {@link TargetEvent}s through the context. They are called from a cluster's control
 *       loop, so must be cheap. {@link #findTargetGroup} is a quick, non-blocking look-up.</li>
 *   <li>A registered target starts in {@link TargetHealthState#INITIAL}; every later change of its health is reported
 *       as {@link TargetEvent.HealthChanged}. Only targets that are {@link TargetHealthState#HEALTHY} and not draining
 *       receive new requests.</li>
 *   <li>Every {@code deregisterTargets} ends, for each target it names that is registered, with exactly one
 *       {@link TargetEvent.Deregistered}: once the target has drained (no request in flight) or its target group's
 *       {@linkplain TargetGroup#deregistrationDelay() deregistration delay} has passed, whichever the implementation
 *       documents. Meanwhile the target is {@link TargetHealthState#DRAINING} and gets no new request. Deregistering a
 *       target that is not registered does nothing (no event).</li>
 *   <li>Registering a target that is already registered (same id and port) does nothing. Calls naming an unknown target group do
 *       nothing.</li>
 * </ul>
 *
 * <p>Implementations are thread-safe.
 */
public interface LoadBalancing extends AutoCloseable {

    /** A short name, for example {@code simulated} or {@code http}. */
    String name();

    /**
     * Starts the load balancer.
     *
     * @param context the time source and the event sink
     * @throws IllegalStateException if called twice
     */
    void start(LoadBalancingContext context);

    /**
     * The target group with this ARN, if this load balancer has it. CreateService and UpdateService use it to validate a
     * service's {@code loadBalancers}.
     */
    Optional<TargetGroup> findTargetGroup(String targetGroupArn);

    /**
     * Registers targets with a target group (ELB's {@code RegisterTargets}): each starts health checks and, once
     * {@link TargetHealthState#HEALTHY}, receives traffic.
     *
     * @param targetGroupArn the target group
     * @param targets        the targets to add
     */
    void registerTargets(String targetGroupArn, List<Target> targets);

    /**
     * Deregisters targets from a target group (ELB's {@code DeregisterTargets}): they get no new request, drain, and are
     * reported {@link TargetEvent.Deregistered} when done.
     *
     * @param targetGroupArn the target group
     * @param targets        the targets to remove
     */
    void deregisterTargets(String targetGroupArn, List<Target> targets);

    /** Stops checking health and reporting events, and releases the load balancer's resources. Idempotent. */
    @Override
    void close();
}
