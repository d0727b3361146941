package io.ecs4j.internal.engine;

import java.time.Duration;

/** Formats durations the way the ECS agent (Go) prints them: {@code 3m0s}, {@code 30s}, {@code 1h0m0s}. */
final class Durations {
    private Durations() {
    }

    static String agentFormat(Duration d) {
        long seconds = d.getSeconds();
        long h = seconds / 3600;
        long m = (seconds % 3600) / 60;
        long s = seconds % 60;
        if (h > 0) {
            return h + "h" + m + "m" + s + "s";
        }
        if (m > 0) {
            return m + "m" + s + "s";
        }
        return s + "s";
    }
}
