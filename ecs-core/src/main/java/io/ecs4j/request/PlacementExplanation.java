package io.ecs4j.request;

import io.ecs4j.model.Failure;
import io.ecs4j.model.PlacementConstraint;
import io.ecs4j.model.PlacementStrategy;
import java.util.List;

/**
 * Why placement would put the next task of a request where it would: every container instance of the cluster with
 * the filter that removed it or its strategy scores, the strategies applied, and the choice.
 *
 * <p>Placement (ECS task placement, EC2 launch type) keeps the ACTIVE instances with a connected agent that have the
 * required attributes, CPU, memory and host ports, then those that satisfy every {@code memberOf} expression and
 * {@code distinctInstance}; the strategies order what is left, each breaking the ties of the previous one, and the
 * remaining ties are broken at random.
 *
 * <p>Immutable and thread-safe. Lists are unmodifiable and never null.
 *
 * @param constraints                the constraints applied (task definition and request combined)
 * @param strategies                 the strategies applied, in order, as normalised: {@code host} written
 *                                   {@code instanceId}, repeated strategies and those after {@code random} dropped; an
 *                                   empty request gets {@code random}
 * @param candidates                 one entry per container instance of the cluster, in registration order
 * @param chosenContainerInstanceArn the instance the next task would go to, or null when none qualifies
 * @param failure                    the failure RunTask would report when none qualifies, else null
 */
public record PlacementExplanation(
        List<PlacementConstraint> constraints,
        List<PlacementStrategy> strategies,
        List<PlacementCandidate> candidates,
        String chosenContainerInstanceArn,
        Failure failure) {

    public PlacementExplanation {
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
        strategies = strategies == null ? List.of() : List.copyOf(strategies);
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    /** The candidate entry of {@code containerInstanceArn}, or null. */
    public PlacementCandidate candidate(String containerInstanceArn) {
        for (PlacementCandidate c : candidates) {
            if (c.containerInstanceArn().equals(containerInstanceArn)) {
                return c;
            }
        }
        return null;
    }
}
