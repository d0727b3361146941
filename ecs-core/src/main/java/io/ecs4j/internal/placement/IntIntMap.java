package io.ecs4j.internal.placement;

import java.util.Arrays;

/**
 * An open-addressing map from non-negative int keys to int counts (linear probing, backward-shift deletion), for the
 * per-group "tasks per instance slot" and per-instance "references per port" counters. Not thread-safe.
 */
final class IntIntMap {
    private static final int FREE = -1;
    private int[] keys;
    private int[] values;
    private int size;

    IntIntMap() {
        keys = new int[8];
        values = new int[8];
        Arrays.fill(keys, FREE);
    }

    int size() {
        return size;
    }

    /** The value of {@code key}, 0 when absent. */
    int get(int key) {
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            int k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == FREE) {
                return 0;
            }
        }
    }

    /** Adds {@code delta} to the value of {@code key}; the entry disappears when it reaches 0. Returns the new value. */
    int add(int key, int delta) {
        if (key < 0) {
            throw new IllegalArgumentException("bug: negative key " + key);
        }
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (keys[i] != FREE && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (keys[i] == FREE) {
            if (delta == 0) {
                return 0;
            }
            keys[i] = key;
            values[i] = delta;
            if (++size * 2 > keys.length) {
                rehash(keys.length * 2);
            }
            return delta;
        }
        int v = values[i] + delta;
        if (v == 0) {
            removeAt(i);
        } else {
            values[i] = v;
        }
        return v;
    }

    /** Calls {@code action} for each entry, in no particular order. The map must not change meanwhile. */
    void forEach(IntIntConsumer action) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != FREE) {
                action.accept(keys[i], values[i]);
            }
        }
    }

    /** The keys, in no particular order. */
    int[] keys() {
        int[] out = new int[size];
        int n = 0;
        for (int k : keys) {
            if (k != FREE) {
                out[n++] = k;
            }
        }
        return out;
    }

    private void removeAt(int i) {
        int mask = keys.length - 1;
        keys[i] = FREE;
        size--;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            int k = keys[j];
            if (k == FREE) {
                return;
            }
            int home = mix(k) & mask;
            // move k back into the hole when its home is not in the cyclic range (i, j]
            boolean inRange = i <= j ? (home > i && home <= j) : (home > i || home <= j);
            if (!inRange) {
                keys[i] = k;
                values[i] = values[j];
                keys[j] = FREE;
                i = j;
            }
        }
    }

    private void rehash(int capacity) {
        int[] oldKeys = keys;
        int[] oldValues = values;
        keys = new int[capacity];
        values = new int[capacity];
        Arrays.fill(keys, FREE);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != FREE) {
                add(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int mix(int key) {
        int h = key * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** Receives one entry. */
    @FunctionalInterface
    interface IntIntConsumer {
        void accept(int key, int value);
    }
}
