package io.ecs4j.internal.placement;

import java.time.Instant;

/**
 * What a cluster query language {@link Expression} may ask about one container instance, identified by an opaque
 * slot number the implementation understands. Implementations are confined to the caller's thread.
 */
public interface QueryContext {

    /** Whether the instance has attribute {@code name} (with or without a value). Names are case-sensitive. */
    boolean hasAttribute(int slot, String name);

    /** The value of attribute {@code name}, or null when the attribute is absent or has no value. */
    String attribute(int slot, String name);

    /** The EC2 instance id, or null. */
    String ec2InstanceId(int slot);

    /** Whether the agent is connected. */
    boolean agentConnected(int slot);

    /** The agent version (for example {@code 1.70.2}), or null when unknown. */
    String agentVersion(int slot);

    /** When the instance registered, or null when unknown. */
    Instant registeredAt(int slot);

    /** The number of tasks counted on the instance (placed and not stopping). */
    int runningTasksCount(int slot);

    /** Whether at least one counted task of {@code group} is on the instance. */
    boolean runsGroup(int slot, String group);

    /** The groups with at least one counted task on the instance. */
    Iterable<String> groups(int slot);
}
