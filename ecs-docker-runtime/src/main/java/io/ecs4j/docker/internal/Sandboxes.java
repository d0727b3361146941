package io.ecs4j.docker.internal;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Network;
import io.ecs4j.model.NetworkMode;
import io.ecs4j.model.TaskArn;
import io.ecs4j.spi.runtime.ContainerLaunchSpec;
import io.ecs4j.spi.runtime.MountSpec;
import io.ecs4j.spi.runtime.RuntimeEvent;
import io.ecs4j.spi.runtime.TaskSandbox;
import io.ecs4j.spi.runtime.TaskSandboxSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Task-level resources: the {@code awsvpc} pause container on a per-cluster bridge network (as the ECS agent does it:
 * the pause container holds the network namespace, the published ports and the DNS aliases, and the task's containers
 * join it with {@code container:<pauseId>}), and task-scoped scratch volumes.
 *
 * <p>Everything is found again by its labels, so {@link #release} also works for tasks started before a JVM restart.
 */
final class Sandboxes {
    private static final Logger LOG = LoggerFactory.getLogger(Sandboxes.class);

    private final RuntimeCore core;
    private final Map<TaskArn, SerialExecutor> strands = new ConcurrentHashMap<>();
    private final Map<String, String> networkIds = new ConcurrentHashMap<>();
    /** Scratch volumes that were still in use when their task was released; removed with the task's last container. */
    private final Map<TaskArn, Set<String>> pendingVolumes = new ConcurrentHashMap<>();

    Sandboxes(RuntimeCore core) {
        this.core = core;
    }

    private SerialExecutor strand(TaskArn taskArn) {
        return strands.computeIfAbsent(taskArn, t -> new SerialExecutor(core.pool));
    }

    void prepare(TaskSandboxSpec spec) {
        strand(spec.taskArn()).execute(() -> {
            if (spec.networkMode() != NetworkMode.AWSVPC) {
                core.emit(new RuntimeEvent.SandboxReady(TaskSandbox.none(spec.taskArn())));
                return;
            }
            try {
                core.emit(new RuntimeEvent.SandboxReady(startPause(spec)));
            } catch (RuntimeException e) {
                core.emit(new RuntimeEvent.SandboxFailed(spec.taskArn(), "ResourceInitializationError",
                        "failed to set up the task network: " + DockerErrors.detail(e)));
            }
        });
    }

    private TaskSandbox startPause(TaskSandboxSpec spec) {
        String network = ensureNetwork(spec.clusterName());   // the network's id
        String image = core.images.ensurePauseImage();
        String name = pauseName(spec.taskArn());
        String id;
        CreateContainerCmd create = core.docker.createContainerCmd(image)
                .withName(name)
                .withLabels(Labels.forTask(spec.taskArn(), spec.clusterName(), spec.labels(), Labels.ROLE_PAUSE,
                        core.settings.scopeLabels()))
                .withHostConfig(HostConfig.newHostConfig()
                        .withNetworkMode(network)
                        .withPortBindings(ContainerConfigs.bindings(dynamic(spec.ports()), core.settings.bindAddress())));
        if (core.settings.pauseImage() == null) {
            create.withEntrypoint(PauseImage.BINARY);
        }
        if (!spec.ports().isEmpty()) {
            create.withExposedPorts(ContainerConfigs.exposed(spec.ports()));
        }
        if (!spec.networkAliases().isEmpty()) {
            create.withAliases(spec.networkAliases());
        }
        try {
            id = create.exec().getId();
        } catch (ConflictException e) {
            id = core.docker.inspectContainerCmd(name).exec().getId();   // prepared twice: reuse
        }
        core.docker.startContainerCmd(id).exec();
        InspectContainerResponse inspect = core.docker.inspectContainerCmd(id).exec();
        if (!Boolean.TRUE.equals(inspect.getState().getRunning())) {
            throw new IllegalStateException("the pause container exited at once (exit code "
                    + inspect.getState().getExitCodeLong() + "); is " + image + " an image that runs forever?");
        }
        // the networks are keyed by name; ours is the one with the id we made or found
        String ip = inspect.getNetworkSettings().getNetworks().values().stream()
                .filter(n -> network.equals(n.getNetworkID())).map(ContainerNetwork::getIpAddress)
                .findFirst().orElse(null);
        return new TaskSandbox(spec.taskArn(), id, ip, ManagedContainer.publishedBindings(inspect, spec.ports()));
    }

    /**
     * On AWS a task's ports live on its own ENI, so two tasks can both use 8080; on one Docker host they would collide.
     * The task is reachable at {@code <privateIpv4>:<containerPort>} on the cluster network, and from the host through
     * a dynamic port on the bind address, reported in {@link TaskSandbox#networkBindings()}.
     */
    private static List<io.ecs4j.spi.runtime.PortSpec> dynamic(List<io.ecs4j.spi.runtime.PortSpec> ports) {
        return ports.stream().map(p -> new io.ecs4j.spi.runtime.PortSpec(p.containerPort(), 0, p.protocol())).toList();
    }

    String pauseName(TaskArn taskArn) {
        return ContainerConfigs.sanitize(core.settings.networkPrefix() + "pause-" + taskArn.taskId());
    }

    String networkName(String clusterName) {
        return ContainerConfigs.sanitize(core.settings.networkPrefix() + clusterName);
    }

    /** The cluster's user-defined bridge network, created (labelled) on first use. */
    private String ensureNetwork(String clusterName) {
        String name = networkName(clusterName);
        return networkIds.compute(name, (n, known) -> {
            if (known != null && exists(known)) {
                return known;
            }
            String found = findNetwork(n);
            if (found != null) {
                return found;
            }
            try {
                Map<String, String> labels = new java.util.LinkedHashMap<>(Labels.filter(core.settings.scopeLabels()));
                labels.put(Labels.CLUSTER, clusterName);
                labels.put(Labels.ROLE, Labels.ROLE_NETWORK);
                return core.docker.createNetworkCmd().withName(n).withDriver("bridge").withCheckDuplicate(true)
                        .withLabels(labels).exec().getId();
            } catch (ConflictException e) {
                String raced = findNetwork(n);   // another runtime on the same engine made it first
                if (raced == null) {
                    throw e;
                }
                return raced;
            }
        });
    }

    private boolean exists(String networkId) {
        try {
            core.docker.inspectNetworkCmd().withNetworkId(networkId).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private String findNetwork(String name) {
        // the name filter matches substrings: compare exactly
        return core.docker.listNetworksCmd().withNameFilter(name).exec().stream()
                .filter(n -> name.equals(n.getName())).map(Network::getId).findFirst().orElse(null);
    }

    /** Creates the task's scratch volumes a container mounts (labelled, so release finds them). Idempotent. */
    void ensureScratchVolumes(ContainerLaunchSpec spec) {
        for (MountSpec m : spec.mounts()) {
            if (m.kind() != MountSpec.Kind.TASK_SCRATCH) {
                continue;
            }
            String name = ContainerConfigs.scratchVolumeName(core.settings.networkPrefix(), spec.handle().taskArn(),
                    m.source());
            core.docker.createVolumeCmd().withName(name)
                    .withLabels(Labels.forTask(spec.handle().taskArn(), spec.clusterName(), Map.of(),
                            Labels.ROLE_SCRATCH, core.settings.scopeLabels()))
                    .exec();
        }
    }

    void release(TaskSandboxSpec spec) {
        strand(spec.taskArn()).execute(() -> {
            try {
                removePauseContainers(spec.taskArn());
                forgetScratchVolumes(spec.taskArn());
            } catch (RuntimeException e) {
                LOG.warn("release of task {} incomplete: {}", spec.taskArn(), DockerErrors.detail(e));
            } finally {
                strands.remove(spec.taskArn());
            }
        });
    }

    private void removePauseContainers(TaskArn taskArn) {
        Map<String, String> filter = taskFilter(taskArn, Labels.ROLE_PAUSE);
        for (Container pause : core.docker.listContainersCmd().withShowAll(true).withLabelFilter(filter).exec()) {
            try {
                core.docker.removeContainerCmd(pause.getId()).withForce(true).withRemoveVolumes(true).exec();
            } catch (NotFoundException e) {
                // gone already
            }
        }
    }

    /** Removes the task's scratch volumes now, or (while stopped containers still mount them) with the last one. */
    private void forgetScratchVolumes(TaskArn taskArn) {
        Set<String> volumes = ConcurrentHashMap.newKeySet();
        var listed = core.docker.listVolumesCmd()
                .withFilter("label", labelFilters(taskFilter(taskArn, Labels.ROLE_SCRATCH))).exec().getVolumes();
        if (listed != null) {
            listed.forEach(v -> volumes.add(v.getName()));
        }
        if (!volumes.isEmpty()) {
            pendingVolumes.put(taskArn, volumes);
            removeVolumesIfUnused(taskArn);
        }
    }

    private Map<String, String> taskFilter(TaskArn taskArn, String role) {
        Map<String, String> filter = new java.util.LinkedHashMap<>(Labels.filter(core.settings.scopeLabels()));
        filter.put(Labels.TASK_ARN, taskArn.toString());
        filter.put(Labels.ROLE, role);
        return filter;
    }

    /** A container was removed: if it was its released task's last, remove the task's scratch volumes now. */
    void containerRemoved(TaskArn taskArn) {
        if (pendingVolumes.containsKey(taskArn)) {
            core.pool.execute(() -> removeVolumesIfUnused(taskArn));
        }
    }

    private void removeVolumesIfUnused(TaskArn taskArn) {
        Set<String> volumes = pendingVolumes.get(taskArn);
        if (volumes == null) {
            return;
        }
        for (String v : List.copyOf(volumes)) {
            try {
                core.docker.removeVolumeCmd(v).exec();
                volumes.remove(v);
            } catch (NotFoundException e) {
                volumes.remove(v);
            } catch (ConflictException e) {
                // still mounted by a stopped container the control plane has not removed yet
            } catch (RuntimeException e) {
                LOG.warn("removal of volume {} failed: {}", v, DockerErrors.detail(e));
                volumes.remove(v);
            }
        }
        if (volumes.isEmpty()) {
            pendingVolumes.remove(taskArn, volumes);
        }
    }

    /** On close: removes the cluster networks this runtime made or used if nothing is attached any more. */
    void removeIdleNetworks() {
        for (String id : networkIds.values()) {
            try {
                core.docker.removeNetworkCmd(id).exec();
            } catch (RuntimeException e) {
                LOG.debug("network {} kept: {}", id, e.getMessage());   // in use (another runtime, running tasks)
            }
        }
        networkIds.clear();
    }

    private static List<String> labelFilters(Map<String, String> labels) {
        return labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }
}
