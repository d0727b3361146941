package io.ecs4j.request;

import io.ecs4j.model.DesiredStatus;
import io.ecs4j.model.LaunchType;
import java.util.Objects;

/**
 * ListTasks. {@code desiredStatus} defaults to RUNNING (so PENDING tasks are listed and stopped ones are not).
 *
 * <p>Immutable; build with {@link #builder()}. Lists and maps are unmodifiable and never null.
 *
 * @param cluster the cluster, or null for {@code default}
 * @param containerInstance only tasks on this instance (id or ARN), or null
 * @param family only tasks of this family, or null
 * @param serviceName only tasks of this service, or null
 * @param startedBy only tasks with this startedBy (must be the only filter), or null
 * @param desiredStatus RUNNING (default), PENDING (never matches) or STOPPED
 * @param launchType only tasks of this launch type, or null
 * @param maxResults page size 1–100, or null for 100
 * @param nextToken from the previous page, or null
 */
public record ListTasksRequest(
        String cluster,
        String containerInstance,
        String family,
        String serviceName,
        String startedBy,
        DesiredStatus desiredStatus,
        LaunchType launchType,
        Integer maxResults,
        String nextToken) {

    public ListTasksRequest {

    }

    /** A new builder with every component unset (or at its documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.cluster = cluster;
        b.containerInstance = containerInstance;
        b.family = family;
        b.serviceName = serviceName;
        b.startedBy = startedBy;
        b.desiredStatus = desiredStatus;
        b.launchType = launchType;
        b.maxResults = maxResults;
        b.nextToken = nextToken;
        return b;
    }

    /** Builds a {@link ListTasksRequest}. Not thread-safe. */
    public static final class Builder {
        private String cluster;
        private String containerInstance;
        private String family;
        private String serviceName;
        private String startedBy;
        private DesiredStatus desiredStatus;
        private LaunchType launchType;
        private Integer maxResults;
        private String nextToken;

        private Builder() {
        }

        /** Sets {@code cluster}: the cluster, or null for {@code default}. */
        public Builder cluster(String cluster) {
            this.cluster = cluster;
            return this;
        }

        /** Sets {@code containerInstance}: only tasks on this instance (id or ARN), or null. */
        public Builder containerInstance(String containerInstance) {
            this.containerInstance = containerInstance;
            return this;
        }

        /** Sets {@code family}: only tasks of this family, or null. */
        public Builder family(String family) {
            this.family = family;
            return this;
        }

        /** Sets {@code serviceName}: only tasks of this service, or null. */
        public Builder serviceName(String serviceName) {
            this.serviceName = serviceName;
            return this;
        }

        /** Sets {@code startedBy}: only tasks with this startedBy (must be the only filter), or null. */
        public Builder startedBy(String startedBy) {
            this.startedBy = startedBy;
            return this;
        }

        /** Sets {@code desiredStatus}: RUNNING (default), PENDING (never matches) or STOPPED. */
        public Builder desiredStatus(DesiredStatus desiredStatus) {
            this.desiredStatus = desiredStatus;
            return this;
        }

        /** Sets {@code launchType}: only tasks of this launch type, or null. */
        public Builder launchType(LaunchType launchType) {
            this.launchType = launchType;
            return this;
        }

        /** Sets {@code maxResults}: page size 1–100, or null for 100. */
        public Builder maxResults(Integer maxResults) {
            this.maxResults = maxResults;
            return this;
        }

        /** Sets {@code nextToken}: from the previous page, or null. */
        public Builder nextToken(String nextToken) {
            this.nextToken = nextToken;
            return this;
        }

        /** Builds the record. */
        public ListTasksRequest build() {
            return new ListTasksRequest(cluster, containerInstance, family, serviceName, startedBy, desiredStatus, launchType, maxResults, nextToken);
        }
    }
}
