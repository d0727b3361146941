package io.ecs4j.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.core.command.CreateContainerCmdImpl;
import io.ecs4j.docker.RegistryCredentialsProvider;
import io.ecs4j.model.NetworkMode;
import io.ecs4j.model.TaskArn;
import io.ecs4j.model.TransportProtocol;
import io.ecs4j.spi.runtime.ContainerHandle;
import io.ecs4j.spi.runtime.ContainerLaunchSpec;
import io.ecs4j.spi.runtime.HealthCheckSpec;
import io.ecs4j.spi.runtime.MountSpec;
import io.ecs4j.spi.runtime.PortSpec;
import io.ecs4j.spi.runtime.TaskSandbox;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerConfigsTest {
    private static final TaskArn TASK = new TaskArn("us-east-1", "000000000000", "c1",
            "0123456789abcdef0123456789abcdef");
    private static final Settings SETTINGS = new Settings("127.0.0.1", "ecs4j-", RegistryCredentialsProvider.anonymous(),
            null, null, Map.of(), 4, Duration.ofMinutes(1));

    static ContainerLaunchSpec.Builder spec(TaskArn task, String name) {
        return ContainerLaunchSpec.builder()
                .handle(new ContainerHandle(task, name))
                .clusterName("c1")
                .containerArn("arn:aws:ecs:us-east-1:000000000000:container/c1/x/" + name)
                .taskDefinitionArn("arn:aws:ecs:us-east-1:000000000000:task-definition/fam:3")
                .family("fam").revision(3).group("service:svc")
                .image("local/busybox:1");
    }

    private static CreateContainerCmdImpl apply(ContainerLaunchSpec spec) {
        CreateContainerCmdImpl cmd = new CreateContainerCmdImpl(c -> {
            throw new UnsupportedOperationException("not sent anywhere");
        }, null, spec.image());
        ContainerConfigs.apply(cmd, spec, SETTINGS, "ecs4j-");
        return cmd;
    }

    @Test
    void apply_mapsProcessSettings() {
        var cmd = apply(spec(TASK, "web")
                .entryPoint(List.of("/bin/sh", "-c")).command(List.of("echo hi"))
                .environment(Map.of("A", "1")).workingDirectory("/w").user("1000").hostname("h")
                .stopTimeout(Duration.ofMillis(2500)).pseudoTerminal(true).interactive(true)
                .build());

        assertThat(cmd.getName()).isEqualTo("ecs-fam-3-web-" + TASK.taskId());
        assertThat(cmd.getEntrypoint()).containsExactly("/bin/sh", "-c");
        assertThat(cmd.getCmd()).containsExactly("echo hi");
        assertThat(cmd.getEnv()).containsExactly("A=1");
        assertThat(cmd.getWorkingDir()).isEqualTo("/w");
        assertThat(cmd.getUser()).isEqualTo("1000");
        assertThat(cmd.getHostName()).isEqualTo("h");
        assertThat(cmd.getStopTimeout()).as("rounded up to whole seconds").isEqualTo(3);
        assertThat(cmd.isTty()).isTrue();
        assertThat(cmd.isStdinOpen()).isTrue();
    }

    @Test
    void apply_mapsLimitsLikeTheAgent() {
        var host = apply(spec(TASK, "web").cpuShares(0).memoryLimitMiB(128).memoryReservationMiB(64)
                .privileged(true).readonlyRootFilesystem(true).initProcessEnabled(true).build()).getHostConfig();

        assertThat(host.getCpuShares()).as("ECS never passes fewer than 2 shares").isEqualTo(2);
        assertThat(host.getMemory()).isEqualTo(128L << 20);
        assertThat(host.getMemoryReservation()).isEqualTo(64L << 20);
        assertThat(host.getPrivileged()).isTrue();
        assertThat(host.getReadonlyRootfs()).isTrue();
        assertThat(host.getInit()).isTrue();
    }

    @Test
    void apply_mapsHealthCheckWithoutStartInterval() {
        var hc = apply(spec(TASK, "web").healthCheck(new HealthCheckSpec(List.of("CMD-SHELL", "true"),
                Duration.ofSeconds(30), Duration.ofSeconds(5), 3, Duration.ofSeconds(10))).build()).getHealthcheck();

        assertThat(hc.getTest()).containsExactly("CMD-SHELL", "true");
        assertThat(hc.getInterval()).isEqualTo(30_000_000_000L);
        assertThat(hc.getTimeout()).isEqualTo(5_000_000_000L);
        assertThat(hc.getRetries()).isEqualTo(3);
        assertThat(hc.getStartPeriod()).isEqualTo(10_000_000_000L);
        assertThat(hc.getStartInterval()).isNull();
    }

    @Test
    void apply_inBridgeMode_publishesOnTheBindAddressAndLinksByDockerName() {
        var cmd = apply(spec(TASK, "web")
                .ports(List.of(new PortSpec(80, 8080, TransportProtocol.TCP), new PortSpec(53, 0, TransportProtocol.UDP)))
                .links(List.of(new ContainerLaunchSpec.Link("db", "database")))
                .extraHosts(List.of("h:1.2.3.4"))
                .build());

        var host = cmd.getHostConfig();
        assertThat(host.getNetworkMode()).isEqualTo("bridge");
        Map<ExposedPort, Ports.Binding[]> bindings = host.getPortBindings().getBindings();
        assertThat(bindings.get(ExposedPort.tcp(80))).containsExactly(Ports.Binding.bindIpAndPort("127.0.0.1", 8080));
        assertThat(bindings.get(ExposedPort.udp(53))).containsExactly(Ports.Binding.bindIp("127.0.0.1"));
        assertThat(host.getLinks()[0].getName()).isEqualTo("ecs-fam-3-db-" + TASK.taskId());
        assertThat(host.getLinks()[0].getAlias()).isEqualTo("database");
        assertThat(host.getExtraHosts()).containsExactly("h:1.2.3.4");
    }

    @Test
    void apply_inAwsvpcMode_joinsThePauseContainerWithoutHostnameOrPorts() {
        var cmd = apply(spec(TASK, "web").networkMode(NetworkMode.AWSVPC).hostname("ignored")
                .ports(List.of(new PortSpec(80, 80, TransportProtocol.TCP)))
                .sandbox(new TaskSandbox(TASK, "pause123", "172.20.0.2", List.of())).build());

        assertThat(cmd.getHostConfig().getNetworkMode()).isEqualTo("container:pause123");
        assertThat(cmd.getHostName()).isNull();
        assertThat(cmd.getExposedPorts()).isNullOrEmpty();
        assertThat(cmd.getHostConfig().getPortBindings()).isNull();
    }

    @Test
    void apply_inAwsvpcModeWithoutSandbox_refuses() {
        assertThatThrownBy(() -> apply(spec(TASK, "web").networkMode(NetworkMode.AWSVPC).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prepareTask");
    }

    @Test
    void apply_mapsMountsScratchVolumesAndVolumesFrom() {
        var host = apply(spec(TASK, "web")
                .mounts(List.of(new MountSpec(MountSpec.Kind.BIND, "/srv/data", "/data", true),
                        new MountSpec(MountSpec.Kind.VOLUME, "shared", "/shared", false),
                        new MountSpec(MountSpec.Kind.TASK_SCRATCH, "tmp", "/scratch", false)))
                .volumesFrom(List.of(new ContainerLaunchSpec.VolumesFrom("init", true)))
                .build()).getHostConfig();

        assertThat(host.getBinds()).extracting(b -> b.getPath() + ":" + b.getVolume().getPath() + ":"
                + b.getAccessMode()).containsExactly("/srv/data:/data:ro", "shared:/shared:rw",
                "ecs4j-" + TASK.taskId() + "-tmp:/scratch:rw");
        assertThat(host.getVolumesFrom()[0].getContainer()).isEqualTo("ecs-fam-3-init-" + TASK.taskId());
        assertThat(host.getVolumesFrom()[0].getAccessMode()).isEqualTo(AccessMode.ro);
    }

    @Test
    void seconds_roundsUpAndClampsAtZero() {
        assertThat(ContainerConfigs.seconds(Duration.ZERO)).isZero();
        assertThat(ContainerConfigs.seconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(ContainerConfigs.seconds(Duration.ofSeconds(30))).isEqualTo(30);
        assertThat(ContainerConfigs.seconds(Duration.ofSeconds(-1))).isZero();
    }

    @Test
    void sinceParameter_isSecondsDotNanos() {
        assertThat(EventStream.sinceParameter(1_700_000_000_000_000_123L)).isEqualTo("1700000000.000000123");
    }
}
