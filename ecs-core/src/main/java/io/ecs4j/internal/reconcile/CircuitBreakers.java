package io.ecs4j.internal.reconcile;

import io.ecs4j.model.DeploymentCircuitBreaker;
import io.ecs4j.model.ThresholdConfiguration;
import io.ecs4j.model.ThresholdType;

/** The deployment circuit breaker's threshold (ecs-semantics §5.4). */
public final class CircuitBreakers {
    private CircuitBreakers() {
    }

    /**
     * How many consecutive failed tasks fail a deployment of a service with {@code desiredCount}: by default
     * clamp(⌈0.5 × D⌉, 3, 200); {@code UNBOUNDED_PERCENT} drops the clamp (at least 1); {@code COUNT} is the value.
     */
    public static int threshold(DeploymentCircuitBreaker breaker, int desiredCount) {
        ThresholdConfiguration tc = breaker == null ? null : breaker.thresholdConfiguration();
        ThresholdType type = tc == null ? ThresholdType.BOUNDED_PERCENT : tc.type();
        int value = tc == null ? 50 : tc.value();
        long percentOf = ((long) desiredCount * value + 99) / 100;
        return switch (type) {
            case BOUNDED_PERCENT -> (int) Math.max(3, Math.min(200, percentOf));
            case UNBOUNDED_PERCENT -> (int) Math.max(1, percentOf);
            case COUNT -> Math.max(1, value);
        };
    }
}
