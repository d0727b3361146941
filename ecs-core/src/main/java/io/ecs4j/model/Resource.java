package io.ecs4j.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A resource of a container instance ({@code registeredResources}/{@code remainingResources}): CPU and MEMORY as INTEGER, PORTS and PORTS_UDP as STRINGSET.
 *
 * <p>Immutable. Lists and maps are unmodifiable and never null.
 *
 * @param name CPU, MEMORY, PORTS, PORTS_UDP, GPU...; not null
 * @param type INTEGER, LONG, DOUBLE or STRINGSET; not null
 * @param integerValue the value for INTEGER, else null
 * @param longValue the value for LONG, else null
 * @param doubleValue the value for DOUBLE, else null
 * @param stringSetValue the value for STRINGSET
 */
public record Resource(
        String name,
        String type,
        Integer integerValue,
        Long longValue,
        Double doubleValue,
        List<String> stringSetValue) {

    public Resource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        stringSetValue = stringSetValue == null ? List.of() : List.copyOf(stringSetValue);
    }

    /** An INTEGER resource. */
    public static Resource integer(String name, int value) {
        return new Resource(name, "INTEGER", value, null, null, List.of());
    }

    /** A STRINGSET resource. */
    public static Resource stringSet(String name, List<String> values) {
        return new Resource(name, "STRINGSET", null, null, null, values);
    }

}
