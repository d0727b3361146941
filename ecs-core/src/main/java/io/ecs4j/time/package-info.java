/**
 * Time for ecs4j: {@link io.ecs4j.time.TimeSource} (clock, timers, control loops), with the deterministic
 * {@link io.ecs4j.time.VirtualClock} and real time ({@link io.ecs4j.time.TimeSource#system()}).
 *
 * <p>Stability: stable. Null policy: non-null unless the Javadoc says otherwise.
 */
package io.ecs4j.time;
