package io.ecs4j.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.model.NetworkMode;
import io.ecs4j.model.TaskArn;
import io.ecs4j.spi.runtime.ContainerHandle;
import io.ecs4j.spi.runtime.ContainerLaunchSpec;
import io.ecs4j.spi.runtime.MountSpec;
import io.ecs4j.spi.runtime.RuntimeEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@RequiresDocker
class DockerVolumesIT {
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
    void launch_withBindMount_readsAndWritesTheHostDirectory(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("in.txt"), "from-host");
        ContainerHandle h = fx.launch(fx.spec(fx.newTask(), "app", "cat /data/in.txt > /data/out.txt")
                .mounts(List.of(new MountSpec(MountSpec.Kind.BIND, dir.toString(), "/data", false))).build());

        assertThat(fx.awaitExited(h).exitCode()).isZero();
        assertThat(Files.readString(dir.resolve("out.txt")).strip()).isEqualTo("from-host");
    }

    @Test
    void launch_withReadOnlyMount_cannotWrite(@TempDir Path dir) {
        ContainerHandle h = fx.launch(fx.spec(fx.newTask(), "app", "touch /data/x")
                .mounts(List.of(new MountSpec(MountSpec.Kind.BIND, dir.toString(), "/data", true))).build());

        assertThat(fx.awaitExited(h).exitCode()).isNotZero();
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void launch_withNamedVolume_keepsDataAcrossContainers() {
        String volume = "ecs4j-it-" + fx.runId + "-shared";
        try {
            MountSpec mount = new MountSpec(MountSpec.Kind.VOLUME, volume, "/v", false);
            ContainerHandle writer = fx.launch(fx.spec(fx.newTask(), "writer", "echo kept > /v/f")
                    .mounts(List.of(mount)).build());
            assertThat(fx.awaitExited(writer).exitCode()).isZero();
            ContainerHandle reader = fx.launch(fx.spec(fx.newTask(), "reader", "grep -qx kept /v/f")
                    .mounts(List.of(mount)).build());
            assertThat(fx.awaitExited(reader).exitCode()).isZero();
        } finally {
            fx.containers(java.util.Map.of()).forEach(c ->
                    fx.docker.removeContainerCmd(c.getId()).withForce(true).exec());
            fx.docker.removeVolumeCmd(volume).exec();
        }
    }

    @Test
    void taskScratchVolume_isSharedWithinTheTask_andRemovedWithIt() throws Exception {
        TaskArn task = fx.newTask();
        MountSpec scratch = new MountSpec(MountSpec.Kind.TASK_SCRATCH, "scratch", "/scratch", false);
        ContainerHandle writer = fx.launch(fx.spec(task, "writer", "echo shared > /scratch/f")
                .mounts(List.of(scratch)).build());
        assertThat(fx.awaitExited(writer).exitCode()).isZero();
        ContainerHandle reader = fx.launch(fx.spec(task, "reader", "grep -qx shared /scratch/f")
                .mounts(List.of(scratch)).build());
        assertThat(fx.awaitExited(reader).exitCode()).isZero();
        assertThat(scratchVolumes(task)).hasSize(1);

        var sandbox = fx.sandboxSpec(task, NetworkMode.BRIDGE, List.of(), List.of());
        fx.runtime.releaseTask(sandbox);   // containers still exist: the volume waits for them
        fx.runtime.remove(writer);
        fx.runtime.remove(reader);

        long deadline = System.nanoTime() + DockerFixture.TIMEOUT.toNanos();
        while (!scratchVolumes(task).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(scratchVolumes(task)).isEmpty();
    }

    @Test
    void launch_withVolumesFrom_mountsTheOtherContainersVolumes(@TempDir Path dir) throws Exception {
        TaskArn task = fx.newTask();
        ContainerHandle source = fx.launch(fx.spec(task, "source", "echo src > /shared/f")
                .mounts(List.of(new MountSpec(MountSpec.Kind.BIND, dir.toString(), "/shared", false))).build());
        assertThat(fx.awaitExited(source).exitCode()).isZero();

        ContainerHandle reader = fx.launch(fx.spec(task, "reader", "grep -qx src /shared/f && ! touch /shared/g")
                .volumesFrom(List.of(new ContainerLaunchSpec.VolumesFrom("source", true))).build());

        RuntimeEvent.Exited exited = fx.awaitExited(reader);
        assertThat(exited.exitCode()).as("read through volumesFrom, read-only").isZero();
        assertThat(dir.resolve("g")).doesNotExist();
    }

    private List<String> scratchVolumes(TaskArn task) {
        var volumes = fx.docker.listVolumesCmd()
                .withFilter("label", List.of("com.amazonaws.ecs.task-arn=" + task, "io.ecs4j.role=scratch"))
                .exec().getVolumes();
        return volumes == null ? List.of() : volumes.stream().map(v -> v.getName()).toList();
    }
}
