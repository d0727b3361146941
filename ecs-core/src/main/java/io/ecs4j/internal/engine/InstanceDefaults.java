package io.ecs4j.internal.engine;

import java.util.List;

/**
 * What a simulated container instance registers with when the request does not say: an m5.large running a recent ECS
 * agent on Amazon Linux, with the capability attributes such an agent advertises.
 */
final class InstanceDefaults {
    static final int CPU = 2048;
    static final int MEMORY = 7680;
    static final String INSTANCE_TYPE = "m5.large";
    static final String AGENT_VERSION = "1.90.0";
    static final String AGENT_HASH = "ecs4j";
    static final String DOCKER_VERSION = "DockerVersion: 20.10.24";

    /** Value-less capability attributes a current agent on Linux advertises. */
    static final List<String> CAPABILITIES;

    static {
        List<String> caps = new java.util.ArrayList<>();
        for (int minor = 17; minor <= 44; minor++) {
            caps.add("com.amazonaws.ecs.capability.docker-remote-api.1." + minor);
        }
        for (String driver : List.of("json-file", "syslog", "journald", "gelf", "fluentd", "awslogs", "splunk",
                "awsfirelens", "none")) {
            caps.add("com.amazonaws.ecs.capability.logging-driver." + driver);
        }
        caps.addAll(List.of(
                "com.amazonaws.ecs.capability.privileged-container",
                "com.amazonaws.ecs.capability.ecr-auth",
                "com.amazonaws.ecs.capability.task-iam-role",
                "com.amazonaws.ecs.capability.task-iam-role-network-host",
                "ecs.capability.docker-plugin.local",
                "ecs.capability.task-eni",
                "ecs.capability.task-eni-trunking",
                "ecs.capability.execution-role-ecr-pull",
                "ecs.capability.execution-role-awslogs",
                "ecs.capability.container-health-check",
                "ecs.capability.container-ordering",
                "ecs.capability.full-sync",
                "ecs.capability.private-registry-authentication.secretsmanager",
                "ecs.capability.secrets.asm.environment-variables",
                "ecs.capability.secrets.asm.bootstrap.log-driver",
                "ecs.capability.secrets.ssm.environment-variables",
                "ecs.capability.secrets.ssm.bootstrap.log-driver",
                "ecs.capability.env-files.s3",
                "ecs.capability.pid-ipc-namespace-sharing",
                "ecs.capability.task-cpu-mem-limit",
                "ecs.capability.increased-task-cpu-limit",
                "ecs.capability.efs",
                "ecs.capability.efsAuth",
                "ecs.capability.firelens.fluentd",
                "ecs.capability.firelens.fluentbit",
                "ecs.capability.firelens.options.config.file",
                "ecs.capability.firelens.options.config.s3",
                "ecs.capability.aws-appmesh",
                "ecs.capability.container-restart-policy",
                "ecs.capability.service-connect-v1",
                "ecs.capability.gmsa",
                "ecs.capability.storage-stats",
                "ecs.capability.network.container-port-range"));
        CAPABILITIES = List.copyOf(caps);
    }

    private InstanceDefaults() {
    }
}
