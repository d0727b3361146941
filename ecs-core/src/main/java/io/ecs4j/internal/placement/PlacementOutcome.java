package io.ecs4j.internal.placement;

import io.ecs4j.EcsException;
import io.ecs4j.model.Failure;
import java.util.List;

/**
 * Where the tasks of one {@link PlacementRequest} go. Immutable.
 *
 * <p>Unless {@code noInstances}, {@code instanceIds.size() + failures.size() == count}: tasks are placed in order and
 * once one cannot be placed the rest cannot either (nothing changed in between), so each gets the same failure.
 *
 * @param instanceIds one container instance id per placed task, in order
 * @param failures    one per task not placed: {@code arn} is the closest-matching container instance, {@code reason}
 *                    the ECS reason ({@code RESOURCE:MEMORY}, {@code MemberOf placement constraint unsatisfied.}, ...)
 * @param noInstances the cluster has no registered container instance at all; then both lists are empty and RunTask
 *                    must fail with {@link #noContainerInstances()}
 */
public record PlacementOutcome(List<String> instanceIds, List<Failure> failures, boolean noInstances) {

    public PlacementOutcome {
        instanceIds = List.copyOf(instanceIds);
        failures = List.copyOf(failures);
    }

    /** ECS's error for RunTask on a cluster without container instances. */
    public static EcsException noContainerInstances() {
        return EcsException.invalidParameter("No Container Instances were found in your cluster.");
    }
}
