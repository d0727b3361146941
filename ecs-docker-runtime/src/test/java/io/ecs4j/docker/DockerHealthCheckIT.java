package io.ecs4j.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.model.HealthStatus;
import io.ecs4j.spi.runtime.ContainerHandle;
import io.ecs4j.spi.runtime.HealthCheckSpec;
import io.ecs4j.spi.runtime.RuntimeEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@RequiresDocker
class DockerHealthCheckIT {
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
    void launch_withHealthCheck_reportsHealthyThenUnhealthyAfterStarted() {
        // healthy while /ok exists (the busybox image has no /tmp), then unhealthy once the script removes it
        ContainerHandle h = fx.launch(fx.spec(fx.newTask(), "app", "touch /ok; sleep 2; rm /ok; sleep 300")
                .initProcessEnabled(true)
                .healthCheck(new HealthCheckSpec(List.of("CMD-SHELL", "test -f /ok"), Duration.ofMillis(300),
                        Duration.ofSeconds(2), 1, Duration.ZERO))
                .build());

        fx.events.await(h, RuntimeEvent.HealthChanged.class, DockerFixture.TIMEOUT);
        fx.events.await(RuntimeEvent.HealthChanged.class,
                e -> e.handle().equals(h) && e.status() == HealthStatus.UNHEALTHY, DockerFixture.TIMEOUT);

        List<RuntimeEvent> events = fx.events.of(h);
        assertThat(events).filteredOn(e -> e instanceof RuntimeEvent.HealthChanged)
                .extracting(e -> ((RuntimeEvent.HealthChanged) e).status())
                .containsExactly(HealthStatus.HEALTHY, HealthStatus.UNHEALTHY);
        assertThat(events.indexOf(events.stream().filter(e -> e instanceof RuntimeEvent.Started).findFirst()
                .orElseThrow())).isLessThan(events.indexOf(events.stream()
                .filter(e -> e instanceof RuntimeEvent.HealthChanged).findFirst().orElseThrow()));
        fx.runtime.stop(h, Duration.ofSeconds(5));
        assertThat(fx.awaitExited(h).exitCode()).isEqualTo(143);
    }

    @Test
    void launch_whenCheckNeverPasses_reportsUnhealthyOnly() {
        ContainerHandle h = fx.launch(fx.spec(fx.newTask(), "app", "sleep 300").initProcessEnabled(true)
                .healthCheck(new HealthCheckSpec(List.of("CMD", "false"), Duration.ofMillis(200),
                        Duration.ofSeconds(2), 2, Duration.ZERO))
                .build());

        RuntimeEvent.HealthChanged changed = fx.events.await(h, RuntimeEvent.HealthChanged.class,
                DockerFixture.TIMEOUT);

        assertThat(changed.status()).isEqualTo(HealthStatus.UNHEALTHY);
        fx.runtime.stop(h, Duration.ofSeconds(5));
        fx.awaitExited(h);
    }
}
