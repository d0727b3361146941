package io.ecs4j.internal.taskdef;

import io.ecs4j.EcsException;
import io.ecs4j.model.ContainerDefinition;
import io.ecs4j.model.TaskDefinition;
import io.ecs4j.model.TaskDefinitionArn;
import io.ecs4j.model.TaskDefinitionRef;
import io.ecs4j.model.TaskDefinitionStatus;
import io.ecs4j.request.DeleteTaskDefinitionsResult;
import io.ecs4j.request.ListTaskDefinitionFamiliesRequest;
import io.ecs4j.request.ListTaskDefinitionsRequest;
import io.ecs4j.request.Page;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** TEMPORARY minimal registry, replaced by the full implementation (validation, JSON, listing). */
public final class TaskDefinitionRegistry {
    private final String region;
    private final String accountId;
    private final Clock clock;
    private final Map<String, TreeMap<Integer, TaskDefinition>> families = new TreeMap<>();

    public TaskDefinitionRegistry(String region, String accountId, Clock clock) {
        this.region = region;
        this.accountId = accountId;
        this.clock = clock;
    }

    public synchronized TaskDefinition register(TaskDefinition input, String registeredBy) {
        if (input.containerDefinitions().isEmpty()) {
            throw EcsException.client("containerDefinitions", "Container list cannot be empty.");
        }
        TreeMap<Integer, TaskDefinition> revisions = families.computeIfAbsent(input.family(), f -> new TreeMap<>());
        int revision = revisions.isEmpty() ? 1 : revisions.lastKey() + 1;
        List<ContainerDefinition> containers = new ArrayList<>(input.containerDefinitions());
        TaskDefinition td = input.toBuilder().revision(revision)
                .taskDefinitionArn(new TaskDefinitionArn(region, accountId, input.family(), revision))
                .status(TaskDefinitionStatus.ACTIVE).registeredAt(clock.instant()).registeredBy(registeredBy)
                .containerDefinitions(containers).build();
        revisions.put(revision, td);
        return td;
    }

    public synchronized TaskDefinition deregister(String ref) {
        TaskDefinition td = describe(ref);
        TaskDefinition inactive = td.toBuilder().status(TaskDefinitionStatus.INACTIVE).deregisteredAt(clock.instant())
                .build();
        families.get(td.family()).put(td.revision(), inactive);
        return inactive;
    }

    public synchronized TaskDefinition describe(String ref) {
        TaskDefinitionRef r = TaskDefinitionRef.parse(ref);
        TreeMap<Integer, TaskDefinition> revisions = families.get(r.family());
        if (revisions != null) {
            if (r.revision() != null) {
                TaskDefinition td = revisions.get(r.revision());
                if (td != null) {
                    return td;
                }
            } else {
                for (TaskDefinition td : revisions.descendingMap().values()) {
                    if (td.status() == TaskDefinitionStatus.ACTIVE) {
                        return td;
                    }
                }
            }
        }
        throw EcsException.client("taskDefinition", "Unable to describe task definition.");
    }

    public synchronized TaskDefinition resolveForLaunch(String ref) {
        try {
            TaskDefinition td = describe(ref);
            if (td.status() != TaskDefinitionStatus.ACTIVE) {
                throw EcsException.client("taskDefinition", "TaskDefinition is inactive");
            }
            return td;
        } catch (EcsException e) {
            if (e.getMessage().equals("Unable to describe task definition.")) {
                throw EcsException.client("taskDefinition", "TaskDefinition not found.");
            }
            throw e;
        }
    }

    public synchronized TaskDefinition find(TaskDefinitionArn arn) {
        TreeMap<Integer, TaskDefinition> revisions = families.get(arn.family());
        return revisions == null ? null : revisions.get(arn.revision());
    }

    public synchronized Page<String> list(ListTaskDefinitionsRequest request) {
        List<String> out = new ArrayList<>();
        families.values().forEach(m -> m.values().forEach(td -> out.add(td.taskDefinitionArn().toString())));
        return new Page<>(out, null);
    }

    public synchronized Page<String> listFamilies(ListTaskDefinitionFamiliesRequest request) {
        return new Page<>(new ArrayList<>(families.keySet()), null);
    }

    public synchronized DeleteTaskDefinitionsResult delete(List<String> refs) {
        return new DeleteTaskDefinitionsResult(List.of(), List.of());
    }
}
