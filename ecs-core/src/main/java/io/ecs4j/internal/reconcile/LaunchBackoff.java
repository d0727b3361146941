package io.ecs4j.internal.reconcile;

import java.time.Duration;

/**
 * ECS's throttle for services whose tasks keep failing to reach RUNNING (ecs-semantics §5.7): the delay before the next
 * launch grows exponentially with the number of consecutive failures, up to 27 minutes. A stateless policy; the
 * per-service count lives in {@link ServiceState}. Immutable.
 *
 * @param base      the delay after the first failure
 * @param cap       the largest delay
 * @param impairedAt the consecutive failures at which the service reports that it cannot start tasks consistently
 */
public record LaunchBackoff(Duration base, Duration cap, int impairedAt) {

    /** ECS's policy as ecs4j reads it: 5 s, doubling, capped at 27 minutes; impaired from the third failure. */
    public static final LaunchBackoff ECS = new LaunchBackoff(Duration.ofSeconds(5), Duration.ofMinutes(27), 3);

    /** The delay before launching again after {@code failures} consecutive failures (zero for none). */
    public Duration delay(int failures) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        int shift = Math.min(failures - 1, 30);
        long millis = base.toMillis() << shift;
        return millis >= cap.toMillis() || millis < 0 ? cap : Duration.ofMillis(millis);
    }
}
