package io.ecs4j.model;

import io.ecs4j.EcsException;
import io.ecs4j.internal.util.ArnParts;
import java.util.Objects;

/**
 * The ARN of one task definition revision:
 * {@code arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>}.
 *
 * <p>Immutable; all components non-null, revision ≥ 1.
 *
 * @param region    the region
 * @param accountId the account id
 * @param family    the family
 * @param revision  the revision, from 1
 */
public record TaskDefinitionArn(String region, String accountId, String family, int revision) {

    public TaskDefinitionArn {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(family, "family");
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be >= 1: " + revision);
        }
    }

    /**
     * Parses a task definition ARN (with its revision).
     *
     * @throws EcsException {@code InvalidParameterException} when {@code arn} is not a task definition ARN with a
     *                      revision
     */
    public static TaskDefinitionArn parse(String arn) {
        ArnParts parts = ArnParts.parse(arn, "task-definition", "taskDefinition");
        if (parts.path().size() != 1) {
            throw EcsException.invalidParameter("taskDefinition", "Invalid identifier: Unexpected number of separators");
        }
        TaskDefinitionRef ref = TaskDefinitionRef.parse(parts.path().get(0));
        if (ref.revision() == null) {
            throw EcsException.invalidParameter("taskDefinition",
                    "Invalid task definition ARN '" + arn + "': the revision is missing (expected <family>:<revision>).");
        }
        return new TaskDefinitionArn(parts.region(), parts.accountId(), ref.family(), ref.revision());
    }

    /** {@code family:revision}. */
    public String familyRevision() {
        return family + ":" + revision;
    }

    /** The canonical ARN string. */
    @Override
    public String toString() {
        return "arn:aws:ecs:" + region + ":" + accountId + ":task-definition/" + family + ":" + revision;
    }
}
