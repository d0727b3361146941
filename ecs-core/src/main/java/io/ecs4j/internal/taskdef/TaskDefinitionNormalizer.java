package io.ecs4j.internal.taskdef;

import io.ecs4j.EcsException;
import io.ecs4j.model.ContainerDefinition;
import io.ecs4j.model.HealthCheck;
import io.ecs4j.model.LaunchType;
import io.ecs4j.model.NetworkMode;
import io.ecs4j.model.PortMapping;
import io.ecs4j.model.TaskDefinition;
import io.ecs4j.model.TransportProtocol;
import java.util.ArrayList;
import java.util.List;

/**
 * What RegisterTaskDefinition fills in (ecs-semantics §2.1), applied to a definition that passed
 * {@link TaskDefinitionValidator}:
 * <ul>
 *   <li>task {@code cpu}/{@code memory} as integer strings ({@code "1 vCPU"} → {@code "1024"}, {@code "2GB"} →
 *       {@code "2048"});</li>
 *   <li>port mappings: {@code protocol} → {@code tcp}; an omitted {@code hostPort} → {@code containerPort} in
 *       {@code awsvpc}/{@code host} mode, {@code 0} (dynamic) in {@code bridge} mode; ranges untouched;</li>
 *   <li>health checks: {@code interval} 30, {@code timeout} 5, {@code retries} 3 when omitted; {@code startPeriod}
 *       stays unset (ECS echoes the three defaults but not a start period);</li>
 *   <li>{@code essential} defaults to true already in the record;</li>
 *   <li>{@code compatibilities} and {@code requiresAttributes} computed ({@link RequiredAttributes}).</li>
 * </ul>
 * Registration metadata (revision, ARN, status, timestamps) is the registry's business. Stateless.
 */
public final class TaskDefinitionNormalizer {
    private TaskDefinitionNormalizer() {
    }

    /** The normalised form of a valid {@code td}. */
    public static TaskDefinition normalize(TaskDefinition td) {
        NetworkMode mode = td.networkModeOrDefault();
        List<ContainerDefinition> containers = new ArrayList<>();
        for (ContainerDefinition c : td.containerDefinitions()) {
            containers.add(normalize(c, mode));
        }
        TaskDefinition normalized = td.toBuilder()
                .cpu(td.cpu() == null ? null : String.valueOf(TaskSizes.parseCpu(td.cpu())))
                .memory(td.memory() == null ? null : String.valueOf(TaskSizes.parseMemory(td.memory())))
                .containerDefinitions(containers)
                .build();
        return normalized.toBuilder()
                .compatibilities(compatibilities(normalized))
                .requiresAttributes(RequiredAttributes.of(normalized))
                .build();
    }

    private static ContainerDefinition normalize(ContainerDefinition c, NetworkMode mode) {
        List<PortMapping> mappings = new ArrayList<>();
        for (PortMapping p : c.portMappings()) {
            PortMapping.Builder b = p.toBuilder().protocol(p.protocol() == null ? TransportProtocol.TCP : p.protocol());
            if (p.hostPort() == null && p.containerPortRange() == null) {
                b.hostPort(mode == NetworkMode.AWSVPC || mode == NetworkMode.HOST ? p.containerPort() : Integer.valueOf(0));
            }
            mappings.add(b.build());
        }
        HealthCheck h = c.healthCheck();
        if (h != null) {
            h = h.toBuilder()
                    .interval(h.intervalOrDefault())
                    .timeout(h.timeoutOrDefault())
                    .retries(h.retriesOrDefault())
                    .build();
        }
        return c.toBuilder().portMappings(mappings).healthCheck(h).build();
    }

    /**
     * The launch types {@code td} validates for, in ECS's order: {@code EXTERNAL} (only when required: current ECS
     * describe output lists it only then, older output listed it for every non-awsvpc definition), {@code EC2}
     * (always), {@code FARGATE} (when the Fargate rules pass), {@code MANAGED_INSTANCES} (only when required, since
     * ecs4j does not model its rules beyond the network mode). RunTask still accepts launchType EXTERNAL for any
     * definition compatible with EC2 that is not awsvpc.
     */
    static List<LaunchType> compatibilities(TaskDefinition td) {
        List<LaunchType> out = new ArrayList<>();
        if (td.requiresCompatibilities().contains(LaunchType.EXTERNAL)) {
            out.add(LaunchType.EXTERNAL);
        }
        out.add(LaunchType.EC2);
        if (td.requiresCompatibilities().contains(LaunchType.FARGATE) || validFor(td, LaunchType.FARGATE)) {
            out.add(LaunchType.FARGATE);
        }
        if (td.requiresCompatibilities().contains(LaunchType.MANAGED_INSTANCES)) {
            out.add(LaunchType.MANAGED_INSTANCES);
        }
        return out;
    }

    private static boolean validFor(TaskDefinition td, LaunchType launchType) {
        List<LaunchType> required = new ArrayList<>(td.requiresCompatibilities());
        required.add(launchType);
        try {
            TaskDefinitionValidator.validate(td.toBuilder().requiresCompatibilities(required).build());
            return true;
        } catch (EcsException e) {
            return false;
        }
    }
}
