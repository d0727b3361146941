package io.ecs4j.loadbalancer;

import io.ecs4j.spi.loadbalancer.Target;
import io.ecs4j.spi.loadbalancer.TargetHealthState;
import java.util.concurrent.ScheduledFuture;

/** One registered target of a {@link Group}: its health, its requests in flight, its draining. Guarded by the group. */
final class Backend {
    final Target target;
    TargetHealthState state = TargetHealthState.INITIAL;
    String reason = "Elb.RegistrationInProgress";
    int passes;
    int failures;
    int inFlight;
    long served;
    boolean deregistered;
    ScheduledFuture<?> checks;
    ScheduledFuture<?> drainTimeout;

    Backend(Target target) {
        this.target = target;
    }
}
