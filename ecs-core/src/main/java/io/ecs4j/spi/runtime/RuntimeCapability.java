package io.ecs4j.spi.runtime;

/**
 * Optional abilities of a {@link ContainerRuntime}. The runtime contract test suite skips (and reports) the cases that
 * need a capability a runtime does not declare.
 */
public enum RuntimeCapability {
    /** Runs real processes in real containers (Docker). */
    REAL_CONTAINERS,
    /** Container behaviour can be scripted by tests (exit codes, delays, failing pulls, health sequences). */
    SCRIPTABLE_BEHAVIOUR,
    /** Runs entirely on the virtual clock: no wall time passes. */
    VIRTUAL_TIME,
    /** Runs health checks and reports their results. */
    HEALTH_CHECKS,
    /** Publishes port mappings and reports network bindings. */
    PORT_PUBLISHING,
    /** Emulates {@code awsvpc}: a per-task network namespace shared by the task's containers. */
    AWSVPC_NETWORKING,
    /** Returns what containers wrote to stdout and stderr. */
    LOGS,
    /** Mounts bind mounts and volumes. */
    VOLUMES,
    /** Finds containers it started before a restart ({@link ContainerRuntime#discover()}). */
    DISCOVERY,
    /** Detects containers killed for exceeding their memory limit. */
    OOM_DETECTION,
    /** Pulls images that are not present locally. */
    IMAGE_PULL
}
