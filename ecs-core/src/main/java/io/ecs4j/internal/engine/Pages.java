package io.ecs4j.internal.engine;

import io.ecs4j.EcsException;
import io.ecs4j.request.Page;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Offset-based pagination with opaque tokens, for the list operations of the engine. */
final class Pages {
    private Pages() {
    }

    static <T> Page<T> page(List<T> items, Integer maxResults, String nextToken, int defaultSize, int maxSize) {
        int size = maxResults == null ? defaultSize : maxResults;
        if (size < 1 || size > maxSize) {
            throw EcsException.invalidParameter("maxResults",
                    "maxResults must be between 1 and " + maxSize + ", but was " + size + ".");
        }
        int offset = 0;
        if (nextToken != null) {
            try {
                String decoded = new String(Base64.getUrlDecoder().decode(nextToken), StandardCharsets.UTF_8);
                if (!decoded.startsWith("ecs4j:")) {
                    throw new IllegalArgumentException();
                }
                offset = Integer.parseInt(decoded.substring(6));
                if (offset < 0) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                throw EcsException.invalidParameter("nextToken", "The nextToken is invalid.");
            }
        }
        int from = Math.min(offset, items.size());
        int to = Math.min(from + size, items.size());
        String next = to < items.size()
                ? Base64.getUrlEncoder().withoutPadding().encodeToString(("ecs4j:" + to).getBytes(StandardCharsets.UTF_8))
                : null;
        return new Page<>(items.subList(from, to), next);
    }
}
