package io.ecs4j.request;

import io.ecs4j.model.Failure;
import java.util.List;

/**
 * What a describe operation found, and what it did not ({@code failures[]} with reason {@code MISSING}). Describe
 * operations never throw for missing items.
 *
 * <p>Immutable.
 *
 * @param items    the items found, in the order they were asked for
 * @param failures one entry per item not found
 * @param <T>      the item type
 */
public record DescribeResult<T>(List<T> items, List<Failure> failures) {
    public DescribeResult {
        items = List.copyOf(items);
        failures = List.copyOf(failures);
    }
}
