package io.ecs4j.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An attachment of a task, for example the {@code ElasticNetworkInterface} of an awsvpc task.
 *
 * <p>Immutable. Lists and maps are unmodifiable and never null.
 *
 * @param id the attachment id; not null
 * @param type for example {@code ElasticNetworkInterface}; not null
 * @param status {@code PRECREATED}, {@code ATTACHED}, {@code DELETED}...; not null
 * @param details details such as {@code subnetId}, {@code privateIPv4Address}
 */
public record Attachment(
        String id,
        String type,
        String status,
        List<KeyValuePair> details) {

    public Attachment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        details = details == null ? List.of() : List.copyOf(details);
    }

}
