package io.ecs4j.model;

import io.ecs4j.internal.util.ArnParts;
import java.util.Objects;

/**
 * The ARN of a cluster: {@code arn:aws:ecs:<region>:<account>:cluster/<clusterName>}.
 *
 * <p>Immutable; all components non-null.
 *
 * @param region      the region, for example {@code us-east-1}
 * @param accountId   the 12-digit account id
 * @param clusterName the cluster name
 */
public record ClusterArn(String region, String accountId, String clusterName) {

    public ClusterArn {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(clusterName, "clusterName");
    }

    /**
     * Parses a cluster ARN.
     *
     * @throws io.ecs4j.EcsException {@code InvalidParameterException} when {@code arn} is not a cluster ARN
     */
    public static ClusterArn parse(String arn) {
        ArnParts parts = ArnParts.parse(arn, "cluster", "cluster");
        if (parts.path().size() != 1) {
            throw io.ecs4j.EcsException.invalidParameter("cluster", "Invalid identifier: Unexpected number of separators");
        }
        return new ClusterArn(parts.region(), parts.accountId(), parts.path().get(0));
    }

    /** The canonical ARN string. */
    @Override
    public String toString() {
        return "arn:aws:ecs:" + region + ":" + accountId + ":cluster/" + clusterName;
    }
}
