package io.ecs4j.time;

/**
 * A handle on scheduled work that can be called off.
 *
 * <p>Implementations are thread-safe.
 */
@FunctionalInterface
public interface Cancellable {
    /**
     * Calls the work off if it has not run yet.
     *
     * @return {@code true} if this call prevented the work from running
     */
    boolean cancel();
}
