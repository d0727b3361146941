package io.ecs4j.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.spi.runtime.ContainerHandle;
import io.ecs4j.spi.runtime.RuntimeEvent;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The runtime remembers images it saw present; what Docker says later corrects the memory. */
@RequiresDocker
class DockerImageIT {
    private DockerFixture fx;
    private String image;

    @BeforeEach
    void setUp() {
        fx = new DockerFixture();
        // a tag of its own, on a registry that refuses at once: a pull of it fails fast
        image = "localhost:1/ecs4j-it-" + fx.runId + ":1";
        tag();
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            fx.docker.removeImageCmd(image).exec();
        } catch (com.github.dockerjava.api.exception.NotFoundException e) {
            // untagged by the test
        } finally {
            fx.close();
        }
    }

    private void tag() {
        fx.docker.tagImageCmd(DockerFixture.IMAGE, image.substring(0, image.lastIndexOf(':')), "1").exec();
    }

    @Test
    void launch_afterTheImageWasRemovedBehindItsBack_pullsAgainInsteadOfFailingTheCreate() {
        ContainerHandle first = fx.launch(fx.spec(fx.newTask(), "app", "exit 0").image(image).build());
        assertThat(fx.awaitExited(first).exitCode()).isZero();
        fx.docker.removeImageCmd(image).exec();   // only the tag goes: busybox keeps its own

        ContainerHandle second = fx.launch(fx.spec(fx.newTask(), "app", "exit 0").image(image).build());

        RuntimeEvent.LaunchFailed failed = fx.events.await(second, RuntimeEvent.LaunchFailed.class,
                Duration.ofSeconds(10));
        assertThat(failed.errorName()).isEqualTo("CannotPullContainerError");
        assertThat(failed.detail()).contains("localhost:1");

        tag();
        ContainerHandle third = fx.launch(fx.spec(fx.newTask(), "app", "exit 0").image(image).build());
        assertThat(fx.awaitExited(third).exitCode()).as("present again: found without a pull").isZero();
    }
}
