package io.ecs4j.model;

import io.ecs4j.EcsException;
import io.ecs4j.internal.util.ArnParts;
import java.util.Objects;

/**
 * The ARN of a container instance, long format:
 * {@code arn:aws:ecs:<region>:<account>:container-instance/<clusterName>/<id>} (id: 32 lowercase hex characters).
 *
 * <p>{@link #parse(String)} also accepts the short format; the cluster name is then {@code null}. Immutable.
 *
 * @param region      the region
 * @param accountId   the account id
 * @param clusterName the cluster name; null only for a parsed short-format ARN
 * @param id          the container instance id
 */
public record ContainerInstanceArn(String region, String accountId, String clusterName, String id) {

    public ContainerInstanceArn {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(id, "id");
    }

    /**
     * Parses a container instance ARN.
     *
     * @throws EcsException {@code InvalidParameterException} when {@code arn} is not a container instance ARN
     */
    public static ContainerInstanceArn parse(String arn) {
        ArnParts parts = ArnParts.parse(arn, "container-instance", "containerInstance");
        return switch (parts.path().size()) {
            case 1 -> new ContainerInstanceArn(parts.region(), parts.accountId(), null, parts.path().get(0));
            case 2 -> new ContainerInstanceArn(parts.region(), parts.accountId(), parts.path().get(0),
                    parts.path().get(1));
            default -> throw EcsException.invalidParameter("containerInstance",
                    "Invalid identifier: Unexpected number of separators");
        };
    }

    /** The canonical ARN string. */
    @Override
    public String toString() {
        return "arn:aws:ecs:" + region + ":" + accountId + ":container-instance/"
                + (clusterName == null ? "" : clusterName + "/") + id;
    }
}
