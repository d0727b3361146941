package io.ecs4j.request;

import io.ecs4j.model.Failure;
import java.util.List;

/**
 * Where a placement would put tasks, computed without starting anything (a dry run of RunTask's placement). A plan
 * reflects the cluster at the moment it is made; placing for real later may choose differently, because tasks start
 * and stop meanwhile and ties between equally good instances are broken at random.
 *
 * <p>{@code containerInstanceArns.size() + failures.size()} equals the number of tasks asked for.
 *
 * <p>Immutable and thread-safe. Lists are unmodifiable and never null.
 *
 * @param containerInstanceArns one container instance ARN per task that would be placed, in order; an instance can
 *                              appear more than once
 * @param failures              one entry per task that could not be placed, as RunTask's {@code failures[]} would
 *                              report it: {@code arn} is the closest-matching container instance, {@code reason} the
 *                              ECS reason (for example {@code RESOURCE:MEMORY} or
 *                              {@code MemberOf placement constraint unsatisfied.})
 */
public record PlacementPlan(List<String> containerInstanceArns, List<Failure> failures) {

    public PlacementPlan {
        containerInstanceArns = containerInstanceArns == null ? List.of() : List.copyOf(containerInstanceArns);
        failures = failures == null ? List.of() : List.copyOf(failures);
    }
}
