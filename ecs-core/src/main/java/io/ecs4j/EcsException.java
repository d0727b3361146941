package io.ecs4j;

import java.util.Objects;

/**
 * The one exception ecs4j raises for ECS-level errors: bad input, missing resources, illegal states.
 *
 * <p>Each instance carries an {@link EcsErrorCode} (the ECS exception shape) and a message that reuses Amazon ECS's own
 * wording where ECS has one, so code that parses ECS errors keeps working. Where the error is about one input member,
 * {@link #field()} names its path (for example {@code containerDefinitions[1].portMappings[0].hostPort}).
 *
 * <p>An operation that throws {@code EcsException} has changed nothing. Programmer errors (a {@code null} where the
 * Javadoc forbids it) are reported with {@link NullPointerException} / {@link IllegalArgumentException} instead.
 *
 * <p>Immutable and thread-safe.
 */
public final class EcsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final EcsErrorCode code;
    private final String field;

    /**
     * Creates an exception.
     *
     * @param code    the error code, not null
     * @param message the message, not null
     * @param field   the input member the error is about, or null
     */
    public EcsException(EcsErrorCode code, String message, String field) {
        super(Objects.requireNonNull(message, "message"));
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
    }

    /** Creates an exception that is not about one particular input member. */
    public EcsException(EcsErrorCode code, String message) {
        this(code, message, null);
    }

    /** The error code; never null. */
    public EcsErrorCode code() {
        return code;
    }

    /** The path of the input member this error is about, or {@code null}. */
    public String field() {
        return field;
    }

    /** {@code ClientException} with the given message. */
    public static EcsException client(String message) {
        return new EcsException(EcsErrorCode.CLIENT, message);
    }

    /** {@code ClientException} about one input member. */
    public static EcsException client(String field, String message) {
        return new EcsException(EcsErrorCode.CLIENT, message, field);
    }

    /** {@code InvalidParameterException} with the given message. */
    public static EcsException invalidParameter(String message) {
        return new EcsException(EcsErrorCode.INVALID_PARAMETER, message);
    }

    /** {@code InvalidParameterException} about one input member. */
    public static EcsException invalidParameter(String field, String message) {
        return new EcsException(EcsErrorCode.INVALID_PARAMETER, message, field);
    }

    /** {@code ClusterNotFoundException: Cluster not found.} */
    public static EcsException clusterNotFound() {
        return new EcsException(EcsErrorCode.CLUSTER_NOT_FOUND, "Cluster not found.", "cluster");
    }

    /** {@code InvalidParameterException} for an operation on an INACTIVE cluster, in ECS's wording. */
    public static EcsException clusterInactive() {
        return new EcsException(EcsErrorCode.INVALID_PARAMETER,
                "The specified cluster is inactive. Specify an active cluster and try again.", "cluster");
    }

    /** {@code ServiceNotFoundException: Service not found.} */
    public static EcsException serviceNotFound() {
        return new EcsException(EcsErrorCode.SERVICE_NOT_FOUND, "Service not found.", "service");
    }

    /** {@code ServiceNotActiveException: Service was not ACTIVE.} */
    public static EcsException serviceNotActive() {
        return new EcsException(EcsErrorCode.SERVICE_NOT_ACTIVE, "Service was not ACTIVE.", "service");
    }

    /** {@code UnsupportedFeatureException} naming what ecs4j does not support. */
    public static EcsException unsupported(String message) {
        return new EcsException(EcsErrorCode.UNSUPPORTED_FEATURE, message);
    }

    @Override
    public String toString() {
        return code.wireName() + ": " + getMessage() + (field == null ? "" : " (field " + field + ")");
    }
}
