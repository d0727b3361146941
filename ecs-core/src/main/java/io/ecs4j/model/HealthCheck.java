package io.ecs4j.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A container health check. Unset numbers take ECS's defaults: interval 30 s, timeout 5 s, retries 3, start period 0 (registration fills them in).
 *
 * <p>Immutable; build with {@link #builder()}. Lists and maps are unmodifiable and never null.
 *
 * @param command {@code ["CMD", exe, args...]} or {@code ["CMD-SHELL", "command"]}
 * @param interval seconds between checks, 5–300, or null for 30
 * @param timeout seconds before a check fails, 2–60, or null for 5
 * @param retries consecutive failures before UNHEALTHY, 1–10, or null for 3
 * @param startPeriod grace period in seconds, 0–300, or null for 0
 */
public record HealthCheck(
        List<String> command,
        Integer interval,
        Integer timeout,
        Integer retries,
        Integer startPeriod) {

    public HealthCheck {
        command = command == null ? List.of() : List.copyOf(command);
    }

    /** A CMD-SHELL health check with ECS's defaults. */
    public static HealthCheck shell(String command) {
        return new HealthCheck(List.of("CMD-SHELL", command), null, null, null, null);
    }

    /** The interval, 30 s when unset. */
    public int intervalOrDefault() {
        return interval == null ? 30 : interval;
    }

    /** The timeout, 5 s when unset. */
    public int timeoutOrDefault() {
        return timeout == null ? 5 : timeout;
    }

    /** The retries, 3 when unset. */
    public int retriesOrDefault() {
        return retries == null ? 3 : retries;
    }

    /** The start period, 0 when unset. */
    public int startPeriodOrDefault() {
        return startPeriod == null ? 0 : startPeriod;
    }

    /** A new builder with every component unset (or at its documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.command = command;
        b.interval = interval;
        b.timeout = timeout;
        b.retries = retries;
        b.startPeriod = startPeriod;
        return b;
    }

    /** Builds a {@link HealthCheck}. Not thread-safe. */
    public static final class Builder {
        private List<String> command = List.of();
        private Integer interval;
        private Integer timeout;
        private Integer retries;
        private Integer startPeriod;

        private Builder() {
        }

        /** Sets {@code command}: {@code ["CMD", exe, args...]} or {@code ["CMD-SHELL", "command"]}. */
        public Builder command(List<String> command) {
            this.command = command;
            return this;
        }

        /** Sets {@code command}. */
        public Builder command(String... command) {
            this.command = List.of(command);
            return this;
        }

        /** Sets {@code interval}: seconds between checks, 5–300, or null for 30. */
        public Builder interval(Integer interval) {
            this.interval = interval;
            return this;
        }

        /** Sets {@code timeout}: seconds before a check fails, 2–60, or null for 5. */
        public Builder timeout(Integer timeout) {
            this.timeout = timeout;
            return this;
        }

        /** Sets {@code retries}: consecutive failures before UNHEALTHY, 1–10, or null for 3. */
        public Builder retries(Integer retries) {
            this.retries = retries;
            return this;
        }

        /** Sets {@code startPeriod}: grace period in seconds, 0–300, or null for 0. */
        public Builder startPeriod(Integer startPeriod) {
            this.startPeriod = startPeriod;
            return this;
        }

        /** Builds the record. */
        public HealthCheck build() {
            return new HealthCheck(command, interval, timeout, retries, startPeriod);
        }
    }
}
