package io.ecs4j.docker;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that needs a Docker engine and the {@code local/busybox:1} image. Without them the class is
 * skipped, except under {@code CI=true}, where it fails: in CI a skipped Docker test would hide a broken engine.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("docker")
@ExtendWith(DockerAvailability.class)
@interface RequiresDocker {
}
