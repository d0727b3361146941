package io.ecs4j.internal.taskdef;

import io.ecs4j.model.ContainerCondition;
import io.ecs4j.model.LaunchType;
import io.ecs4j.model.NetworkMode;
import io.ecs4j.model.PlacementConstraintType;
import io.ecs4j.model.TaskDefinitionStatus;
import io.ecs4j.model.TransportProtocol;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The value sets and patterns of ECS task definitions (botocore service model enums; ecs-semantics §1.3), shared by
 * the JSON codec and the validator so both reject the same inputs.
 */
public final class TaskDefinitionRules {
    /** Family, container and volume names: letters, digits, {@code _} and {@code -}. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
    /** Longest family, container, volume or image name. */
    public static final int MAX_NAME_LENGTH = 255;
    /** Most containers in one task definition. */
    public static final int MAX_CONTAINERS = 10;
    /** Largest registered task definition, in bytes of JSON (ecs-semantics §1.4). */
    public static final int MAX_JSON_BYTES = 64 * 1024;

    public static final List<String> LOG_DRIVERS =
            List.of("json-file", "syslog", "journald", "gelf", "fluentd", "awslogs", "splunk", "awsfirelens");
    public static final List<String> FARGATE_LOG_DRIVERS = List.of("awslogs", "splunk", "awsfirelens");
    public static final List<String> PID_MODES = List.of("host", "task");
    public static final List<String> IPC_MODES = List.of("host", "task", "none");
    public static final List<String> ULIMIT_NAMES = List.of("core", "cpu", "data", "fsize", "locks", "memlock",
            "msgqueue", "nice", "nofile", "nproc", "rss", "rtprio", "rttime", "sigpending", "stack");
    public static final List<String> VOLUME_SCOPES = List.of("task", "shared");
    public static final List<String> APP_PROTOCOLS = List.of("http", "http2", "grpc");
    public static final List<String> RESOURCE_TYPES = List.of("GPU", "InferenceAccelerator");
    public static final List<String> ENVIRONMENT_FILE_TYPES = List.of("s3");
    public static final List<String> CPU_ARCHITECTURES = List.of("X86_64", "ARM64");
    public static final List<String> OS_FAMILIES = List.of("LINUX", "WINDOWS_SERVER_2019_FULL",
            "WINDOWS_SERVER_2019_CORE", "WINDOWS_SERVER_2016_FULL", "WINDOWS_SERVER_2004_CORE",
            "WINDOWS_SERVER_2022_CORE", "WINDOWS_SERVER_2022_FULL", "WINDOWS_SERVER_2025_CORE",
            "WINDOWS_SERVER_2025_FULL", "WINDOWS_SERVER_20H2_CORE");

    public static final List<String> NETWORK_MODES = values(NetworkMode.values());
    public static final List<String> LAUNCH_TYPES = values(LaunchType.values());
    public static final List<String> PROTOCOLS = values(TransportProtocol.values());
    public static final List<String> CONDITIONS = values(ContainerCondition.values());
    public static final List<String> CONSTRAINT_TYPES = values(PlacementConstraintType.values());
    public static final List<String> STATUSES = values(TaskDefinitionStatus.values());

    private TaskDefinitionRules() {
    }

    private static List<String> values(Enum<?>[] constants) {
        return Arrays.stream(constants).map(Object::toString).toList();
    }
}
