package io.ecs4j.spi.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A container health check with every default applied, in Docker's terms.
 *
 * <p>Immutable.
 *
 * @param command     {@code ["CMD", exe, args...]} or {@code ["CMD-SHELL", "shell command"]}; not empty
 * @param interval    time between checks (ECS default 30 s)
 * @param timeout     time a check may take before it counts as failed (ECS default 5 s)
 * @param retries     consecutive failures that make the container UNHEALTHY (ECS default 3)
 * @param startPeriod grace period after start during which failures do not count (ECS default 0)
 */
public record HealthCheckSpec(List<String> command, Duration interval, Duration timeout, int retries,
                              Duration startPeriod) {
    public HealthCheckSpec {
        command = List.copyOf(command);
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(startPeriod, "startPeriod");
        if (command.isEmpty()) {
            throw new IllegalArgumentException("command must not be empty");
        }
        if (retries < 1) {
            throw new IllegalArgumentException("retries must be >= 1: " + retries);
        }
    }
}
