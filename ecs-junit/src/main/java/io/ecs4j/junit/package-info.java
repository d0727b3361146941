/**
 * ecs4j as a test fixture: the JUnit 5 extension ({@link io.ecs4j.junit.LocalEcsTest},
 * {@link io.ecs4j.junit.LocalEcsExtension}), virtual-time waits ({@link io.ecs4j.junit.EcsWait}), time skipping for AWS
 * SDK clients ({@link io.ecs4j.junit.TimeSkippingInterceptor}) and AssertJ assertions
 * ({@link io.ecs4j.junit.EcsAssertions}).
 *
 * <p>Stability: stable. Null policy: non-null unless the Javadoc says otherwise.
 */
package io.ecs4j.junit;
