package io.ecs4j.docker.internal;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import io.ecs4j.model.HealthStatus;
import io.ecs4j.spi.runtime.ContainerHandle;
import io.ecs4j.spi.runtime.DiscoveredContainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Finds ecs4j containers this runtime instance does not know and takes them under management. */
final class Discovery {
    private Discovery() {
    }

    static List<DiscoveredContainer> discover(RuntimeCore core) {
        Map<String, String> filter = new java.util.LinkedHashMap<>(Labels.filter(core.settings.scopeLabels()));
        filter.put(Labels.ROLE, Labels.ROLE_CONTAINER);
        List<DiscoveredContainer> found = new ArrayList<>();
        for (Container listed : core.docker.listContainersCmd().withShowAll(true).withLabelFilter(filter).exec()) {
            if (core.knowsId(listed.getId())) {
                continue;
            }
            ContainerHandle handle = Labels.handleOf(listed.getLabels());
            if (handle == null) {
                continue;
            }
            InspectContainerResponse inspect;
            try {
                inspect = core.docker.inspectContainerCmd(listed.getId()).exec();
            } catch (NotFoundException e) {
                continue;   // removed meanwhile
            }
            InspectContainerResponse.ContainerState state = inspect.getState();
            boolean running = Boolean.TRUE.equals(state.getRunning());
            HealthStatus health = health(state);
            ManagedContainer c = ManagedContainer.adopted(core, handle, listed.getId(), running, health);
            if (!core.adopt(c)) {
                continue;   // the handle is in use here (launched by this instance under another id)
            }
            Integer exitCode = running || state.getExitCodeLong() == null ? null : state.getExitCodeLong().intValue();
            found.add(new DiscoveredContainer(handle, listed.getId(), running, exitCode, health,
                    ManagedContainer.allPublishedBindings(inspect), listed.getLabels()));
            if (running) {
                c.verify();   // it may have exited between the inspect and the adoption: its die event was dropped
            }
        }
        return found;
    }

    private static HealthStatus health(InspectContainerResponse.ContainerState state) {
        if (state.getHealth() == null || state.getHealth().getStatus() == null) {
            return null;
        }
        return switch (state.getHealth().getStatus()) {
            case "healthy" -> HealthStatus.HEALTHY;
            case "unhealthy" -> HealthStatus.UNHEALTHY;
            default -> HealthStatus.UNKNOWN;
        };
    }
}
