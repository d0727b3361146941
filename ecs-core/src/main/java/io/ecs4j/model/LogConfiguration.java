package io.ecs4j.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A container's log configuration.
 *
 * <p>Immutable. Lists and maps are unmodifiable and never null.
 *
 * @param logDriver the log driver, for example {@code awslogs} or {@code json-file}; not null
 * @param options driver options
 * @param secretOptions secrets passed to the driver
 */
public record LogConfiguration(
        String logDriver,
        Map<String, String> options,
        List<Secret> secretOptions) {

    public LogConfiguration {
        Objects.requireNonNull(logDriver, "logDriver");
        options = options == null || options.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(options));
        secretOptions = secretOptions == null ? List.of() : List.copyOf(secretOptions);
    }

}
