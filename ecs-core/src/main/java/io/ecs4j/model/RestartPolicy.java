package io.ecs4j.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Restart a container in place when it exits (ECS container restart policy).
 *
 * <p>Immutable. Lists and maps are unmodifiable and never null.
 *
 * @param enabled whether the policy applies
 * @param ignoredExitCodes exit codes that do not cause a restart (at most 50)
 * @param restartAttemptPeriod seconds a container must have run before a restart is attempted, 60–1800, null for 300
 */
public record RestartPolicy(
        Boolean enabled,
        List<Integer> ignoredExitCodes,
        Integer restartAttemptPeriod) {

    public RestartPolicy {
        ignoredExitCodes = ignoredExitCodes == null ? List.of() : List.copyOf(ignoredExitCodes);
    }

}
