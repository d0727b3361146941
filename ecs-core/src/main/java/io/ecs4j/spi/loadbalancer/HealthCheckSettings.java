package io.ecs4j.spi.loadbalancer;

import java.time.Duration;
import java.util.Objects;

/**
 * A target group's health check, with Elastic Load Balancing's names, ranges and defaults (Application Load Balancer,
 * HTTP): {@code GET path} every {@code interval}; a check passes when the target answers with status 200 within
 * {@code timeout}. A target becomes healthy after {@code healthyThreshold} consecutive passes and unhealthy after
 * {@code unhealthyThreshold} consecutive failures.
 *
 * <p>Immutable.
 *
 * @param path               the path requested, starting with {@code /}; ELB default {@code /}
 * @param interval           5-300 s; ELB default 30 s
 * @param timeout            2-120 s and shorter than {@code interval}; ELB default 5 s
 * @param healthyThreshold   2-10; ELB default 5
 * @param unhealthyThreshold 2-10; ELB default 2
 */
public record HealthCheckSettings(String path, Duration interval, Duration timeout, int healthyThreshold,
                                  int unhealthyThreshold) {

    /** ELB's defaults: {@code /}, every 30 s, 5 s timeout, 5 to become healthy, 2 to become unhealthy. */
    public static final HealthCheckSettings DEFAULTS = new HealthCheckSettings("/", Duration.ofSeconds(30),
            Duration.ofSeconds(5), 5, 2);

    /**
     * @throws IllegalArgumentException outside ELB's ranges, naming the setting
     */
    public HealthCheckSettings {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("health check path must start with '/': " + path);
        }
        range("health check interval", interval.getSeconds(), 5, 300);
        range("health check timeout", timeout.getSeconds(), 2, 120);
        if (timeout.compareTo(interval) >= 0) {
            throw new IllegalArgumentException("health check timeout (" + timeout.getSeconds()
                    + " s) must be smaller than the interval (" + interval.getSeconds() + " s)");
        }
        range("healthy threshold", healthyThreshold, 2, 10);
        range("unhealthy threshold", unhealthyThreshold, 2, 10);
    }

    private static void range(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ": " + value);
        }
    }

    /** A copy with another path. */
    public HealthCheckSettings withPath(String newPath) {
        return new HealthCheckSettings(newPath, interval, timeout, healthyThreshold, unhealthyThreshold);
    }

    /** A copy with another interval and timeout. */
    public HealthCheckSettings withInterval(Duration newInterval, Duration newTimeout) {
        return new HealthCheckSettings(path, newInterval, newTimeout, healthyThreshold, unhealthyThreshold);
    }

    /** A copy with other thresholds. */
    public HealthCheckSettings withThresholds(int healthy, int unhealthy) {
        return new HealthCheckSettings(path, interval, timeout, healthy, unhealthy);
    }
}
