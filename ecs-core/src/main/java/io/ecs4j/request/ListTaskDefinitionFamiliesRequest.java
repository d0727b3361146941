package io.ecs4j.request;

import java.util.Objects;

/**
 * ListTaskDefinitionFamilies.
 *
 * <p>Immutable; build with {@link #builder()}. Lists and maps are unmodifiable and never null.
 *
 * @param familyPrefix a real prefix of family names, or null
 * @param status ACTIVE, INACTIVE or ALL (default ALL)
 * @param maxResults page size 1–100, or null for 100
 * @param nextToken from the previous page, or null
 */
public record ListTaskDefinitionFamiliesRequest(
        String familyPrefix,
        FamilyStatus status,
        Integer maxResults,
        String nextToken) {

    public ListTaskDefinitionFamiliesRequest {

    }

    /** A new builder with every component unset (or at its documented default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.familyPrefix = familyPrefix;
        b.status = status;
        b.maxResults = maxResults;
        b.nextToken = nextToken;
        return b;
    }

    /** Builds a {@link ListTaskDefinitionFamiliesRequest}. Not thread-safe. */
    public static final class Builder {
        private String familyPrefix;
        private FamilyStatus status;
        private Integer maxResults;
        private String nextToken;

        private Builder() {
        }

        /** Sets {@code familyPrefix}: a real prefix of family names, or null. */
        public Builder familyPrefix(String familyPrefix) {
            this.familyPrefix = familyPrefix;
            return this;
        }

        /** Sets {@code status}: ACTIVE, INACTIVE or ALL (default ALL). */
        public Builder status(FamilyStatus status) {
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
        public ListTaskDefinitionFamiliesRequest build() {
            return new ListTaskDefinitionFamiliesRequest(familyPrefix, status, maxResults, nextToken);
        }
    }
}
