package io.ecs4j.model;

/**
 * How a service replaces and adds tasks: the rolling-update bounds and the circuit breaker.
 *
 * <p>Immutable; build with {@link #builder()}. Lists and maps are unmodifiable and never null.
 *
 * @param deploymentCircuitBreaker the circuit breaker, or null (disabled)
 * @param maximumPercent upper bound on RUNNING + PENDING tasks as a percentage of the desired count (rounded down), or null for ECS's default (REPLICA 200, DAEMON 100)
 * @param minimumHealthyPercent lower bound on healthy tasks as a percentage of the desired count (rounded up), or null for ECS's default (REPLICA 100, DAEMON 0)
 */
public record DeploymentConfiguration(
        DeploymentCircuitBreaker deploymentCircuitBreaker,
        Integer maximumPercent,
        Integer minimumHealthyPercent) {

    public DeploymentConfiguration {
    }

    /** The rolling-update bounds, without a circuit breaker. */
    public static DeploymentConfiguration of(int minimumHealthyPercent, int maximumPercent) {
        return new DeploymentConfiguration(null, maximumPercent, minimumHealthyPercent);
    }

    /** A new builder with every component unset (or at its documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.deploymentCircuitBreaker = deploymentCircuitBreaker;
        b.maximumPercent = maximumPercent;
        b.minimumHealthyPercent = minimumHealthyPercent;
        return b;
    }

    /** Builds a {@link DeploymentConfiguration}. Not thread-safe. */
    public static final class Builder {
        private DeploymentCircuitBreaker deploymentCircuitBreaker;
        private Integer maximumPercent;
        private Integer minimumHealthyPercent;

        private Builder() {
        }

        /** Sets {@code deploymentCircuitBreaker}: the circuit breaker, or null (disabled). */
        public Builder deploymentCircuitBreaker(DeploymentCircuitBreaker deploymentCircuitBreaker) {
            this.deploymentCircuitBreaker = deploymentCircuitBreaker;
            return this;
        }

        /** Sets {@code maximumPercent}: upper bound on RUNNING + PENDING tasks as a percentage of the desired count (rounded down), or null for ECS's default (REPLICA 200, DAEMON 100). */
        public Builder maximumPercent(Integer maximumPercent) {
            this.maximumPercent = maximumPercent;
            return this;
        }

        /** Sets {@code minimumHealthyPercent}: lower bound on healthy tasks as a percentage of the desired count (rounded up), or null for ECS's default (REPLICA 100, DAEMON 0). */
        public Builder minimumHealthyPercent(Integer minimumHealthyPercent) {
            this.minimumHealthyPercent = minimumHealthyPercent;
            return this;
        }

        /** Builds the record. */
        public DeploymentConfiguration build() {
            return new DeploymentConfiguration(deploymentCircuitBreaker, maximumPercent, minimumHealthyPercent);
        }
    }
}
