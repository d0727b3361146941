package io.ecs4j.benchmarks.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Side A: the same container made with plain docker-java calls, what a hand-written script does. Start = create +
 * start + inspect (running, and its ports); stop = stop (Docker returns once the process exited) + inspect (the exit
 * code). The container's configuration is copied from one ecs4j made ({@link #copyConfigFrom}), and
 * {@link #checkSameConfig} fails the run when the two differ in anything but identity (name, labels' values).
 */
final class RawDocker implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    final DockerClient docker;
    private final String image;
    private final String labelKey;
    private final String runId;
    private Template template;
    private int sequence;

    /** The create-container parameters copied from an ecs4j container. */
    private record Template(List<String> cmd, List<String> entrypoint, List<String> env, Integer stopTimeout,
                            Map<String, String> labels, HostConfig hostConfig) {
    }

    RawDocker(String image, String labelKey, String runId, int maxConnections) {
        this.image = image;
        this.labelKey = labelKey;
        this.runId = runId;
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        // the same transport and pool settings as DockerRuntime's client
        docker = DockerClientImpl.getInstance(config, new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(maxConnections)
                .connectionTimeout(Duration.ofSeconds(5))
                .build());
    }

    /**
     * Takes the create parameters of container {@code id} (made by ecs4j): command, entry point, environment, labels (with {@code io.ecs4j.managed=false}, so the ecs4j runtime's event stream never sees the raw
     * containers) and the host configuration fields ecs4j sets; the stop timeout (which docker-java's inspect does
     * not show) is the task definition's.
     */
    void copyConfigFrom(String id, int stopTimeoutSeconds) {
        InspectContainerResponse c = docker.inspectContainerCmd(id).exec();
        HostConfig h = c.getHostConfig();
        HostConfig host = HostConfig.newHostConfig()
                .withCpuShares(h.getCpuShares())
                .withMemory(h.getMemory())
                .withPrivileged(h.getPrivileged())
                .withReadonlyRootfs(h.getReadonlyRootfs())
                .withNetworkMode(h.getNetworkMode());
        if (Boolean.TRUE.equals(h.getInit())) {
            host.withInit(true);
        }
        if (h.getMemoryReservation() != null && h.getMemoryReservation() > 0) {
            host.withMemoryReservation(h.getMemoryReservation());
        }
        if (h.getPortBindings() != null && !h.getPortBindings().getBindings().isEmpty()) {
            host.withPortBindings(h.getPortBindings());
        }
        Map<String, String> labels = new LinkedHashMap<>(c.getConfig().getLabels());
        labels.put("io.ecs4j.managed", "false");
        labels.put(labelKey, runId);
        template = new Template(list(c.getConfig().getCmd()), list(c.getConfig().getEntrypoint()),
                list(c.getConfig().getEnv()), stopTimeoutSeconds, labels, host);
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : List.of(values);
    }

    /** Create + start + inspect; returns the container id once Docker says it runs. */
    String start() {
        Template t = Objects.requireNonNull(template, "copyConfigFrom first");
        var create = docker.createContainerCmd(image)
                .withName("bench-raw-" + runId + "-" + nextSequence())
                .withLabels(t.labels())
                .withEnv(t.env())
                .withTty(false)
                .withStdinOpen(false)
                .withHostConfig(t.hostConfig());
        if (!t.cmd().isEmpty()) {
            create.withCmd(t.cmd());
        }
        if (!t.entrypoint().isEmpty()) {
            create.withEntrypoint(t.entrypoint());
        }
        if (t.stopTimeout() != null) {
            create.withStopTimeout(t.stopTimeout());
        }
        String id = create.exec().getId();
        docker.startContainerCmd(id).exec();
        InspectContainerResponse inspect = docker.inspectContainerCmd(id).exec();
        if (!Boolean.TRUE.equals(inspect.getState().getRunning())) {
            throw new IllegalStateException("raw container " + id + " is not running after start: "
                    + inspect.getState());
        }
        return id;
    }

    private synchronized int nextSequence() {
        return ++sequence;
    }

    /** Stop (SIGTERM, then SIGKILL after {@code timeoutSeconds}) + inspect; returns the exit code. */
    int stop(String id, int timeoutSeconds) {
        docker.stopContainerCmd(id).withTimeout(timeoutSeconds).exec();
        Long code = docker.inspectContainerCmd(id).exec().getState().getExitCodeLong();
        return code == null ? -1 : code.intValue();
    }

    /** Removes a container (untimed clean-up, for both sides). */
    void remove(String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException e) {
            // already gone
        }
    }

    /** Whether Docker says container {@code id} runs (a check, outside the timing). */
    boolean running(String id) {
        return Boolean.TRUE.equals(docker.inspectContainerCmd(id).exec().getState().getRunning());
    }

    /**
     * Compares what Docker recorded for a raw and an ecs4j container: the whole host configuration and the parts of
     * the container configuration that affect its start and stop. Throws when they differ.
     */
    void checkSameConfig(String rawId, String ecs4jId) {
        Map<String, Object> raw = comparable(docker.inspectContainerCmd(rawId).exec());
        Map<String, Object> ours = comparable(docker.inspectContainerCmd(ecs4jId).exec());
        if (!raw.equals(ours)) {
            List<String> diff = new ArrayList<>();
            for (String key : new java.util.TreeSet<>(ours.keySet())) {
                if (!Objects.equals(raw.get(key), ours.get(key))) {
                    diff.add(key + ": raw=" + raw.get(key) + " ecs4j=" + ours.get(key));
                }
            }
            throw new IllegalStateException("unfair comparison: the raw container differs from ecs4j's: " + diff);
        }
    }

    /** What {@link #checkSameConfig} compares, for container {@code id} (recorded in the results). */
    Map<String, Object> comparedConfig(String id) {
        return comparable(docker.inspectContainerCmd(id).exec());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> comparable(InspectContainerResponse c) {
        Map<String, Object> out = new TreeMap<>();
        Map<String, Object> host = JSON.convertValue(c.getHostConfig(), Map.class);
        host.forEach((k, v) -> out.put("HostConfig." + k, v));
        Map<String, Object> config = JSON.convertValue(c.getConfig(), Map.class);
        for (String k : List.of("Image", "Cmd", "Entrypoint", "Env", "StopTimeout", "StopSignal", "Tty", "OpenStdin",
                "User", "WorkingDir", "Healthcheck", "ExposedPorts", "Volumes")) {
            out.put("Config." + k, config.get(k));
        }
        Map<String, Object> labels = (Map<String, Object>) config.get("Labels");
        out.put("Config.Labels(keys)", labels == null ? null : new java.util.TreeSet<>(labels.keySet()));
        out.put("Config.Labels(count)", labels == null ? 0 : labels.size());
        out.put("Driver", c.getDriver());
        out.put("Platform", c.getPlatform());
        return out;
    }

    /** Every container (any state) carrying this run's label. */
    List<Container> leftovers() {
        return docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(labelKey, runId)).exec();
    }

    @Override
    public void close() throws Exception {
        docker.close();
    }
}
