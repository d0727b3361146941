package io.ecs4j.junit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.ecs4j.docker.DockerRuntime;
import io.ecs4j.spi.runtime.ContainerRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Docker runtime for {@link LocalEcsTest.RuntimeType#DOCKER}: each fixture's runtime labels what it creates with a
 * run id, and the fixture removes everything with that label when it closes (the Docker runtime itself leaves
 * containers running, for re-adoption). Only loaded in Docker mode ({@code ecs-docker-runtime} is optional).
 */
final class DockerSupport {
    static final String RUNTIME_CLASS = "io.ecs4j.docker.DockerRuntime";
    /** The label on every container, volume and network a fixture's Docker runtime creates. */
    static final String RUN_LABEL = "io.ecs4j.junit.run";

    private DockerSupport() {
    }

    static String newRunId() {
        byte[] bytes = new byte[4];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static ContainerRuntime newRuntime(String runId) {
        return DockerRuntime.builder()
                .label(RUN_LABEL, runId)
                .networkNamePrefix("ecs4j-junit-" + runId + "-")
                .stoppedContainerRetention(null)
                .build();
    }

    /** Why Docker cannot be used here, or null when an engine answers. */
    static String problem() {
        try (DockerClient docker = client()) {
            docker.pingCmd().exec();
            return null;
        } catch (IOException | RuntimeException e) {
            return "no Docker engine answers (" + e.getMessage() + ")";
        }
    }

    /** Removes every container, volume and network of run {@code runId}. */
    static void removeAll(String runId) {
        try (DockerClient docker = client()) {
            for (Container c : docker.listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of(RUN_LABEL, runId)).exec()) {
                docker.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec();
            }
            var volumes = docker.listVolumesCmd().withFilter("label", List.of(RUN_LABEL + "=" + runId)).exec()
                    .getVolumes();
            if (volumes != null) {
                volumes.forEach(v -> docker.removeVolumeCmd(v.getName()).exec());
            }
            docker.listNetworksCmd().withFilter("label", List.of(RUN_LABEL + "=" + runId)).exec()
                    .forEach(n -> docker.removeNetworkCmd(n.getId()).exec());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DockerClient client() {
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        return DockerClientImpl.getInstance(config, new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .connectionTimeout(Duration.ofSeconds(3))
                .responseTimeout(Duration.ofSeconds(60))
                .build());
    }
}
