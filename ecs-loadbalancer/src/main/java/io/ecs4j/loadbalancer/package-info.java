/**
 * A real local HTTP load balancer for ecs4j ({@link io.ecs4j.loadbalancer.HttpLoadBalancer}): an implementation of the
 * Load Balancing SPI ({@link io.ecs4j.spi.loadbalancer}) on Jetty 12's reverse proxy.
 *
 * <p>Stability: {@link io.ecs4j.Experimental experimental}. Null policy: non-null unless the Javadoc says "or null".
 */
@io.ecs4j.Experimental
package io.ecs4j.loadbalancer;
