package io.ecs4j.request;

import java.util.List;

/**
 * One page of a list operation.
 *
 * <p>Immutable.
 *
 * @param items     the items of this page, in a stable order
 * @param nextToken pass to the next call to get the next page; null when this is the last page
 * @param <T>       the item type
 */
public record Page<T>(List<T> items, String nextToken) {
    public Page {
        items = List.copyOf(items);
    }

    /** {@code true} when more pages follow. */
    public boolean hasMore() {
        return nextToken != null;
    }
}
