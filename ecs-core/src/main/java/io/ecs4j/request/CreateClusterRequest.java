package io.ecs4j.request;

import io.ecs4j.model.ClusterSetting;
import io.ecs4j.model.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * CreateCluster.
 *
 * <p>Immutable; build with {@link #builder()}. Lists and maps are unmodifiable and never null.
 *
 * @param clusterName the name; null means {@code default}
 * @param tags tags
 * @param settings settings
 */
public record CreateClusterRequest(
        String clusterName,
        List<Tag> tags,
        List<ClusterSetting> settings) {

    public CreateClusterRequest {
        tags = tags == null ? List.of() : List.copyOf(tags);
        settings = settings == null ? List.of() : List.copyOf(settings);
    }

    /** A new builder with every component unset (or at its documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.clusterName = clusterName;
        b.tags = tags;
        b.settings = settings;
        return b;
    }

    /** Builds a {@link CreateClusterRequest}. Not thread-safe. */
    public static final class Builder {
        private String clusterName;
        private List<Tag> tags = List.of();
        private List<ClusterSetting> settings = List.of();

        private Builder() {
        }

        /** Sets {@code clusterName}: the name; null means {@code default}. */
        public Builder clusterName(String clusterName) {
            this.clusterName = clusterName;
            return this;
        }

        /** Sets {@code tags}: tags. */
        public Builder tags(List<Tag> tags) {
            this.tags = tags;
            return this;
        }

        /** Sets {@code tags}. */
        public Builder tags(Tag... tags) {
            this.tags = List.of(tags);
            return this;
        }

        /** Sets {@code settings}: settings. */
        public Builder settings(List<ClusterSetting> settings) {
            this.settings = settings;
            return this;
        }

        /** Sets {@code settings}. */
        public Builder settings(ClusterSetting... settings) {
            this.settings = List.of(settings);
            return this;
        }

        /** Builds the record. */
        public CreateClusterRequest build() {
            return new CreateClusterRequest(clusterName, tags, settings);
        }
    }
}
