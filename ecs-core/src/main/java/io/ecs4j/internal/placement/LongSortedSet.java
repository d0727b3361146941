package io.ecs4j.internal.placement;

import java.util.Arrays;

/**
 * A sorted set of non-negative longs kept in blocks of at most {@value #MAX_BLOCK} sorted arrays: add, remove and
 * ceiling cost O(log n + block size) with no allocation except when a block splits. Used to order instances by
 * remaining CPU or memory for binpack. Not thread-safe.
 */
final class LongSortedSet {
    static final long NONE = -1L;
    private static final int MAX_BLOCK = 128;

    private long[][] blocks = new long[4][];
    private int[] sizes = new int[4];
    /** The last (largest) element of each block, contiguous so that finding a block touches few cache lines. */
    private long[] maxes = new long[4];
    private int blockCount;
    private int size;
    private int cursorBlock;
    private int cursorIndex;

    int size() {
        return size;
    }

    void add(long key) {
        if (key < 0) {
            throw new IllegalArgumentException("bug: negative key " + key);
        }
        if (blockCount == 0) {
            long[] first = new long[MAX_BLOCK];
            first[0] = key;
            insertBlock(0, first, 1);
            maxes[0] = key;
            size++;
            return;
        }
        int b = blockFor(key);
        if (b == blockCount) {
            b = blockCount - 1;
        }
        long[] block = blocks[b];
        int n = sizes[b];
        int i = Arrays.binarySearch(block, 0, n, key);
        if (i >= 0) {
            return;
        }
        i = -i - 1;
        if (n == MAX_BLOCK) {
            long[] right = new long[MAX_BLOCK];
            int half = MAX_BLOCK / 2;
            System.arraycopy(block, half, right, 0, MAX_BLOCK - half);
            sizes[b] = half;
            insertBlock(b + 1, right, MAX_BLOCK - half);
            maxes[b] = block[half - 1];
            maxes[b + 1] = right[MAX_BLOCK - half - 1];
            if (i > half) {
                b++;
                i -= half;
            }
            block = blocks[b];
            n = sizes[b];
        }
        System.arraycopy(block, i, block, i + 1, n - i);
        block[i] = key;
        sizes[b] = n + 1;
        maxes[b] = block[n];
        size++;
    }

    boolean remove(long key) {
        int b = blockFor(key);
        if (b == blockCount) {
            return false;
        }
        long[] block = blocks[b];
        int n = sizes[b];
        int i = Arrays.binarySearch(block, 0, n, key);
        if (i < 0) {
            return false;
        }
        System.arraycopy(block, i + 1, block, i, n - i - 1);
        sizes[b] = n - 1;
        size--;
        if (n == 1) {
            System.arraycopy(blocks, b + 1, blocks, b, blockCount - b - 1);
            System.arraycopy(sizes, b + 1, sizes, b, blockCount - b - 1);
            System.arraycopy(maxes, b + 1, maxes, b, blockCount - b - 1);
            blocks[--blockCount] = null;
        } else {
            maxes[b] = block[n - 2];
        }
        return true;
    }

    /** The smallest element {@code >= key}, or {@link #NONE}. */
    long ceiling(long key) {
        int b = blockFor(key);
        if (b == blockCount) {
            return NONE;
        }
        int i = Arrays.binarySearch(blocks[b], 0, sizes[b], key);
        return blocks[b][i >= 0 ? i : -i - 1];
    }

    /**
     * Positions the set's one cursor on the smallest element {@code >= key} and returns it, or {@link #NONE}. Walk on
     * with {@link #next()}; any change to the set invalidates the cursor.
     */
    long seek(long key) {
        int b = blockFor(key);
        if (b == blockCount) {
            cursorBlock = blockCount;
            return NONE;
        }
        int i = Arrays.binarySearch(blocks[b], 0, sizes[b], key);
        cursorBlock = b;
        cursorIndex = i >= 0 ? i : -i - 1;
        return blocks[b][cursorIndex];
    }

    /** The element after the cursor's, moving the cursor there, or {@link #NONE}: O(1). */
    long next() {
        if (cursorBlock >= blockCount) {
            return NONE;
        }
        if (++cursorIndex == sizes[cursorBlock]) {
            cursorIndex = 0;
            if (++cursorBlock == blockCount) {
                return NONE;
            }
        }
        return blocks[cursorBlock][cursorIndex];
    }

    /** The smallest element {@code > key}, or {@link #NONE}. */
    long higher(long key) {
        return key == Long.MAX_VALUE ? NONE : ceiling(key + 1);
    }

    /** The index of the first block whose last element is {@code >= key}, or {@code blockCount}. */
    private int blockFor(long key) {
        int lo = 0;
        int hi = blockCount;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (maxes[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private void insertBlock(int at, long[] block, int n) {
        if (blockCount == blocks.length) {
            blocks = Arrays.copyOf(blocks, blockCount * 2);
            sizes = Arrays.copyOf(sizes, blockCount * 2);
            maxes = Arrays.copyOf(maxes, blockCount * 2);
        }
        System.arraycopy(blocks, at, blocks, at + 1, blockCount - at);
        System.arraycopy(sizes, at, sizes, at + 1, blockCount - at);
        System.arraycopy(maxes, at, maxes, at + 1, blockCount - at);
        blocks[at] = block;
        sizes[at] = n;
        blockCount++;
    }
}
