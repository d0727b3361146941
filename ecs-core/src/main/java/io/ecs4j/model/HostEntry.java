package io.ecs4j.model;

import java.util.Objects;

/**
 * An {@code /etc/hosts} entry ({@code extraHosts}).
 *
 * <p>Immutable. Lists and maps are unmodifiable and never null.
 *
 * @param hostname the host name; not null
 * @param ipAddress the address; not null
 */
public record HostEntry(
        String hostname,
        String ipAddress) {

    public HostEntry {
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(ipAddress, "ipAddress");
    }

}
