package io.ecs4j.internal.placement;

/**
 * The placed tasks by id, in parallel arrays with open addressing (linear probing, backward-shift deletion): no object
 * per task, so a cluster with 100,000 tasks gives the garbage collector a few large arrays to keep rather than 200,000
 * small objects. Indexes are valid until the next insert or remove. Not thread-safe.
 */
final class TaskTable {
    private String[] ids = new String[16];
    private int[] slots = new int[16];
    private String[] groups = new String[16];
    private TaskFootprint[] footprints = new TaskFootprint[16];
    private boolean[] stopping = new boolean[16];
    private int size;

    int size() {
        return size;
    }

    /** The index of task {@code id}, or -1. */
    int find(String id) {
        int mask = ids.length - 1;
        for (int i = mix(id.hashCode()) & mask; ; i = (i + 1) & mask) {
            String k = ids[i];
            if (k == null) {
                return -1;
            }
            if (k.equals(id)) {
                return i;
            }
        }
    }

    /** Adds a task that is not in the table yet. */
    void insert(String id, int slot, String group, TaskFootprint footprint) {
        if ((size + 1) * 2 > ids.length) {
            rehash(ids.length * 2);
        }
        int mask = ids.length - 1;
        int i = mix(id.hashCode()) & mask;
        while (ids[i] != null) {
            i = (i + 1) & mask;
        }
        ids[i] = id;
        slots[i] = slot;
        groups[i] = group;
        footprints[i] = footprint;
        stopping[i] = false;
        size++;
    }

    String id(int i) {
        return ids[i];
    }

    int slot(int i) {
        return slots[i];
    }

    String group(int i) {
        return groups[i];
    }

    TaskFootprint footprint(int i) {
        return footprints[i];
    }

    boolean stopping(int i) {
        return stopping[i];
    }

    void markStopping(int i) {
        stopping[i] = true;
    }

    /** The task at index {@code i} as a record. */
    TaskRecord record(int i) {
        TaskRecord t = new TaskRecord(ids[i], slots[i], groups[i], footprints[i]);
        t.stopping = stopping[i];
        return t;
    }

    /** The ids of the tasks on {@code slot}. */
    String[] idsOnSlot(int slot) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] != null && slots[i] == slot) {
                out.add(ids[i]);
            }
        }
        return out.toArray(new String[0]);
    }

    void removeAt(int i) {
        int mask = ids.length - 1;
        clear(i);
        size--;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            String k = ids[j];
            if (k == null) {
                return;
            }
            int home = mix(k.hashCode()) & mask;
            boolean inRange = i <= j ? (home > i && home <= j) : (home > i || home <= j);
            if (!inRange) {
                ids[i] = k;
                slots[i] = slots[j];
                groups[i] = groups[j];
                footprints[i] = footprints[j];
                stopping[i] = stopping[j];
                clear(j);
                i = j;
            }
        }
    }

    private void clear(int i) {
        ids[i] = null;
        groups[i] = null;
        footprints[i] = null;
        stopping[i] = false;
    }

    private void rehash(int capacity) {
        String[] oldIds = ids;
        int[] oldSlots = slots;
        String[] oldGroups = groups;
        TaskFootprint[] oldFootprints = footprints;
        boolean[] oldStopping = stopping;
        ids = new String[capacity];
        slots = new int[capacity];
        groups = new String[capacity];
        footprints = new TaskFootprint[capacity];
        stopping = new boolean[capacity];
        size = 0;
        for (int i = 0; i < oldIds.length; i++) {
            if (oldIds[i] != null) {
                insert(oldIds[i], oldSlots[i], oldGroups[i], oldFootprints[i]);
                stopping[find(oldIds[i])] = oldStopping[i];
            }
        }
    }

    private static int mix(int h) {
        int x = h * 0x9E3779B9;
        return x ^ (x >>> 16);
    }
}
