package io.ecs4j.docker;

import static io.ecs4j.docker.DockerBridgeNetworkingIT.fetchLoop;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.model.NetworkBinding;
import io.ecs4j.model.NetworkMode;
import io.ecs4j.model.TaskArn;
import io.ecs4j.model.TransportProtocol;
import io.ecs4j.spi.runtime.ContainerHandle;
import io.ecs4j.spi.runtime.PortSpec;
import io.ecs4j.spi.runtime.RuntimeEvent;
import io.ecs4j.spi.runtime.TaskSandbox;
import io.ecs4j.spi.runtime.TaskSandboxSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@RequiresDocker
class DockerAwsvpcIT {
    private DockerFixture fx;

    @BeforeEach
    void setUp() {
        fx = new DockerFixture();
    }

    @AfterEach
    void tearDown() throws Exception {
        fx.close();
    }

    @Test
    void awsvpcTask_containersShareLocalhost_andOtherTasksReachItByAlias() throws Exception {
        String alias = "web-" + fx.runId;
        TaskArn server = fx.newTask();
        TaskSandboxSpec serverSandbox = fx.sandboxSpec(server, NetworkMode.AWSVPC,
                List.of(new PortSpec(8080, 8080, TransportProtocol.TCP)), List.of(alias));

        TaskSandbox sandbox = fx.prepare(serverSandbox);

        assertThat(sandbox.sandboxId()).isNotNull();
        assertThat(sandbox.privateIpv4()).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
        assertThat(sandbox.networkBindings()).singleElement().satisfies(b -> {
            assertThat(b.bindIp()).isEqualTo("127.0.0.1");
            assertThat(b.containerPort()).isEqualTo(8080);
            assertThat(b.hostPort()).as("dynamic: tasks on one host must not collide").isPositive();
        });
        ContainerHandle app = fx.launch(fx.spec(server, "app", DockerFixture.httpd(8080, "vpc"))
                .networkMode(NetworkMode.AWSVPC).sandbox(sandbox).initProcessEnabled(true)
                .ports(List.of(new PortSpec(8080, 8080, TransportProtocol.TCP))).build());
        ContainerHandle sidecar = fx.launch(fx.spec(server, "sidecar", fetchLoop("http://127.0.0.1:8080/"))
                .networkMode(NetworkMode.AWSVPC).sandbox(sandbox).build());
        RuntimeEvent.Started started = fx.awaitStarted(app);

        assertThat(started.networkBindings()).as("the pause container publishes the task's ports").isEmpty();
        assertThat(fx.awaitExited(sidecar).exitCode()).as("sidecar reached the app on localhost").isZero();
        NetworkBinding published = sandbox.networkBindings().get(0);
        assertThat(DockerFixture.httpGet(published.hostPort())).isEqualTo("vpc\n");

        TaskArn client = fx.newTask();
        TaskSandbox clientSandbox = fx.prepare(fx.sandboxSpec(client, NetworkMode.AWSVPC, List.of(), List.of()));
        ContainerHandle caller = fx.launch(fx.spec(client, "caller", fetchLoop("http://" + alias + ":8080/"))
                .networkMode(NetworkMode.AWSVPC).sandbox(clientSandbox).build());
        assertThat(fx.awaitExited(caller).exitCode()).as("another task reached the alias").isZero();

        fx.runtime.stop(app, Duration.ofSeconds(5));
        fx.awaitExited(app);
        fx.runtime.releaseTask(serverSandbox);
        fx.runtime.releaseTask(fx.sandboxSpec(client, NetworkMode.AWSVPC, List.of(), List.of()));
        awaitNoPauseContainers();
    }

    @Test
    void prepareTask_forBridgeTask_reportsAnEmptySandbox() {
        TaskArn task = fx.newTask();

        TaskSandbox sandbox = fx.prepare(fx.sandboxSpec(task, NetworkMode.BRIDGE, List.of(), List.of()));

        assertThat(sandbox).isEqualTo(TaskSandbox.none(task));
    }

    @Test
    void launch_awsvpcWithoutSandbox_failsWithCannotCreateContainerError() {
        ContainerHandle h = fx.launch(fx.spec(fx.newTask(), "app", "true").networkMode(NetworkMode.AWSVPC).build());

        RuntimeEvent.LaunchFailed failed = fx.events.await(h, RuntimeEvent.LaunchFailed.class, DockerFixture.TIMEOUT);

        assertThat(failed.errorName()).isEqualTo("CannotCreateContainerError");
        assertThat(failed.detail()).contains("prepareTask");
    }

    private void awaitNoPauseContainers() throws InterruptedException {
        long deadline = System.nanoTime() + DockerFixture.TIMEOUT.toNanos();
        while (!fx.containers(Map.of("io.ecs4j.role", "pause")).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("pause containers left after releaseTask");
            }
            Thread.sleep(50);
        }
    }
}
