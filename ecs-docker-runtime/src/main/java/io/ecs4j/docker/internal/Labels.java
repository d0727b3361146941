package io.ecs4j.docker.internal;

import io.ecs4j.model.TaskArn;
import io.ecs4j.spi.runtime.ContainerHandle;
import io.ecs4j.spi.runtime.ContainerLaunchSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The labels ecs4j puts on what it creates in Docker. The {@code com.amazonaws.ecs.*} ones are the ECS agent's own
 * (so tools that read agent labels work); the {@code io.ecs4j.*} ones are what {@code discover()} needs on top.
 */
public final class Labels {
    /** On every container, network and volume ecs4j creates; the event stream and cleanup filter on it. */
    public static final String MANAGED = "io.ecs4j.managed";
    public static final String CLUSTER = "com.amazonaws.ecs.cluster";
    public static final String TASK_ARN = "com.amazonaws.ecs.task-arn";
    public static final String CONTAINER_NAME = "com.amazonaws.ecs.container-name";
    public static final String FAMILY = "com.amazonaws.ecs.task-definition-family";
    public static final String REVISION = "com.amazonaws.ecs.task-definition-version";
    public static final String TASK_DEFINITION_ARN = "io.ecs4j.task-definition-arn";
    public static final String CONTAINER_ARN = "io.ecs4j.container-arn";
    public static final String GROUP = "io.ecs4j.group";
    public static final String HOST_ID = "io.ecs4j.host-id";
    /** What a Docker object is to ecs4j: {@link #ROLE_CONTAINER}, {@link #ROLE_PAUSE} or {@link #ROLE_SCRATCH}. */
    public static final String ROLE = "io.ecs4j.role";
    public static final String ROLE_CONTAINER = "container";
    public static final String ROLE_PAUSE = "pause";
    public static final String ROLE_SCRATCH = "scratch";
    public static final String ROLE_NETWORK = "network";

    private Labels() {
    }

    /** The task definition's labels, then ecs4j's (which win), then the runtime's scope labels (which win last). */
    static Map<String, String> forContainer(ContainerLaunchSpec spec, Map<String, String> scope) {
        Map<String, String> labels = new LinkedHashMap<>(spec.labels());
        labels.put(MANAGED, "true");
        labels.put(CLUSTER, spec.clusterName());
        labels.put(TASK_ARN, spec.handle().taskArn().toString());
        labels.put(CONTAINER_NAME, spec.containerName());
        labels.put(FAMILY, spec.family());
        labels.put(REVISION, Integer.toString(spec.revision()));
        labels.put(TASK_DEFINITION_ARN, spec.taskDefinitionArn());
        labels.put(CONTAINER_ARN, spec.containerArn());
        labels.put(GROUP, spec.group());
        if (spec.hostId() != null) {
            labels.put(HOST_ID, spec.hostId());
        }
        labels.put(ROLE, ROLE_CONTAINER);
        labels.putAll(scope);
        return labels;
    }

    /** Labels for a task-level object (pause container, scratch volume). */
    static Map<String, String> forTask(TaskArn taskArn, String clusterName, Map<String, String> extra, String role,
                                       Map<String, String> scope) {
        Map<String, String> labels = new LinkedHashMap<>(extra);
        labels.put(MANAGED, "true");
        labels.put(CLUSTER, clusterName);
        labels.put(TASK_ARN, taskArn.toString());
        labels.put(ROLE, role);
        labels.putAll(scope);
        return labels;
    }

    /** The filter that selects what this runtime manages: the managed label plus the scope labels. */
    static Map<String, String> filter(Map<String, String> scope) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(MANAGED, "true");
        labels.putAll(scope);
        return labels;
    }

    /** The handle a container's labels name, or null when they do not name one. */
    static ContainerHandle handleOf(Map<String, String> labels) {
        if (labels == null || !ROLE_CONTAINER.equals(labels.get(ROLE))) {
            return null;
        }
        String arn = labels.get(TASK_ARN);
        String name = labels.get(CONTAINER_NAME);
        if (arn == null || name == null) {
            return null;
        }
        try {
            return new ContainerHandle(TaskArn.parse(arn), name);
        } catch (RuntimeException e) {
            return null;   // not an ARN we made; leave the container alone
        }
    }
}
