package io.ecs4j.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecs4j.spi.runtime.ContainerHandle;
import io.ecs4j.spi.runtime.RuntimeCapability;
import io.ecs4j.spi.runtime.RuntimeProvider;
import java.time.Duration;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class DockerRuntimeTest {

    @Test
    void capabilities_areEverythingButScriptingAndVirtualTime() {
        try (DockerRuntime runtime = DockerRuntime.create()) {
            assertThat(runtime.name()).isEqualTo("docker");
            assertThat(runtime.capabilities()).containsExactlyInAnyOrder(RuntimeCapability.REAL_CONTAINERS,
                    RuntimeCapability.HEALTH_CHECKS, RuntimeCapability.PORT_PUBLISHING,
                    RuntimeCapability.AWSVPC_NETWORKING, RuntimeCapability.LOGS, RuntimeCapability.VOLUMES,
                    RuntimeCapability.DISCOVERY, RuntimeCapability.OOM_DETECTION, RuntimeCapability.IMAGE_PULL);
        }
    }

    @Test
    void operations_beforeStart_throwIllegalState() {
        try (DockerRuntime runtime = DockerRuntime.create()) {
            assertThatThrownBy(runtime::discover).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not started");
        }
    }

    @Test
    void operations_afterClose_throwIllegalState() {
        DockerRuntime runtime = DockerRuntime.create();
        runtime.close();
        runtime.close();   // idempotent

        assertThatThrownBy(() -> runtime.stop(new ContainerHandle(
                io.ecs4j.model.TaskArn.parse("arn:aws:ecs:us-east-1:000000000000:task/c/0123"), "x"), Duration.ZERO))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void start_whenNoEngineAnswers_failsNamingTheHost() {
        try (DockerRuntime runtime = DockerRuntime.builder().dockerHost("tcp://127.0.0.1:1").build()) {
            assertThatThrownBy(() -> runtime.start(new io.ecs4j.spi.runtime.RuntimeContext(
                    io.ecs4j.time.VirtualClock.create(), e -> { })))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no Docker engine answers at tcp://127.0.0.1:1");
        }
    }

    @Test
    void builder_rejectsInvalidSettings() {
        assertThatThrownBy(() -> DockerRuntime.builder().maxConcurrency(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DockerRuntime.builder().pullTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DockerRuntime.builder().stoppedContainerRetention(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void provider_isFoundByServiceLoaderWithPriorityMinus10() {
        RuntimeProvider provider = ServiceLoader.load(RuntimeProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("docker")).findFirst().orElseThrow();

        assertThat(provider).isInstanceOf(DockerRuntimeProvider.class);
        assertThat(provider.priority()).isEqualTo(-10);
        try (var runtime = provider.create()) {
            assertThat(runtime).isInstanceOf(DockerRuntime.class);
        }
    }

    @Test
    void hostCapacity_of_convertsToEcsUnits() {
        HostCapacity c = HostCapacity.of(2, 3L << 30);

        assertThat(c).isEqualTo(new HostCapacity(2, 2048, 3L << 30, 3072));
    }

    @Test
    void registryCredentials_toString_hidesThePassword() {
        assertThat(new RegistryCredentials("u", "secret").toString()).doesNotContain("secret");
    }
}
