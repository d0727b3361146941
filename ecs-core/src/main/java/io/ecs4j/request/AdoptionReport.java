package io.ecs4j.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@code LocalEcs.start()} found in the runtime: tasks a previous process started that this one took back (they keep their ARNs; services count them), and containers carrying ecs4j's labels that could not be tied to a task (stopped).
 *
 * <p>Immutable. Lists and maps are unmodifiable and never null.
 *
 * @param adoptedTaskArns the ARNs of the tasks taken back
 * @param stoppedOrphans the runtime ids of containers stopped because their task could not be rebuilt
 */
public record AdoptionReport(
        List<String> adoptedTaskArns,
        List<String> stoppedOrphans) {

    public AdoptionReport {
        adoptedTaskArns = adoptedTaskArns == null ? List.of() : List.copyOf(adoptedTaskArns);
        stoppedOrphans = stoppedOrphans == null ? List.of() : List.copyOf(stoppedOrphans);
    }

    /** Nothing found. */
    public static AdoptionReport empty() {
        return new AdoptionReport(List.of(), List.of());
    }

}
