package io.ecs4j.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Linux capabilities to add to or drop from a container.
 *
 * <p>Immutable. Lists and maps are unmodifiable and never null.
 *
 * @param add capabilities to add
 * @param drop capabilities to drop
 */
public record KernelCapabilities(
        List<String> add,
        List<String> drop) {

    public KernelCapabilities {
        add = add == null ? List.of() : List.copyOf(add);
        drop = drop == null ? List.of() : List.copyOf(drop);
    }

}
