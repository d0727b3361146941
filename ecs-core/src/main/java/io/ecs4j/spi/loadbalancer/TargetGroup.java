package io.ecs4j.spi.loadbalancer;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A target group as a load balancer has it: its ARN, its health check and its deregistration delay.
 *
 * <p>Immutable.
 *
 * @param arn                 {@code arn:aws:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<16 hex>}; not
 *                            null
 * @param name                1-32 letters, digits and hyphens, not starting or ending with a hyphen
 * @param healthCheck         the health check; not null
 * @param deregistrationDelay ELB's {@code deregistration_delay.timeout_seconds}: how long a deregistering target may
 *                            drain, 0-3600 s; ELB default 300 s
 */
public record TargetGroup(String arn, String name, HealthCheckSettings healthCheck, Duration deregistrationDelay) {
    /** ELB's default deregistration delay. */
    public static final Duration DEFAULT_DEREGISTRATION_DELAY = Duration.ofSeconds(300);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?");

    /**
     * @throws IllegalArgumentException for a bad name or a delay outside 0-3600 s
     */
    public TargetGroup {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(healthCheck, "healthCheck");
        Objects.requireNonNull(deregistrationDelay, "deregistrationDelay");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("target group name must be 1-32 letters, digits and hyphens, not"
                    + " starting or ending with a hyphen: " + name);
        }
        if (deregistrationDelay.isNegative() || deregistrationDelay.getSeconds() > 3600) {
            throw new IllegalArgumentException("deregistration delay must be between 0 and 3600 seconds: "
                    + deregistrationDelay.getSeconds());
        }
    }

    /**
     * The ARN ELB gives a target group: {@code arn:aws:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<id>}.
     *
     * @param id 16 hex digits
     */
    public static String arn(String region, String accountId, String name, String id) {
        return "arn:aws:elasticloadbalancing:" + region + ":" + accountId + ":targetgroup/" + name + "/" + id;
    }
}
