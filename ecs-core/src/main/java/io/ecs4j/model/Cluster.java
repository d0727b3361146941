package io.ecs4j.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A cluster, with the counters ECS derives from its instances, tasks and services.
 *
 * <p>Immutable; build with {@link #builder()}. Lists and maps are unmodifiable and never null.
 *
 * @param clusterArn the ARN; not null
 * @param clusterName the name; not null
 * @param status ACTIVE, or INACTIVE once deleted; not null
 * @param registeredContainerInstancesCount ACTIVE and DRAINING container instances
 * @param runningTasksCount tasks in RUNNING
 * @param pendingTasksCount tasks in PENDING
 * @param activeServicesCount ACTIVE services
 * @param tags tags
 * @param settings settings
 * @param statistics statistics, for DescribeClusters include=STATISTICS
 * @param capacityProviders capacity providers
 */
public record Cluster(
        ClusterArn clusterArn,
        String clusterName,
        ClusterStatus status,
        int registeredContainerInstancesCount,
        int runningTasksCount,
        int pendingTasksCount,
        int activeServicesCount,
        List<Tag> tags,
        List<ClusterSetting> settings,
        List<KeyValuePair> statistics,
        List<String> capacityProviders) {

    public Cluster {
        Objects.requireNonNull(clusterArn, "clusterArn");
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(status, "status");
        tags = tags == null ? List.of() : List.copyOf(tags);
        settings = settings == null ? List.of() : List.copyOf(settings);
        statistics = statistics == null ? List.of() : List.copyOf(statistics);
        capacityProviders = capacityProviders == null ? List.of() : List.copyOf(capacityProviders);
    }

    /** A new builder with every component unset (or at its documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.clusterArn = clusterArn;
        b.clusterName = clusterName;
        b.status = status;
        b.registeredContainerInstancesCount = registeredContainerInstancesCount;
        b.runningTasksCount = runningTasksCount;
        b.pendingTasksCount = pendingTasksCount;
        b.activeServicesCount = activeServicesCount;
        b.tags = tags;
        b.settings = settings;
        b.statistics = statistics;
        b.capacityProviders = capacityProviders;
        return b;
    }

    /** Builds a {@link Cluster}. Not thread-safe. */
    public static final class Builder {
        private ClusterArn clusterArn;
        private String clusterName;
        private ClusterStatus status;
        private int registeredContainerInstancesCount;
        private int runningTasksCount;
        private int pendingTasksCount;
        private int activeServicesCount;
        private List<Tag> tags = List.of();
        private List<ClusterSetting> settings = List.of();
        private List<KeyValuePair> statistics = List.of();
        private List<String> capacityProviders = List.of();

        private Builder() {
        }

        /** Sets {@code clusterArn}: the ARN; not null. */
        public Builder clusterArn(ClusterArn clusterArn) {
            this.clusterArn = clusterArn;
            return this;
        }

        /** Sets {@code clusterName}: the name; not null. */
        public Builder clusterName(String clusterName) {
            this.clusterName = clusterName;
            return this;
        }

        /** Sets {@code status}: ACTIVE, or INACTIVE once deleted; not null. */
        public Builder status(ClusterStatus status) {
            this.status = status;
            return this;
        }

        /** Sets {@code registeredContainerInstancesCount}: ACTIVE and DRAINING container instances. */
        public Builder registeredContainerInstancesCount(int registeredContainerInstancesCount) {
            this.registeredContainerInstancesCount = registeredContainerInstancesCount;
            return this;
        }

        /** Sets {@code runningTasksCount}: tasks in RUNNING. */
        public Builder runningTasksCount(int runningTasksCount) {
            this.runningTasksCount = runningTasksCount;
            return this;
        }

        /** Sets {@code pendingTasksCount}: tasks in PENDING. */
        public Builder pendingTasksCount(int pendingTasksCount) {
            this.pendingTasksCount = pendingTasksCount;
            return this;
        }

        /** Sets {@code activeServicesCount}: ACTIVE services. */
        public Builder activeServicesCount(int activeServicesCount) {
            this.activeServicesCount = activeServicesCount;
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

        /** Sets {@code statistics}: statistics, for DescribeClusters include=STATISTICS. */
        public Builder statistics(List<KeyValuePair> statistics) {
            this.statistics = statistics;
            return this;
        }

        /** Sets {@code statistics}. */
        public Builder statistics(KeyValuePair... statistics) {
            this.statistics = List.of(statistics);
            return this;
        }

        /** Sets {@code capacityProviders}: capacity providers. */
        public Builder capacityProviders(List<String> capacityProviders) {
            this.capacityProviders = capacityProviders;
            return this;
        }

        /** Sets {@code capacityProviders}. */
        public Builder capacityProviders(String... capacityProviders) {
            this.capacityProviders = List.of(capacityProviders);
            return this;
        }

        /** Builds the record. */
        public Cluster build() {
            return new Cluster(clusterArn, clusterName, status, registeredContainerInstancesCount, runningTasksCount, pendingTasksCount, activeServicesCount, tags, settings, statistics, capacityProviders);
        }
    }
}
