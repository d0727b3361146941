package io.ecs4j.docker.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.ecs4j.spi.runtime.LogEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Reads a container's stdout and stderr, with Docker's timestamps. */
final class LogReader {
    private LogReader() {
    }

    static List<LogEntry> read(DockerClient docker, String containerId) {
        List<LogEntry> entries = Collections.synchronizedList(new ArrayList<>());
        ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
            private Instant last = Instant.EPOCH;

            @Override
            public void onNext(Frame frame) {
                LogEntry.Stream stream = frame.getStreamType() == StreamType.STDERR
                        ? LogEntry.Stream.STDERR : LogEntry.Stream.STDOUT;
                String text = new String(frame.getPayload(), StandardCharsets.UTF_8);
                for (String line : text.split("\n", -1)) {
                    if (line.isEmpty()) {
                        continue;
                    }
                    // with timestamps, each line starts "2026-01-01T00:00:00.123456789Z "
                    int space = line.indexOf(' ');
                    Instant at = last;
                    String message = line;
                    if (space > 0) {
                        try {
                            at = Instant.parse(line.substring(0, space));
                            message = line.substring(space + 1);
                        } catch (DateTimeParseException e) {
                            // a continuation of the previous line
                        }
                    }
                    last = at;
                    entries.add(new LogEntry(at, stream, stripCr(message)));
                }
            }
        };
        try {
            docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true).withTimestamps(true)
                    .withFollowStream(false).exec(callback).awaitCompletion(60, TimeUnit.SECONDS);
        } catch (NotFoundException | com.github.dockerjava.api.exception.ConflictException e) {
            return List.of();   // removed, or being removed: nothing to read any more
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading logs of " + containerId, e);
        }
        List<LogEntry> ordered;
        synchronized (entries) {
            ordered = new ArrayList<>(entries);
        }
        // Docker copies stdout and stderr separately, so lines written within microseconds of each other can arrive out
        // of order across the two streams; the timestamps are the order (a stable sort keeps continuation lines).
        ordered.sort(java.util.Comparator.comparing(LogEntry::timestamp));
        return List.copyOf(ordered);
    }

    private static String stripCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
