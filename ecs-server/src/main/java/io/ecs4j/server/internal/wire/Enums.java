package io.ecs4j.server.internal.wire;

import io.ecs4j.model.ContainerInstanceStatus;
import io.ecs4j.model.DesiredStatus;
import io.ecs4j.model.LaunchType;
import io.ecs4j.model.PlacementConstraintType;
import io.ecs4j.model.PlacementStrategyType;
import io.ecs4j.model.TaskDefinitionStatus;
import io.ecs4j.request.FamilyStatus;
import io.ecs4j.request.SortOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The enums of the ECS model as wire value → Java value maps, in the model's order. */
final class Enums {
    static final Map<String, LaunchType> LAUNCH_TYPE = of(LaunchType.values(), LaunchType::value);
    static final Map<String, DesiredStatus> DESIRED_STATUS = of(DesiredStatus.values(), DesiredStatus::value);
    /** The model's ContainerInstanceStatus enum (it lacks INACTIVE, which only appears in output). */
    static final Map<String, ContainerInstanceStatus> CONTAINER_INSTANCE_STATUS = of(new ContainerInstanceStatus[] {
        ContainerInstanceStatus.ACTIVE, ContainerInstanceStatus.DRAINING, ContainerInstanceStatus.REGISTERING,
        ContainerInstanceStatus.DEREGISTERING, ContainerInstanceStatus.REGISTRATION_FAILED},
            ContainerInstanceStatus::value);
    static final Map<String, TaskDefinitionStatus> TASK_DEFINITION_STATUS =
            of(TaskDefinitionStatus.values(), TaskDefinitionStatus::value);
    static final Map<String, FamilyStatus> FAMILY_STATUS = of(FamilyStatus.values(), FamilyStatus::name);
    static final Map<String, SortOrder> SORT_ORDER = of(SortOrder.values(), SortOrder::name);
    static final Map<String, PlacementConstraintType> CONSTRAINT_TYPE =
            of(PlacementConstraintType.values(), PlacementConstraintType::value);
    static final Map<String, PlacementStrategyType> STRATEGY_TYPE =
            of(PlacementStrategyType.values(), PlacementStrategyType::value);
    static final Map<String, String> PROPAGATE_TAGS = strings("TASK_DEFINITION", "SERVICE", "NONE");
    static final Map<String, String> ASSIGN_PUBLIC_IP = strings("ENABLED", "DISABLED");
    static final Map<String, String> CLUSTER_FIELD =
            strings("ATTACHMENTS", "CONFIGURATIONS", "SETTINGS", "STATISTICS", "TAGS");
    static final Map<String, String> TASK_FIELD = strings("TAGS");
    static final Map<String, String> CONTAINER_INSTANCE_FIELD =
            strings("TAGS", "CONTAINER_INSTANCE_HEALTH");
    static final Map<String, String> TASK_DEFINITION_FIELD = strings("TAGS");
    static final Map<String, String> RESOURCE_TYPE = strings("INTEGER", "LONG", "DOUBLE", "STRINGSET");

    private Enums() {
    }

    static <E> Map<String, E> of(E[] values, Function<E, String> wire) {
        Map<String, E> m = new LinkedHashMap<>();
        for (E e : values) {
            m.put(wire.apply(e), e);
        }
        return Collections.unmodifiableMap(m);
    }

    static Map<String, String> strings(String... values) {
        return of(values, s -> s);
    }

    static boolean includes(List<String> include, String field) {
        return include.contains(field);
    }
}
