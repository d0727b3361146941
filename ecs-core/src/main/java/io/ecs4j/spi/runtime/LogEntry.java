package io.ecs4j.spi.runtime;

import java.time.Instant;
import java.util.Objects;

/**
 * One line a container wrote.
 *
 * <p>Immutable.
 *
 * @param timestamp when it was written; not null
 * @param stream    which stream; not null
 * @param message   the line, without its line terminator; not null
 */
public record LogEntry(Instant timestamp, Stream stream, String message) {
    /** Which output stream. */
    public enum Stream {
        /** Standard output. */
        STDOUT,
        /** Standard error. */
        STDERR
    }

    public LogEntry {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(message, "message");
    }
}
