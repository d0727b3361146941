package io.ecs4j.spi.loadbalancer;

/**
 * The health of a registered target, as Elastic Load Balancing reports it ({@code TargetHealth.State}).
 * {@link #value()} is ELB's spelling.
 */
public enum TargetHealthState {
    /** {@code initial}: registered; health checks have not yet passed the healthy threshold. Gets no traffic. */
    INITIAL("initial"),
    /** {@code healthy}: passed its health checks; gets traffic. */
    HEALTHY("healthy"),
    /** {@code unhealthy}: failed its health checks; gets no traffic (unless no target of the group is healthy). */
    UNHEALTHY("unhealthy"),
    /** {@code draining}: being deregistered; gets no new request, in-flight requests finish. */
    DRAINING("draining");

    private final String value;

    TargetHealthState(String value) {
        this.value = value;
    }

    /** The value as ELB spells it. */
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
