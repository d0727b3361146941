package io.ecs4j.samples.webapp;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import com.github.dockerjava.api.model.Container;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The sample's web application, built locally from {@code local/busybox:1} (nothing is pulled): busybox {@code httpd}
 * serving {@code /} (the version) and {@code /health}. Version 3 is broken: it has no {@code /health}, so the load
 * balancer's health check gets 404.
 */
final class WebappImages implements AutoCloseable {
    static final String BASE = "local/busybox:1";
    static final String REPOSITORY = "ecs4j-sample/webapp";
    static final String LABEL = "io.ecs4j.sample";

    final DockerClient docker;

    WebappImages() {
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        docker = DockerClientImpl.getInstance(config, new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost()).sslConfig(config.getSSLConfig())
                .connectionTimeout(Duration.ofSeconds(3)).responseTimeout(Duration.ofSeconds(60)).build());
    }

    /** Whether an engine answers and the base image is there; the problem otherwise. */
    String problem() {
        try {
            docker.pingCmd().exec();
        } catch (RuntimeException e) {
            return "no Docker engine answers (" + e.getMessage() + "); start one with `bash .ci/run setup`";
        }
        try {
            docker.inspectImageCmd(BASE).exec();
        } catch (NotFoundException e) {
            return "the base image " + BASE + " is missing (build it with `bash .ci/run setup`)";
        }
        return null;
    }

    /** Builds {@code ecs4j-sample/webapp:<version>} and returns its name. */
    String build(int version, boolean healthy) {
        String tag = REPOSITORY + ":" + version;
        Path dir = null;
        try {
            dir = Files.createTempDirectory("webapp-" + version);
            Files.writeString(dir.resolve("Dockerfile"), """
                    FROM %s
                    RUN mkdir -p /www && echo "webapp v%d" > /www/index.html%s
                    EXPOSE 8080
                    CMD ["httpd", "-f", "-p", "8080", "-h", "/www"]
                    """.formatted(BASE, version, healthy ? " && echo ok > /www/health" : ""));
            docker.buildImageCmd(dir.toFile()).withTags(Set.of(tag)).withLabels(Map.of(LABEL, "webapp-rollout"))
                    .withPull(false).exec(new BuildImageResultCallback()).awaitImageId();
            return tag;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    /** Removes the containers the run left (by its label) and the images built. */
    void removeAll(String runLabel, String runId) {
        for (Container c : docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(runLabel, runId))
                .exec()) {
            docker.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec();
        }
        docker.listNetworksCmd().withFilter("label", java.util.List.of(runLabel + "=" + runId)).exec()
                .forEach(n -> docker.removeNetworkCmd(n.getId()).exec());
    }

    /** The containers still labelled with the run. */
    int leftovers(String runLabel, String runId) {
        return docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(runLabel, runId)).exec().size();
    }

    void removeImages() {
        for (int v = 1; v <= 3; v++) {
            try {
                docker.removeImageCmd(REPOSITORY + ":" + v).withForce(true).exec();
            } catch (NotFoundException ignored) {
                // not built
            }
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory
        }
    }

    @Override
    public void close() {
        try {
            docker.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
