package io.ecs4j.model;

import io.ecs4j.EcsException;
import io.ecs4j.internal.util.ArnParts;
import java.util.Objects;

/**
 * The ARN of a task, in ECS's long format: {@code arn:aws:ecs:<region>:<account>:task/<clusterName>/<taskId>}, where
 * the task id is 32 lowercase hex characters.
 *
 * <p>{@link #parse(String)} also accepts the old short format ({@code task/<taskId>}); the cluster name is then
 * {@code null}. Immutable.
 *
 * @param region      the region
 * @param accountId   the account id
 * @param clusterName the cluster name; null only for a parsed short-format ARN
 * @param taskId      the task id
 */
public record TaskArn(String region, String accountId, String clusterName, String taskId) {

    public TaskArn {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(taskId, "taskId");
    }

    /**
     * Parses a task ARN in the long or the short format.
     *
     * @throws EcsException {@code InvalidParameterException} when {@code arn} is not a task ARN
     */
    public static TaskArn parse(String arn) {
        ArnParts parts = ArnParts.parse(arn, "task", "task");
        return switch (parts.path().size()) {
            case 1 -> new TaskArn(parts.region(), parts.accountId(), null, parts.path().get(0));
            case 2 -> new TaskArn(parts.region(), parts.accountId(), parts.path().get(0), parts.path().get(1));
            default -> throw EcsException.invalidParameter("task", "Invalid identifier: Unexpected number of separators");
        };
    }

    /** The canonical ARN string. */
    @Override
    public String toString() {
        return "arn:aws:ecs:" + region + ":" + accountId + ":task/" + (clusterName == null ? "" : clusterName + "/")
                + taskId;
    }
}
