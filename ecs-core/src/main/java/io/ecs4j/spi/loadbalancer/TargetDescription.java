package io.ecs4j.spi.loadbalancer;

import java.util.Objects;

/**
 * A registered target and its health, as ELB's {@code DescribeTargetHealth} shows it. Not used by the SPI's calls:
 * a value type load balancers share for their own inspection methods.
 *
 * <p>Immutable.
 *
 * @param target the target
 * @param state  its health; {@link TargetHealthState#DRAINING} while it is being deregistered
 * @param reason why it is not healthy ({@code Elb.RegistrationInProgress}, {@code Target.FailedHealthChecks},
 *               {@code Target.DeregistrationInProgress}), or null when healthy
 */
public record TargetDescription(Target target, TargetHealthState state, String reason) {
    public TargetDescription {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(state, "state");
    }
}
