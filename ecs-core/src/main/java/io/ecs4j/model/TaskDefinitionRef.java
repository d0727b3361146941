package io.ecs4j.model;

import io.ecs4j.EcsException;
import io.ecs4j.internal.util.ArnParts;
import java.util.Objects;

/**
 * A reference to a task definition in one of the three forms ECS accepts: {@code family} (the latest ACTIVE revision),
 * {@code family:revision}, or a full task definition ARN.
 *
 * <p>Immutable.
 *
 * @param family   the family; never null
 * @param revision the revision, or {@code null} for "the latest ACTIVE revision"
 */
public record TaskDefinitionRef(String family, Integer revision) {

    public TaskDefinitionRef {
        Objects.requireNonNull(family, "family");
    }

    /**
     * Parses {@code family}, {@code family:revision} or an ARN.
     *
     * @throws EcsException {@code InvalidParameterException} when the reference is empty, the revision is not a positive
     *                      number or the ARN is malformed
     */
    public static TaskDefinitionRef parse(String reference) {
        if (reference == null || reference.isBlank()) {
            throw EcsException.invalidParameter("taskDefinition", "taskDefinition must not be empty.");
        }
        if (ArnParts.isArn(reference)) {
            TaskDefinitionArn arn = TaskDefinitionArn.parse(reference);
            return new TaskDefinitionRef(arn.family(), arn.revision());
        }
        int colon = reference.lastIndexOf(':');
        if (colon < 0) {
            return new TaskDefinitionRef(reference, null);
        }
        String family = reference.substring(0, colon);
        String revision = reference.substring(colon + 1);
        try {
            int value = Integer.parseInt(revision);
            if (value < 1 || family.isEmpty()) {
                throw new NumberFormatException();
            }
            return new TaskDefinitionRef(family, value);
        } catch (NumberFormatException e) {
            throw EcsException.invalidParameter("taskDefinition", "Invalid revision number. Number: " + revision);
        }
    }

    /** {@code family} or {@code family:revision}. */
    @Override
    public String toString() {
        return revision == null ? family : family + ":" + revision;
    }
}
