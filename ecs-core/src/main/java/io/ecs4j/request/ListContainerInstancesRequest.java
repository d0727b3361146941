package io.ecs4j.request;

import io.ecs4j.model.ContainerInstanceStatus;
import java.util.Objects;

/**
 * ListContainerInstances.
 *
 * <p>Immutable; build with {@link #builder()}. Lists and maps are unmodifiable and never null.
 *
 * @param cluster the cluster, or null for {@code default}
 * @param filter a cluster query language expression, or null
 * @param status only instances with this status, or null for every status but INACTIVE
 * @param maxResults page size 1–100, or null for 100
 * @param nextToken from the previous page, or null
 */
public record ListContainerInstancesRequest(
        String cluster,
        String filter,
        ContainerInstanceStatus status,
        Integer maxResults,
        String nextToken) {

    public ListContainerInstancesRequest {

    }

    /** A new builder with every component unset (or at its documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.cluster = cluster;
        b.filter = filter;
        b.status = status;
        b.maxResults = maxResults;
        b.nextToken = nextToken;
        return b;
    }

    /** Builds a {@link ListContainerInstancesRequest}. Not thread-safe. */
    public static final class Builder {
        private String cluster;
        private String filter;
        private ContainerInstanceStatus status;
        private Integer maxResults;
        private String nextToken;

        private Builder() {
        }

        /** Sets {@code cluster}: the cluster, or null for {@code default}. */
        public Builder cluster(String cluster) {
            this.cluster = cluster;
            return this;
        }

        /** Sets {@code filter}: a cluster query language expression, or null. */
        public Builder filter(String filter) {
            this.filter = filter;
            return this;
        }

        /** Sets {@code status}: only instances with this status, or null for every status but INACTIVE. */
        public Builder status(ContainerInstanceStatus status) {
            this.status = status;
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
        public ListContainerInstancesRequest build() {
            return new ListContainerInstancesRequest(cluster, filter, status, maxResults, nextToken);
        }
    }
}
