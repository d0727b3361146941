package io.ecs4j.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.model.TaskArn;
import io.ecs4j.model.TransportProtocol;
import io.ecs4j.spi.runtime.ContainerHandle;
import io.ecs4j.spi.runtime.DiscoveredContainer;
import io.ecs4j.spi.runtime.PortSpec;
import io.ecs4j.spi.runtime.RuntimeEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@RequiresDocker
class DockerDiscoveryIT {
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
    void discover_onASecondRuntime_adoptsRunningAndStoppedContainers_andReportsTheirLaterEvents() throws Exception {
        TaskArn task = fx.newTask();
        ContainerHandle running = fx.launch(fx.spec(task, "web", DockerFixture.httpd(8080, "adopted"))
                .initProcessEnabled(true).ports(List.of(new PortSpec(8080, 0, TransportProtocol.TCP))).build());
        ContainerHandle stopped = fx.launch(fx.spec(task, "init", "echo done; exit 3").build());
        RuntimeEvent.Started started = fx.awaitStarted(running);
        fx.awaitExited(stopped);
        assertThat(fx.runtime.discover()).as("the first runtime launched them itself").isEmpty();
        fx.runtime.close();   // as if the JVM went away; the containers keep running

        EventLog secondEvents = new EventLog();
        try (DockerRuntime second = fx.newRuntime(b -> b, secondEvents)) {
            List<DiscoveredContainer> found = second.discover();

            assertThat(found).extracting(DiscoveredContainer::handle).containsExactlyInAnyOrder(running, stopped);
            DiscoveredContainer web = found.stream().filter(d -> d.handle().equals(running)).findFirst().orElseThrow();
            assertThat(web.running()).isTrue();
            assertThat(web.exitCode()).isNull();
            assertThat(web.runtimeId()).isEqualTo(started.runtimeId());
            assertThat(web.networkBindings()).isEqualTo(started.networkBindings());
            assertThat(web.labels()).containsEntry("com.amazonaws.ecs.task-arn", task.toString());
            DiscoveredContainer init = found.stream().filter(d -> d.handle().equals(stopped)).findFirst().orElseThrow();
            assertThat(init.running()).isFalse();
            assertThat(init.exitCode()).isEqualTo(3);
            assertThat(second.discover()).as("adopted once").isEmpty();
            assertThat(second.logs(stopped).toCompletableFuture().get(30, TimeUnit.SECONDS))
                    .extracting(l -> l.message()).containsExactly("done");

            second.stop(running, Duration.ofSeconds(5));

            assertThat(secondEvents.await(running, RuntimeEvent.Exited.class, DockerFixture.TIMEOUT).exitCode())
                    .isEqualTo(143);
            second.remove(running);
            second.remove(stopped);
            fx.awaitGone(started.runtimeId());
        }
    }
}
