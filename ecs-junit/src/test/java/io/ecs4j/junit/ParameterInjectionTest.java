package io.ecs4j.junit;

import static io.ecs4j.junit.EcsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.LocalEcs;
import io.ecs4j.inmemory.InMemoryRuntime;
import io.ecs4j.model.ContainerInstance;
import io.ecs4j.model.Service;
import io.ecs4j.request.ListContainerInstancesRequest;
import io.ecs4j.time.TimeSource;
import io.ecs4j.time.VirtualClock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@LocalEcsTest(instances = 3)
class ParameterInjectionTest {
    private LocalEcs fromBeforeEach;

    @BeforeEach
    void setUp(LocalEcs ecs) {
        fromBeforeEach = ecs;
    }

    @Test
    void parameters_areTheFixturesLocalEcsClockRuntimeAndWait(LocalEcs ecs, VirtualClock clock, InMemoryRuntime runtime,
                                                             TimeSource time, EcsWait wait) {
        assertThat(ecs).isSameAs(fromBeforeEach);
        assertThat(ecs.state()).isEqualTo(LocalEcs.State.RUNNING);
        assertThat(ecs.timeSource()).isSameAs(clock).isSameAs(time);
        assertThat(ecs.runtime()).isSameAs(runtime);
        assertThat(clock.instant()).isEqualTo(VirtualClock.DEFAULT_START);
        assertThat(wait.timeout()).isEqualTo(EcsWait.DEFAULT_VIRTUAL_TIMEOUT);
        assertThat(ecs.region()).isEqualTo("us-east-1");
    }

    @Test
    void instances_areRegisteredRoundRobinOverThreeZones(LocalEcs ecs) {
        List<String> ids = ecs.listContainerInstances(ListContainerInstancesRequest.builder().build()).items();
        List<ContainerInstance> instances = ecs.describeContainerInstances("default", ids).items();

        assertThat(instances).extracting(ContainerInstance::availabilityZone)
                .containsExactlyInAnyOrder("us-east-1a", "us-east-1b", "us-east-1c");
        instances.forEach(i -> assertThat(i).isActive().hasRegisteredCpu(2048).hasRemainingMemory(7680));
    }

    @Test
    void service_reachesSteadyStateInVirtualTime(LocalEcs ecs, EcsWait wait, VirtualClock clock) {
        TestData.service(ecs, "default", "web", "acme/web:1", 3);

        Service web = wait.untilSteadyState("default", "web");

        assertThat(web).hasRunningCount(3).isSteady().hasTaskDefinition("web:1")
                .hasEventContaining("has reached a steady state.");
        assertThat(clock.instant()).isAfter(VirtualClock.DEFAULT_START);
    }
}
