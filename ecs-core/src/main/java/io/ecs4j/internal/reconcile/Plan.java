package io.ecs4j.internal.reconcile;

import java.time.Instant;
import java.util.List;

/**
 * What the scheduler wants done for one service, in order, and when to look again if nothing else happens.
 *
 * @param actions the actions, applied in order
 * @param wakeAt  when time alone changes the picture (a task passes the 40-second mark or its grace period, the launch
 *                backoff ends), or null
 */
public record Plan(List<Action> actions, Instant wakeAt) {
    public Plan {
        actions = List.copyOf(actions);
    }

    /** Whether the plan does nothing. */
    public boolean isEmpty() {
        return actions.isEmpty();
    }
}
