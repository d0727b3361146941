package io.ecs4j.inmemory;

import io.ecs4j.spi.loadbalancer.Target;
import io.ecs4j.spi.loadbalancer.TargetHealthState;
import java.util.Objects;

/**
 * A registered target and its health, as ELB's {@code DescribeTargetHealth} shows it.
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
