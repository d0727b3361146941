package io.ecs4j.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A Docker volume for a task definition volume.
 *
 * <p>Immutable; build with {@link #builder()}. Lists and maps are unmodifiable and never null.
 *
 * @param scope {@code task} (default) or {@code shared}
 * @param autoprovision create a shared volume if missing
 * @param driver the volume driver, or null for {@code local}
 * @param driverOpts driver options
 * @param labels volume labels
 */
public record DockerVolumeConfiguration(
        String scope,
        Boolean autoprovision,
        String driver,
        Map<String, String> driverOpts,
        Map<String, String> labels) {

    public DockerVolumeConfiguration {
        driverOpts = driverOpts == null || driverOpts.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(driverOpts));
        labels = labels == null || labels.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    /** A new builder with every component unset (or at its documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.scope = scope;
        b.autoprovision = autoprovision;
        b.driver = driver;
        b.driverOpts = driverOpts;
        b.labels = labels;
        return b;
    }

    /** Builds a {@link DockerVolumeConfiguration}. Not thread-safe. */
    public static final class Builder {
        private String scope;
        private Boolean autoprovision;
        private String driver;
        private Map<String, String> driverOpts = Map.of();
        private Map<String, String> labels = Map.of();

        private Builder() {
        }

        /** Sets {@code scope}: {@code task} (default) or {@code shared}. */
        public Builder scope(String scope) {
            this.scope = scope;
            return this;
        }

        /** Sets {@code autoprovision}: create a shared volume if missing. */
        public Builder autoprovision(Boolean autoprovision) {
            this.autoprovision = autoprovision;
            return this;
        }

        /** Sets {@code driver}: the volume driver, or null for {@code local}. */
        public Builder driver(String driver) {
            this.driver = driver;
            return this;
        }

        /** Sets {@code driverOpts}: driver options. */
        public Builder driverOpts(Map<String, String> driverOpts) {
            this.driverOpts = driverOpts;
            return this;
        }

        /** Sets {@code labels}: volume labels. */
        public Builder labels(Map<String, String> labels) {
            this.labels = labels;
            return this;
        }

        /** Builds the record. */
        public DockerVolumeConfiguration build() {
            return new DockerVolumeConfiguration(scope, autoprovision, driver, driverOpts, labels);
        }
    }
}
