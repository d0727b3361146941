package io.ecs4j.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.model.NetworkBinding;
import io.ecs4j.model.NetworkMode;
import io.ecs4j.model.TaskArn;
import io.ecs4j.model.TransportProtocol;
import io.ecs4j.spi.runtime.ContainerHandle;
import io.ecs4j.spi.runtime.ContainerLaunchSpec;
import io.ecs4j.spi.runtime.LogEntry;
import io.ecs4j.spi.runtime.PortSpec;
import io.ecs4j.spi.runtime.RuntimeEvent;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@RequiresDocker
class DockerBridgeNetworkingIT {
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
    void launch_withStaticAndDynamicPorts_publishesThemOnLoopbackAndReportsBindings() throws Exception {
        int staticPort = freePort();
        ContainerHandle h = fx.launch(fx.spec(fx.newTask(), "web",
                        DockerFixture.httpd(8080, "eight") + " & " + DockerFixture.httpd(9090, "nine").replace("exec ", ""))
                .ports(List.of(new PortSpec(8080, staticPort, TransportProtocol.TCP),
                        new PortSpec(9090, 0, TransportProtocol.TCP)))
                .initProcessEnabled(true)
                .build());

        RuntimeEvent.Started started = fx.awaitStarted(h);

        assertThat(started.networkBindings()).hasSize(2);
        NetworkBinding fixed = started.networkBindings().get(0);
        NetworkBinding dynamic = started.networkBindings().get(1);
        assertThat(fixed).isEqualTo(new NetworkBinding("127.0.0.1", 8080, staticPort, TransportProtocol.TCP));
        assertThat(dynamic.bindIp()).isEqualTo("127.0.0.1");
        assertThat(dynamic.containerPort()).isEqualTo(9090);
        assertThat(dynamic.hostPort()).isPositive().isNotEqualTo(staticPort);
        assertThat(DockerFixture.httpGet(staticPort)).isEqualTo("eight\n");
        assertThat(DockerFixture.httpGet(dynamic.hostPort())).isEqualTo("nine\n");
        fx.runtime.stop(h, Duration.ofSeconds(5));
        fx.awaitExited(h);
    }

    @Test
    void launch_withLinks_reachesTheLinkedContainerByAlias() throws Exception {
        TaskArn task = fx.newTask();
        ContainerHandle web = fx.launch(fx.spec(task, "web", DockerFixture.httpd(8080, "linked"))
                .initProcessEnabled(true).build());
        fx.awaitStarted(web);
        ContainerLaunchSpec clientSpec = fx.spec(task, "client", fetchLoop("http://backend:8080/"))
                .links(List.of(new ContainerLaunchSpec.Link("web", "backend")))
                .build();
        ContainerHandle client = fx.launch(clientSpec);

        RuntimeEvent.Exited exited = fx.awaitExited(client);

        assertThat(exited.exitCode()).as("logs: %s", logs(client)).isZero();
        assertThat(logs(client)).contains("linked");
        fx.runtime.stop(web, Duration.ofSeconds(5));
        fx.awaitExited(web);
    }

    @Test
    void launch_inHostAndNoneModes_runsWithThatNetwork() {
        TaskArn task = fx.newTask();
        ContainerHandle none = fx.launch(fx.spec(task, "none", "ip -o link | grep -v ' lo:' | wc -l | grep -qx 0")
                .networkMode(NetworkMode.NONE).build());
        ContainerHandle host = fx.launch(fx.spec(task, "host", "true").networkMode(NetworkMode.HOST)
                .ports(List.of(new PortSpec(7000, 0, TransportProtocol.TCP))).build());

        assertThat(fx.awaitExited(none).exitCode()).as("only loopback in none mode").isZero();
        assertThat(fx.awaitExited(host).exitCode()).isZero();
        assertThat(fx.events.await(host, RuntimeEvent.Started.class, Duration.ZERO).networkBindings())
                .containsExactly(new NetworkBinding("0.0.0.0", 7000, 7000, TransportProtocol.TCP));
        String hostId = fx.events.await(host, RuntimeEvent.Started.class, Duration.ZERO).runtimeId();
        assertThat(fx.docker.inspectContainerCmd(hostId).exec().getHostConfig().getNetworkMode()).isEqualTo("host");
    }

    /** Fetches {@code url} until it answers (the server may still be starting), printing the body. */
    static String fetchLoop(String url) {
        return "for i in $(seq 1 100); do timeout 5 wget -q -O- " + url + " && exit 0; sleep 0.1; done; exit 1";
    }

    private String logs(ContainerHandle h) throws Exception {
        return String.join("\n", fx.runtime.logs(h).toCompletableFuture().get(30, TimeUnit.SECONDS).stream()
                .map(LogEntry::message).toList());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
