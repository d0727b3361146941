package io.ecs4j.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.spi.runtime.ContainerHandle;
import io.ecs4j.spi.runtime.RuntimeEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@RequiresDocker
class DockerEventStreamIT {
    private static final Path SOCKET = Path.of("/var/run/docker.sock");

    private DockerSocketProxy proxy;
    private DockerFixture fx;

    @BeforeEach
    void setUp() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(SOCKET), "needs the local Docker socket");
        proxy = new DockerSocketProxy(SOCKET);
        String host = proxy.dockerHost();
        fx = new DockerFixture(b -> b.dockerHost(host));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (fx != null) {
            fx.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void eventStream_whenDroppedWhileAContainerExits_reconnectsAndReportsTheExit() throws Exception {
        ContainerHandle h = fx.launch(fx.spec(fx.newTask(), "app", "sleep 1; exit 5").initProcessEnabled(true).build());
        fx.awaitStarted(h);

        proxy.cutAll();            // the stream drops; the container exits while nobody listens
        Thread.sleep(2_000);
        assertThat(fx.events.of(h)).noneMatch(e -> e instanceof RuntimeEvent.Exited);
        proxy.resume();

        RuntimeEvent.Exited exited = fx.awaitExited(h);
        assertThat(exited.exitCode()).isEqualTo(5);
        assertThat(fx.events.of(h)).filteredOn(e -> e instanceof RuntimeEvent.Exited).hasSize(1);
    }
}
