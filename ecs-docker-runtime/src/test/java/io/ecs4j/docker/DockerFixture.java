package io.ecs4j.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import io.ecs4j.model.NetworkMode;
import io.ecs4j.model.TaskArn;
import io.ecs4j.spi.runtime.ContainerHandle;
import io.ecs4j.spi.runtime.ContainerLaunchSpec;
import io.ecs4j.spi.runtime.PortSpec;
import io.ecs4j.spi.runtime.RuntimeContext;
import io.ecs4j.spi.runtime.RuntimeEvent;
import io.ecs4j.spi.runtime.TaskSandbox;
import io.ecs4j.spi.runtime.TaskSandboxSpec;
import io.ecs4j.time.TimeSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * One started {@link DockerRuntime} for a test, scoped by a unique {@code io.ecs4j.test-run} label; {@link #close()}
 * removes every container, volume and network carrying that label.
 */
final class DockerFixture implements AutoCloseable {
    static final String IMAGE = "local/busybox:1";
    static final String RUN_LABEL = "io.ecs4j.test-run";
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    final String runId = newRunId();
    final String cluster = "it-" + runId;
    final EventLog events = new EventLog();
    final DockerClient docker = TestDocker.client();
    private final TimeSource time = TimeSource.system();
    final DockerRuntime runtime;

    DockerFixture() {
        this(b -> b);
    }

    DockerFixture(UnaryOperator<DockerRuntime.Builder> customize) {
        runtime = newRuntime(customize, events);
    }

    /** Another runtime on the same engine and scope (as after a JVM restart), started with its own event log. */
    DockerRuntime newRuntime(UnaryOperator<DockerRuntime.Builder> customize, EventLog log) {
        DockerRuntime r = customize.apply(DockerRuntime.builder()
                .label(RUN_LABEL, runId)
                .networkNamePrefix("ecs4j-it-" + runId + "-")
                .stoppedContainerRetention(null)).build();
        r.start(new RuntimeContext(time, log));
        return r;
    }

    TaskArn newTask() {
        return new TaskArn("us-east-1", "000000000000", cluster, HexFormat.of().formatHex(randomBytes(16)));
    }

    /** A launch spec for {@code sh -c script} in the busybox image, bridge mode. */
    ContainerLaunchSpec.Builder spec(TaskArn task, String containerName, String script) {
        return ContainerLaunchSpec.builder()
                .handle(new ContainerHandle(task, containerName))
                .clusterName(cluster)
                .containerArn("arn:aws:ecs:us-east-1:000000000000:container/" + cluster + "/" + task.taskId() + "/"
                        + containerName)
                .taskDefinitionArn("arn:aws:ecs:us-east-1:000000000000:task-definition/it:1")
                .family("it")
                .revision(1)
                .group("family:it")
                .image(IMAGE)
                .command(List.of("sh", "-c", script))
                .stopTimeout(Duration.ofSeconds(2));
    }

    ContainerHandle launch(ContainerLaunchSpec spec) {
        runtime.launch(spec);
        return spec.handle();
    }

    RuntimeEvent.Started awaitStarted(ContainerHandle h) {
        return events.await(h, RuntimeEvent.Started.class, TIMEOUT);
    }

    RuntimeEvent.Exited awaitExited(ContainerHandle h) {
        return events.await(h, RuntimeEvent.Exited.class, TIMEOUT);
    }

    TaskSandboxSpec sandboxSpec(TaskArn task, NetworkMode mode, List<PortSpec> ports, List<String> aliases) {
        return new TaskSandboxSpec(task, cluster, null, mode, ports, aliases, Map.of("io.ecs4j.test", "true"));
    }

    TaskSandbox prepare(TaskSandboxSpec spec) {
        runtime.prepareTask(spec);
        return events.awaitTask(spec.taskArn(), RuntimeEvent.SandboxReady.class, TIMEOUT).sandbox();
    }

    /** GETs {@code http://127.0.0.1:port/}, retrying until the server answers (bounded). */
    static String httpGet(int port) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(3)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
            } catch (java.io.IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    /** The containers (all states) carrying this fixture's run label and the given extra label filter. */
    List<Container> containers(Map<String, String> labels) {
        Map<String, String> filter = new java.util.HashMap<>(labels);
        filter.put(RUN_LABEL, runId);
        return docker.listContainersCmd().withShowAll(true).withLabelFilter(filter).exec();
    }

    /** Waits (bounded) until Docker no longer knows container {@code id}. */
    void awaitGone(String id) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!docker.listContainersCmd().withShowAll(true).withIdFilter(List.of(id)).exec().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("container " + id + " still exists after " + TIMEOUT);
            }
            Thread.sleep(50);
        }
    }

    /** A shell script that serves {@code body} with busybox httpd on {@code port}, in the foreground. */
    static String httpd(int port, String body) {
        String dir = "/www" + port;
        return "mkdir -p " + dir + " && echo " + body + " > " + dir + "/index.html && exec httpd -f -p " + port
                + " -h " + dir;
    }

    @Override
    public void close() throws java.io.IOException {
        runtime.close();
        removeAll(docker, runId);
        time.close();
        docker.close();
    }

    /** Removes every container, volume and network labelled with test run {@code runId}. */
    static void removeAll(DockerClient docker, String runId) {
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
    }

    static String newRunId() {
        return HexFormat.of().formatHex(randomBytes(4));
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }
}
