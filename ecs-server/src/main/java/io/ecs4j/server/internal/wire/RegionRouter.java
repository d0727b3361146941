package io.ecs4j.server.internal.wire;

import io.ecs4j.LocalEcs;

/** Which {@link LocalEcs} serves a region. Implementations are thread-safe. */
public interface RegionRouter {

    /** The region of requests that carry no SigV4 credential scope. */
    String defaultRegion();

    /**
     * The instance serving {@code region}.
     *
     * @throws WireException when this endpoint does not serve {@code region}
     */
    LocalEcs forRegion(String region);
}
