package io.ecs4j.request;

import io.ecs4j.model.LaunchType;
import io.ecs4j.model.SchedulingStrategy;
import java.util.Objects;

/**
 * ListServices: the ARNs of a cluster's ACTIVE services (DRAINING and INACTIVE ones are not listed).
 *
 * <p>Immutable; build with {@link #builder()}. Lists and maps are unmodifiable and never null.
 *
 * @param cluster the cluster, or null for {@code default}
 * @param launchType only services of this launch type, or null
 * @param schedulingStrategy only services of this scheduling strategy, or null
 * @param maxResults page size 1–100, or null for 10
 * @param nextToken from the previous page, or null
 */
public record ListServicesRequest(
        String cluster,
        LaunchType launchType,
        SchedulingStrategy schedulingStrategy,
        Integer maxResults,
        String nextToken) {

    public ListServicesRequest {

    }

    /** A new builder with every component unset (or at its documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.cluster = cluster;
        b.launchType = launchType;
        b.schedulingStrategy = schedulingStrategy;
        b.maxResults = maxResults;
        b.nextToken = nextToken;
        return b;
    }

    /** Builds a {@link ListServicesRequest}. Not thread-safe. */
    public static final class Builder {
        private String cluster;
        private LaunchType launchType;
        private SchedulingStrategy schedulingStrategy;
        private Integer maxResults;
        private String nextToken;

        private Builder() {
        }

        /** Sets {@code cluster}: the cluster, or null for {@code default}. */
        public Builder cluster(String cluster) {
            this.cluster = cluster;
            return this;
        }

        /** Sets {@code launchType}: only services of this launch type, or null. */
        public Builder launchType(LaunchType launchType) {
            this.launchType = launchType;
            return this;
        }

        /** Sets {@code schedulingStrategy}: only services of this scheduling strategy, or null. */
        public Builder schedulingStrategy(SchedulingStrategy schedulingStrategy) {
            this.schedulingStrategy = schedulingStrategy;
            return this;
        }

        /** Sets {@code maxResults}: page size 1–100, or null for 10. */
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
        public ListServicesRequest build() {
            return new ListServicesRequest(cluster, launchType, schedulingStrategy, maxResults, nextToken);
        }
    }
}
