package io.ecs4j.model;

import java.util.Objects;

/**
 * One item a batch operation could not process, as in ECS's {@code failures[]}: a task that could not be placed
 * ({@code RESOURCE:MEMORY}, ...), an ARN a describe call did not find ({@code MISSING}), ...
 *
 * <p>Immutable.
 *
 * @param arn    the ARN the failure refers to (a container instance, the missing resource, or the cluster), or null
 * @param reason the ECS reason code, for example {@code RESOURCE:CPU} or {@code MISSING}; not null
 * @param detail free text, or null
 */
public record Failure(String arn, String reason, String detail) {
    public Failure {
        Objects.requireNonNull(reason, "reason");
    }

    /** A {@code MISSING} failure for {@code arn}. */
    public static Failure missing(String arn) {
        return new Failure(arn, "MISSING", null);
    }
}
