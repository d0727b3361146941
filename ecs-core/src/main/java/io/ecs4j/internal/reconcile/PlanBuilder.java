package io.ecs4j.internal.reconcile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Collects the actions of a plan and the earliest future instant worth waking up for. */
final class PlanBuilder {
    private final Instant now;
    private final List<Action> actions = new ArrayList<>();
    private Instant wakeAt;

    PlanBuilder(Instant now) {
        this.now = now;
    }

    void add(Action action) {
        actions.add(action);
    }

    /** Stops all of {@code ids} (nothing when empty). */
    void stopAll(List<String> ids, Action.StopReason reason) {
        if (!ids.isEmpty()) {
            actions.add(new Action.Stop(ids, ids.size(), reason));
        }
    }

    /** Wake up at {@code at} if it is in the future and earlier than any other wake-up so far. */
    void wake(Instant at) {
        if (at != null && at.isAfter(now) && (wakeAt == null || at.isBefore(wakeAt))) {
            wakeAt = at;
        }
    }

    boolean hasStopsOrLaunches() {
        for (Action a : actions) {
            if (a instanceof Action.Stop || a instanceof Action.Launch || a instanceof Action.LaunchOn) {
                return true;
            }
        }
        return false;
    }

    Plan build() {
        return new Plan(actions, wakeAt);
    }
}
