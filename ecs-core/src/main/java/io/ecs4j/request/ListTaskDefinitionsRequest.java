package io.ecs4j.request;

import io.ecs4j.model.TaskDefinitionStatus;
import java.util.Objects;

/**
 * ListTaskDefinitions.
 *
 * <p>Immutable; build with {@link #builder()}. Lists and maps are unmodifiable and never null.
 *
 * @param familyPrefix an exact family name (despite the name), or null
 * @param status ACTIVE (default) or INACTIVE
 * @param sort ASC (default) or DESC, by family then revision
 * @param maxResults page size 1–100, or null for 100
 * @param nextToken from the previous page, or null
 */
public record ListTaskDefinitionsRequest(
        String familyPrefix,
        TaskDefinitionStatus status,
        SortOrder sort,
        Integer maxResults,
        String nextToken) {

    public ListTaskDefinitionsRequest {

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
        b.sort = sort;
        b.maxResults = maxResults;
        b.nextToken = nextToken;
        return b;
    }

    /** Builds a {@link ListTaskDefinitionsRequest}. Not thread-safe. */
    public static final class Builder {
        private String familyPrefix;
        private TaskDefinitionStatus status;
        private SortOrder sort;
        private Integer maxResults;
        private String nextToken;

        private Builder() {
        }

        /** Sets {@code familyPrefix}: an exact family name (despite the name), or null. */
        public Builder familyPrefix(String familyPrefix) {
            this.familyPrefix = familyPrefix;
            return this;
        }

        /** Sets {@code status}: ACTIVE (default) or INACTIVE. */
        public Builder status(TaskDefinitionStatus status) {
            this.status = status;
            return this;
        }

        /** Sets {@code sort}: ASC (default) or DESC, by family then revision. */
        public Builder sort(SortOrder sort) {
            this.sort = sort;
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
        public ListTaskDefinitionsRequest build() {
            return new ListTaskDefinitionsRequest(familyPrefix, status, sort, maxResults, nextToken);
        }
    }
}
