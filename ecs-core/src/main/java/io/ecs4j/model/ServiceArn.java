package io.ecs4j.model;

import io.ecs4j.EcsException;
import io.ecs4j.internal.util.ArnParts;
import java.util.Objects;

/**
 * The ARN of a service, long format: {@code arn:aws:ecs:<region>:<account>:service/<clusterName>/<serviceName>}.
 *
 * <p>{@link #parse(String)} also accepts the short format; the cluster name is then {@code null}. Immutable.
 *
 * @param region      the region
 * @param accountId   the account id
 * @param clusterName the cluster name; null only for a parsed short-format ARN
 * @param serviceName the service name
 */
public record ServiceArn(String region, String accountId, String clusterName, String serviceName) {

    public ServiceArn {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(serviceName, "serviceName");
    }

    /**
     * Parses a service ARN.
     *
     * @throws EcsException {@code InvalidParameterException} when {@code arn} is not a service ARN
     */
    public static ServiceArn parse(String arn) {
        ArnParts parts = ArnParts.parse(arn, "service", "service");
        return switch (parts.path().size()) {
            case 1 -> new ServiceArn(parts.region(), parts.accountId(), null, parts.path().get(0));
            case 2 -> new ServiceArn(parts.region(), parts.accountId(), parts.path().get(0), parts.path().get(1));
            default -> throw EcsException.invalidParameter("service", "Invalid identifier: Unexpected number of separators");
        };
    }

    /** The canonical ARN string. */
    @Override
    public String toString() {
        return "arn:aws:ecs:" + region + ":" + accountId + ":service/" + (clusterName == null ? "" : clusterName + "/")
                + serviceName;
    }
}
