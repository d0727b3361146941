/**
 * The Load Balancing SPI: the narrow contract between the ecs4j service scheduler and whatever balances traffic over
 * a service's tasks ({@link io.ecs4j.spi.loadbalancer.LoadBalancing}), modelled on Elastic Load Balancing's target
 * groups: the scheduler registers a task's endpoint when the task is RUNNING, counts the task as healthy only once its
 * target is healthy, and deregisters it (connection draining) before it stops the task's containers.
 *
 * <p>Implemented by the simulated load balancer of {@code ecs-inmemory-runtime} (virtual time) and by the HTTP load
 * balancer of {@code ecs-loadbalancer} (real time, real traffic).
 *
 * <p>Stability: {@link io.ecs4j.Experimental experimental}. Null policy: non-null unless the Javadoc says "or null".
 */
@io.ecs4j.Experimental
package io.ecs4j.spi.loadbalancer;
