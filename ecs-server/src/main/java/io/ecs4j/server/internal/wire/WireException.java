package io.ecs4j.server.internal.wire;

import io.ecs4j.EcsErrorCode;
import io.ecs4j.EcsException;

/**
 * An error answered on the wire as {@code {"__type": type, "message": message}} with HTTP {@code status}. Covers the
 * protocol-level errors that have no {@link EcsErrorCode} ({@code SerializationException},
 * {@code UnknownOperationException}, ...); ECS errors travel as {@link EcsException} and are converted by
 * {@link #of(EcsException)}.
 */
public final class WireException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Malformed JSON or a member of the wrong JSON type. */
    public static final String SERIALIZATION = "SerializationException";
    /** An {@code X-Amz-Target} that names no operation of the ECS model. */
    public static final String UNKNOWN_OPERATION = "UnknownOperationException";
    /** A body larger than the endpoint accepts. */
    public static final String TOO_LARGE = "RequestEntityTooLargeException";

    private final String type;
    private final int status;

    public WireException(String type, int status, String message) {
        super(message, null, false, false);
        this.type = type;
        this.status = status;
    }

    /** The {@code __type}, for example {@code SerializationException}. */
    public String type() {
        return type;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The wire form of an ECS error. */
    public static WireException of(EcsException e) {
        EcsErrorCode code = e.code();
        return new WireException(code.wireName(), code.httpStatus(), e.getMessage());
    }

    /** {@code SerializationException} (400). */
    public static WireException serialization(String message) {
        return new WireException(SERIALIZATION, 400, message);
    }

    /** {@code InvalidParameterException} (400). */
    public static WireException invalidParameter(String message) {
        return new WireException(EcsErrorCode.INVALID_PARAMETER.wireName(), 400, message);
    }

    /** {@code ClientException} (400). */
    public static WireException client(String message) {
        return new WireException(EcsErrorCode.CLIENT.wireName(), 400, message);
    }

    /** {@code UnknownOperationException} (400). */
    public static WireException unknownOperation(String message) {
        return new WireException(UNKNOWN_OPERATION, 400, message);
    }

    /** {@code UnsupportedFeatureException} (400). */
    public static WireException unsupported(String message) {
        return new WireException(EcsErrorCode.UNSUPPORTED_FEATURE.wireName(), 400, message);
    }
}
