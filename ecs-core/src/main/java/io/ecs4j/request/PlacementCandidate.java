package io.ecs4j.request;

import java.util.List;

/**
 * How placement judged one container instance for one task (see {@link PlacementExplanation}): either the first
 * filter or constraint that removed it, or its score under each strategy and its rank.
 *
 * <p>Filters run in this order, and {@code rejection} names the first that failed, as ECS reports it in
 * {@code failures[].reason}: {@code INACTIVE} (the instance is not ACTIVE), {@code AGENT}, {@code ATTRIBUTE}
 * (a required attribute is missing), {@code RESOURCE:CPU}, {@code RESOURCE:MEMORY}, {@code RESOURCE:PORTS},
 * {@code RESOURCE:PORTS_UDP}, {@code MemberOf placement constraint unsatisfied.},
 * {@code DistinctInstance placement constraint unsatisfied.}
 *
 * <p>Scores follow {@link PlacementExplanation#strategies()}, smaller is better: for {@code spread}, the tasks of the
 * group already in the instance's bucket (its attribute value, or the instance itself); for {@code binpack}, the
 * remaining CPU units or MiB. {@code random} has no score.
 *
 * <p>Immutable and thread-safe.
 *
 * @param containerInstanceArn the container instance ARN; not null
 * @param rejection            the ECS failure reason of the filter that removed the instance, or null when it passed
 * @param detail               why, in words (for example {@code needs 512 MiB, 256 remaining}), or null when it passed
 * @param scores               one score per strategy, empty when rejected or when the strategies have no score
 * @param rank                 1 for the best-scored instances (the chosen one is among them), 2 for the next score, ...;
 *                             0 when rejected
 */
public record PlacementCandidate(String containerInstanceArn, String rejection, String detail, List<Long> scores,
                                 int rank) {

    public PlacementCandidate {
        java.util.Objects.requireNonNull(containerInstanceArn, "containerInstanceArn");
        scores = scores == null ? List.of() : List.copyOf(scores);
    }

    /** Whether the instance passed every filter and constraint. */
    public boolean eligible() {
        return rejection == null;
    }
}
