package io.ecs4j;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exempts one class or method from the build's "no wall clock, no sleep" check (forbiddenapis).
 *
 * <p>Used in exactly one place in ecs-core: {@link io.ecs4j.time.TimeSource#system()}'s implementation, which is the
 * single sanctioned bridge to real time. Every other class takes time from an injected {@link io.ecs4j.time.TimeSource}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR})
public @interface SuppressForbidden {
    /** Why the exemption is needed. */
    String reason();
}
