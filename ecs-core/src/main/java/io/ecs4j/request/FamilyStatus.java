package io.ecs4j.request;

/** The status filter of ListTaskDefinitionFamilies. */
public enum FamilyStatus {
    /** Families with at least one ACTIVE revision. */
    ACTIVE,
    /** Families with no ACTIVE revision. */
    INACTIVE,
    /** All families (the default). */
    ALL
}
