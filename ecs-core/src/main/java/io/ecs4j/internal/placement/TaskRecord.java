package io.ecs4j.internal.placement;

/** A task placed on an instance slot. Mutable only in {@link #stopping}; loop-confined. */
final class TaskRecord {
    final String id;
    final int slot;
    final String group;
    final TaskFootprint footprint;
    /** Desired status STOPPED: still holds resources, no longer counts for groups. */
    boolean stopping;

    TaskRecord(String id, int slot, String group, TaskFootprint footprint) {
        this.id = id;
        this.slot = slot;
        this.group = group;
        this.footprint = footprint;
    }
}
