package io.ecs4j.request;

/** The sort order of ListTaskDefinitions. */
public enum SortOrder {
    /** By family name, then revision, ascending (newest revision last). The default. */
    ASC,
    /** Both descending. */
    DESC
}
