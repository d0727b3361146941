package io.ecs4j.model;

import java.util.Objects;

/**
 * A file of environment variables ({@code .env}) to load into a container.
 *
 * <p>Immutable. Lists and maps are unmodifiable and never null.
 *
 * @param value the file's location (an S3 ARN in ECS; ecs4j also accepts a local path); not null
 * @param type the type; ECS knows only {@code s3}
 */
public record EnvironmentFile(
        String value,
        String type) {

    public EnvironmentFile {
        Objects.requireNonNull(value, "value");
    }

}
