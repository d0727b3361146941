package io.ecs4j.server.internal.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecs4j.LocalEcs;

/**
 * One supported ECS operation: maps the request to a single {@link LocalEcs} call (mapping and validation happen
 * first, so a rejected request changes nothing) and the result to the response shape.
 *
 * @param name     the operation name as in {@code X-Amz-Target}
 * @param blocking true when the call waits for a cluster control loop (a change); false for reads served from
 *                 snapshots, which the HTTP layer may run on its I/O thread
 * @param handler  the mapping
 */
public record Operation(String name, boolean blocking, Handler handler) {

    /** The mapping of one operation. */
    @FunctionalInterface
    public interface Handler {
        /** Handles the request {@code in} against {@code ecs}; returns the response body. */
        ObjectNode handle(LocalEcs ecs, WireInput in);
    }
}
