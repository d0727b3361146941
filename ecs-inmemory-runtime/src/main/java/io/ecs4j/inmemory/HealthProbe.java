package io.ecs4j.inmemory;

/**
 * The scripted outcome of one run of a container's health check command (see
 * {@link ContainerBehaviour.Builder#healthProbes(HealthProbe...)}).
 */
public enum HealthProbe {
    /** The command exits 0 at once: the probe passes. */
    PASS,
    /** The command exits non-zero at once: the probe fails. */
    FAIL,
    /**
     * The command is still running when the health check's {@code timeout} expires: the probe fails, and it ends (and
     * the next interval starts) only after the timeout, as in Docker.
     */
    TIMEOUT
}
