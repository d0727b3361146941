package io.ecs4j.internal.placement;

import java.util.Arrays;

/**
 * The cached result of one static expression (see {@link Expression#isStatic()}) for every instance slot, as a
 * bitset. {@link ClusterState} recomputes a slot's bit whenever that instance changes. Loop-confined.
 */
final class StaticSet {
    final Expression expression;
    private long[] words;

    StaticSet(Expression expression, int capacity) {
        this.expression = expression;
        this.words = new long[(capacity + 63) >>> 6];
    }

    boolean test(int slot) {
        return (words[slot >>> 6] & (1L << slot)) != 0;
    }

    void set(int slot, boolean value) {
        if (value) {
            words[slot >>> 6] |= 1L << slot;
        } else {
            words[slot >>> 6] &= ~(1L << slot);
        }
    }

    void grow(int capacity) {
        int n = (capacity + 63) >>> 6;
        if (n > words.length) {
            words = Arrays.copyOf(words, n);
        }
    }
}
