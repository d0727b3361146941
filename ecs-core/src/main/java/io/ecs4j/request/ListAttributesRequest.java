package io.ecs4j.request;

import java.util.Objects;

/**
 * ListAttributes: the attributes of a cluster's container instances, filtered by name and value.
 *
 * <p>Immutable; build with {@link #builder()}. Lists and maps are unmodifiable and never null.
 *
 * @param cluster the cluster, or null for {@code default}
 * @param targetType the only target type ECS has, {@code container-instance} (the default)
 * @param attributeName only attributes with this name, or null
 * @param attributeValue only attributes with this value (requires attributeName), or null
 * @param maxResults page size 1–100, or null for 100
 * @param nextToken from the previous page, or null
 */
public record ListAttributesRequest(
        String cluster,
        String targetType,
        String attributeName,
        String attributeValue,
        Integer maxResults,
        String nextToken) {

    public ListAttributesRequest {

    }

    /** A new builder with every component unset (or at its documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.cluster = cluster;
        b.targetType = targetType;
        b.attributeName = attributeName;
        b.attributeValue = attributeValue;
        b.maxResults = maxResults;
        b.nextToken = nextToken;
        return b;
    }

    /** Builds a {@link ListAttributesRequest}. Not thread-safe. */
    public static final class Builder {
        private String cluster;
        private String targetType = "container-instance";
        private String attributeName;
        private String attributeValue;
        private Integer maxResults;
        private String nextToken;

        private Builder() {
        }

        /** Sets {@code cluster}: the cluster, or null for {@code default}. */
        public Builder cluster(String cluster) {
            this.cluster = cluster;
            return this;
        }

        /** Sets {@code targetType}: the only target type ECS has, {@code container-instance} (the default). */
        public Builder targetType(String targetType) {
            this.targetType = targetType;
            return this;
        }

        /** Sets {@code attributeName}: only attributes with this name, or null. */
        public Builder attributeName(String attributeName) {
            this.attributeName = attributeName;
            return this;
        }

        /** Sets {@code attributeValue}: only attributes with this value (requires attributeName), or null. */
        public Builder attributeValue(String attributeValue) {
            this.attributeValue = attributeValue;
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
        public ListAttributesRequest build() {
            return new ListAttributesRequest(cluster, targetType, attributeName, attributeValue, maxResults, nextToken);
        }
    }
}
