package io.ecs4j.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

@RequiresDocker
class DockerHostCapacityIT {

    @Test
    void hostCapacity_reportsTheEnginesCpusAndMemoryInEcsUnits() throws Exception {
        try (DockerRuntime runtime = DockerRuntime.create(); var docker = TestDocker.client()) {
            var info = docker.infoCmd().exec();

            HostCapacity capacity = runtime.hostCapacity();

            assertThat(capacity.cpus()).isEqualTo(info.getNCPU()).isPositive();
            assertThat(capacity.cpuUnits()).isEqualTo(info.getNCPU() * 1024);
            assertThat(capacity.memoryBytes()).isEqualTo(info.getMemTotal());
            assertThat(capacity.memoryMiB()).isEqualTo(info.getMemTotal() / (1024 * 1024));
        }
    }
}
