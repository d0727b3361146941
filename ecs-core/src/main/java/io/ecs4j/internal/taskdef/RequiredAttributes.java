package io.ecs4j.internal.taskdef;

import io.ecs4j.model.Attribute;
import io.ecs4j.model.ContainerDefinition;
import io.ecs4j.model.NetworkMode;
import io.ecs4j.model.Secret;
import io.ecs4j.model.TaskDefinition;
import io.ecs4j.model.Volume;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code requiresAttributes} ECS computes at registration: container-instance capabilities the definition needs.
 * ECS does not document the mapping; this one reproduces what real describe-task-definition output shows for the same
 * features, plus the Docker Remote API versions the ECS parameter reference states per member:
 * <ul>
 *   <li>log configuration → {@code com.amazonaws.ecs.capability.logging-driver.<driver>} and
 *       {@code docker-remote-api.1.19} (options); with an execution role and awslogs →
 *       {@code ecs.capability.execution-role-awslogs};</li>
 *   <li>{@code awsvpc} → {@code ecs.capability.task-eni} and {@code docker-remote-api.1.18};</li>
 *   <li>{@code dockerLabels}, {@code ulimits} → {@code docker-remote-api.1.18};</li>
 *   <li>health check → {@code ecs.capability.container-health-check} and {@code docker-remote-api.1.24};</li>
 *   <li>{@code dependsOn}, {@code startTimeout}, {@code stopTimeout} → {@code ecs.capability.container-ordering};</li>
 *   <li>{@code taskRoleArn} → {@code com.amazonaws.ecs.capability.task-iam-role};</li>
 *   <li>ECR images → {@code com.amazonaws.ecs.capability.ecr-auth}, plus {@code ecs.capability.execution-role-ecr-pull}
 *       with an execution role;</li>
 *   <li>secrets from Secrets Manager / SSM → {@code ecs.capability.secrets.asm.environment-variables} /
 *       {@code ecs.capability.secrets.ssm.environment-variables};</li>
 *   <li>{@code repositoryCredentials} →
 *       {@code com.amazonaws.ecs.capability.private-registry-authentication.secretsmanager};</li>
 *   <li>{@code pidMode}/{@code ipcMode} → {@code ecs.capability.pid-ipc-namespace-sharing};</li>
 *   <li>{@code initProcessEnabled} → {@code docker-remote-api.1.25}; {@code environmentFiles} →
 *       {@code ecs.capability.env-files.s3}; a Docker volume with a non-local driver →
 *       {@code ecs.capability.docker-plugin.<driver>}.</li>
 * </ul>
 * Stateless.
 */
public final class RequiredAttributes {
    private static final String DOCKER_API = "com.amazonaws.ecs.capability.docker-remote-api.";

    private RequiredAttributes() {
    }

    /** The attributes {@code td} requires, without duplicates, in a stable order. */
    public static List<Attribute> of(TaskDefinition td) {
        Set<String> names = new LinkedHashSet<>();
        boolean executionRole = td.executionRoleArn() != null;
        for (ContainerDefinition c : td.containerDefinitions()) {
            if (c.logConfiguration() != null) {
                names.add("com.amazonaws.ecs.capability.logging-driver." + c.logConfiguration().logDriver());
                if (!c.logConfiguration().options().isEmpty()) {
                    names.add(DOCKER_API + "1.19");
                }
                if (executionRole && "awslogs".equals(c.logConfiguration().logDriver())) {
                    names.add("ecs.capability.execution-role-awslogs");
                }
            }
            if (isEcrImage(c.image())) {
                names.add("com.amazonaws.ecs.capability.ecr-auth");
                if (executionRole) {
                    names.add("ecs.capability.execution-role-ecr-pull");
                }
            }
            if (!c.dockerLabels().isEmpty() || !c.ulimits().isEmpty()) {
                names.add(DOCKER_API + "1.18");
            }
            if (c.healthCheck() != null) {
                names.add("ecs.capability.container-health-check");
                names.add(DOCKER_API + "1.24");
            }
            if (!c.dependsOn().isEmpty() || c.startTimeout() != null || c.stopTimeout() != null) {
                names.add("ecs.capability.container-ordering");
            }
            addSecrets(names, c.secrets());
            if (c.logConfiguration() != null) {
                addSecrets(names, c.logConfiguration().secretOptions());
            }
            if (c.repositoryCredentials() != null) {
                names.add("com.amazonaws.ecs.capability.private-registry-authentication.secretsmanager");
            }
            if (c.linuxParameters() != null && Boolean.TRUE.equals(c.linuxParameters().initProcessEnabled())) {
                names.add(DOCKER_API + "1.25");
            }
            if (!c.environmentFiles().isEmpty()) {
                names.add("ecs.capability.env-files.s3");
            }
        }
        if (td.taskRoleArn() != null) {
            names.add("com.amazonaws.ecs.capability.task-iam-role");
        }
        if (td.pidMode() != null || td.ipcMode() != null) {
            names.add("ecs.capability.pid-ipc-namespace-sharing");
        }
        for (Volume v : td.volumes()) {
            String driver = v.dockerVolumeConfiguration() == null ? null : v.dockerVolumeConfiguration().driver();
            if (driver != null && !driver.equals("local")) {
                names.add("ecs.capability.docker-plugin." + driver);
            }
        }
        if (td.networkModeOrDefault() == NetworkMode.AWSVPC) {
            names.add(DOCKER_API + "1.18");
            names.add("ecs.capability.task-eni");
        }
        List<Attribute> out = new ArrayList<>(names.size());
        names.forEach(name -> out.add(new Attribute(name, null, null, null)));
        return out;
    }

    private static void addSecrets(Set<String> names, List<Secret> secrets) {
        for (Secret s : secrets) {
            names.add(s.valueFrom().startsWith("arn:aws:secretsmanager:")
                    ? "ecs.capability.secrets.asm.environment-variables"
                    : "ecs.capability.secrets.ssm.environment-variables");
        }
    }

    private static boolean isEcrImage(String image) {
        int slash = image.indexOf('/');
        return slash > 0 && image.substring(0, slash).matches("\\d{12}\\.dkr\\.ecr(-fips)?\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?");
    }
}
