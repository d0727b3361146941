package io.ecs4j.spi.loadbalancer;

import io.ecs4j.model.TaskArn;
import java.util.Objects;

/**
 * What a load balancer reports to the control plane. Events may arrive on any thread; for one target they must arrive
 * in the order they happened. The control plane moves each event onto the control loop of the target's cluster.
 *
 * <p>All event types are immutable records.
 */
public sealed interface TargetEvent {

    /** The target group. */
    String targetGroupArn();

    /** The target. */
    Target target();

    /** The task the target belongs to. */
    default TaskArn taskArn() {
        return target().taskArn();
    }

    /**
     * The health of a registered target changed.
     *
     * @param targetGroupArn the target group
     * @param target         the target
     * @param state          the new state ({@link TargetHealthState#DRAINING} is not reported: the control plane knows
     *                       it asked for the deregistration)
     * @param reason         ELB's description of the state, for example {@code Health checks failed with these codes:
     *                       [404]} or {@code Request timed out}; or null
     */
    record HealthChanged(String targetGroupArn, Target target, TargetHealthState state, String reason)
            implements TargetEvent {
        public HealthChanged {
            Objects.requireNonNull(targetGroupArn, "targetGroupArn");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(state, "state");
        }
    }

    /**
     * A deregistered target finished draining and left the target group.
     *
     * @param targetGroupArn the target group
     * @param target         the target
     */
    record Deregistered(String targetGroupArn, Target target) implements TargetEvent {
        public Deregistered {
            Objects.requireNonNull(targetGroupArn, "targetGroupArn");
            Objects.requireNonNull(target, "target");
        }
    }
}
