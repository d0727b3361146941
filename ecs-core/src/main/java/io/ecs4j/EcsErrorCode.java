package io.ecs4j;

/**
 * The error codes ecs4j raises, each aligned with the exception shape of the Amazon ECS API
 * ({@code botocore/data/ecs/2014-11-13/service-2.json}).
 *
 * <p>{@link #wireName()} is the {@code __type} the ECS wire protocol uses; {@link #httpStatus()} the HTTP status the
 * wire API answers with. Every code except {@link #SERVER} is a client error (HTTP 400).
 *
 * <p>Immutable and thread-safe.
 */
public enum EcsErrorCode {
    /** A caller, permission or semantic problem; also "not found" for task definitions. */
    CLIENT("ClientException"),
    /** A parameter, or the state it refers to, is invalid. */
    INVALID_PARAMETER("InvalidParameterException"),
    /** The named cluster does not exist. */
    CLUSTER_NOT_FOUND("ClusterNotFoundException"),
    /** DeleteCluster on a cluster with ACTIVE or DRAINING container instances. */
    CLUSTER_CONTAINS_CONTAINER_INSTANCES("ClusterContainsContainerInstancesException"),
    /** DeleteCluster on a cluster with ACTIVE or DRAINING services. */
    CLUSTER_CONTAINS_SERVICES("ClusterContainsServicesException"),
    /** DeleteCluster on a cluster with running or pending tasks. */
    CLUSTER_CONTAINS_TASKS("ClusterContainsTasksException"),
    /** The named service does not exist. */
    SERVICE_NOT_FOUND("ServiceNotFoundException"),
    /** The service is DRAINING or INACTIVE. */
    SERVICE_NOT_ACTIVE("ServiceNotActiveException"),
    /** The target of an attribute operation does not exist. */
    TARGET_NOT_FOUND("TargetNotFoundException"),
    /** A resource named by ARN does not exist. */
    RESOURCE_NOT_FOUND("ResourceNotFoundException"),
    /** Too many attributes on a resource. */
    ATTRIBUTE_LIMIT_EXCEEDED("AttributeLimitExceededException"),
    /** A documented limit was exceeded. */
    LIMIT_EXCEEDED("LimitExceededException"),
    /** An idempotency token was reused with different parameters. */
    CONFLICT("ConflictException"),
    /** The feature or operation is not supported by ecs4j (or by ECS for this configuration). */
    UNSUPPORTED_FEATURE("UnsupportedFeatureException"),
    /** The resource is in use. */
    RESOURCE_IN_USE("ResourceInUseException"),
    /** The platform version is unknown. */
    PLATFORM_UNKNOWN("PlatformUnknownException"),
    /** Requests are arriving faster than allowed. */
    THROTTLING("ThrottlingException"),
    /** A fault of ecs4j itself. The only server-side (HTTP 500) code. */
    SERVER("ServerException");

    private final String wireName;

    EcsErrorCode(String wireName) {
        this.wireName = wireName;
    }

    /** The exception shape name used on the wire, for example {@code ClusterNotFoundException}. */
    public String wireName() {
        return wireName;
    }

    /** 500 for {@link #SERVER}, 400 for everything else. */
    public int httpStatus() {
        return this == SERVER ? 500 : 400;
    }

    /** {@code true} for every code except {@link #SERVER}. */
    public boolean isClientError() {
        return this != SERVER;
    }
}
