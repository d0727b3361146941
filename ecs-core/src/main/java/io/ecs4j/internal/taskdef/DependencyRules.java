package io.ecs4j.internal.taskdef;

import io.ecs4j.EcsException;
import io.ecs4j.internal.taskdef.TaskDefinitionValidator.Context;
import io.ecs4j.model.ContainerCondition;
import io.ecs4j.model.ContainerDefinition;
import io.ecs4j.model.ContainerDependency;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code dependsOn} rules (ecs-semantics §2.7): known targets, no self-dependency, no cycle, condition constraints. */
final class DependencyRules {
    private DependencyRules() {
    }

    static void validate(Context ctx) {
        List<ContainerDefinition> containers = ctx.containers();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < containers.size(); i++) {
            index.put(containers.get(i).name(), i);
        }
        for (int i = 0; i < containers.size(); i++) {
            ContainerDefinition c = containers.get(i);
            for (int j = 0; j < c.dependsOn().size(); j++) {
                ContainerDependency d = c.dependsOn().get(j);
                String path = ctx.path(i) + ".dependsOn[" + j + "]";
                Integer target = index.get(d.containerName());
                if (target == null) {
                    throw ContainerRules.invalid(path + ".containerName", "dependsOn", c.name(),
                            "Container '" + d.containerName() + "' does not exist in the task definition.");
                }
                if (target == i) {
                    throw ContainerRules.invalid(path + ".containerName", "dependsOn", c.name(),
                            "A container cannot depend on itself.");
                }
                ContainerDefinition dependency = containers.get(target);
                if ((d.condition() == ContainerCondition.COMPLETE || d.condition() == ContainerCondition.SUCCESS)
                        && dependency.essential()) {
                    throw EcsException.client(path + ".condition",
                            "A dependency container with SUCCESS or COMPLETE condition cannot be an essential container");
                }
                if (d.condition() == ContainerCondition.HEALTHY && dependency.healthCheck() == null) {
                    throw ContainerRules.invalid(path + ".condition", "dependsOn", c.name(), "Container '"
                            + dependency.name() + "' has no healthCheck, so the HEALTHY condition can never be met.");
                }
            }
        }
        int[] state = new int[containers.size()];
        for (int i = 0; i < containers.size(); i++) {
            List<String> cycle = findCycle(i, containers, index, state, new ArrayList<>());
            if (cycle != null) {
                throw ContainerRules.invalid(ctx.path(i) + ".dependsOn", "dependsOn", containers.get(i).name(),
                        "The container dependencies form a cycle: " + String.join(" -> ", cycle) + ".");
            }
        }
    }

    /** Depth-first search; state 0 = unvisited, 1 = on the current path, 2 = done. Returns [a, b, a] or null. */
    private static List<String> findCycle(int i, List<ContainerDefinition> containers, Map<String, Integer> index,
                                          int[] state, List<String> trail) {
        if (state[i] == 2) {
            return null;
        }
        String name = containers.get(i).name();
        if (state[i] == 1) {
            List<String> cycle = new ArrayList<>(trail.subList(trail.indexOf(name), trail.size()));
            cycle.add(name);
            return cycle;
        }
        state[i] = 1;
        trail.add(name);
        for (ContainerDependency d : containers.get(i).dependsOn()) {
            List<String> cycle = findCycle(index.get(d.containerName()), containers, index, state, trail);
            if (cycle != null) {
                return cycle;
            }
        }
        trail.remove(trail.size() - 1);
        state[i] = 2;
        return null;
    }
}
