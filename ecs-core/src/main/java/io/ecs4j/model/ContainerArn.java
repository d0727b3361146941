package io.ecs4j.model;

import io.ecs4j.EcsException;
import io.ecs4j.internal.util.ArnParts;
import java.util.Objects;

/**
 * The ARN of one container of a task:
 * {@code arn:aws:ecs:<region>:<account>:container/<clusterName>/<taskId>/<containerId>}, where the container id is a
 * hyphenated UUID.
 *
 * <p>Immutable.
 *
 * @param region      the region
 * @param accountId   the account id
 * @param clusterName the cluster name; null only for a parsed short-format ARN
 * @param taskId      the task id; null only for a parsed short-format ARN
 * @param containerId the container id
 */
public record ContainerArn(String region, String accountId, String clusterName, String taskId, String containerId) {

    public ContainerArn {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(containerId, "containerId");
    }

    /**
     * Parses a container ARN.
     *
     * @throws EcsException {@code InvalidParameterException} when {@code arn} is not a container ARN
     */
    public static ContainerArn parse(String arn) {
        ArnParts parts = ArnParts.parse(arn, "container", "container");
        return switch (parts.path().size()) {
            case 1 -> new ContainerArn(parts.region(), parts.accountId(), null, null, parts.path().get(0));
            case 3 -> new ContainerArn(parts.region(), parts.accountId(), parts.path().get(0), parts.path().get(1),
                    parts.path().get(2));
            default -> throw EcsException.invalidParameter("container",
                    "Invalid identifier: Unexpected number of separators");
        };
    }

    /** The canonical ARN string. */
    @Override
    public String toString() {
        return "arn:aws:ecs:" + region + ":" + accountId + ":container/"
                + (clusterName == null ? "" : clusterName + "/" + taskId + "/") + containerId;
    }
}
