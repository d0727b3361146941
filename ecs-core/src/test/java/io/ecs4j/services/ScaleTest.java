package io.ecs4j.services;

import static io.ecs4j.services.ServiceTestSupport.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.model.Task;
import io.ecs4j.model.TaskStatus;
import io.ecs4j.model.TaskStopCode;
import io.ecs4j.request.UpdateServiceRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Scaling a service out and in: what is launched, what is stopped first, and why. */
class ScaleTest {
    private final ServiceTestSupport env = new ServiceTestSupport();

    @AfterEach
    void tearDown() {
        env.close();
    }

    private void scale(int desired) {
        env.ecs.updateService(UpdateServiceRequest.builder("default", "web").desiredCount(desired).build());
    }

    private Map<String, Long> perZone() {
        return env.tasks("web").stream().collect(Collectors.groupingBy(Task::availabilityZone, Collectors.counting()));
    }

    @Test
    void scaleOut_launchesTheDifference() {
        env.instance("us-east-1a");
        env.taskDefinition("web");
        env.create(service("web", "web", 2));
        env.awaitSteady("web");

        scale(6);

        assertThat(env.tasks("web")).hasSize(6);
        assertThat(env.messages("web").get(0)).startsWith("(service web) has started 4 tasks: ");
        env.awaitSteady("web");
    }

    @Test
    void defaultStrategy_spreadsOverZonesThenInstances() {
        for (String zone : List.of("us-east-1a", "us-east-1b", "us-east-1c")) {
            env.instance(zone);
            env.instance(zone);
        }
        env.taskDefinition("web");

        env.create(service("web", "web", 6));

        assertThat(perZone()).containsOnly(Map.entry("us-east-1a", 2L), Map.entry("us-east-1b", 2L),
                Map.entry("us-east-1c", 2L));
        assertThat(env.tasks("web").stream().map(Task::containerInstanceArn).distinct()).hasSize(6);
    }

    @Test
    void serviceStrategy_binpackFillsOneInstanceFirst() {
        env.instance("us-east-1a");
        env.instance("us-east-1b");
        env.taskDefinition("web");

        env.create(service("web", "web", 4).placementStrategy(io.ecs4j.model.PlacementStrategy.binpack("memory")));

        assertThat(env.tasks("web").stream().map(Task::containerInstanceArn).distinct()).hasSize(1);
    }

    @Test
    void scaleIn_stopsTheExcessAndKeepsZonesBalanced() {
        env.instance("us-east-1a");
        env.instance("us-east-1b");
        env.taskDefinition("web");
        env.create(service("web", "web", 6));
        env.awaitSteady("web");

        scale(2);

        assertThat(perZone()).containsOnly(Map.entry("us-east-1a", 1L), Map.entry("us-east-1b", 1L));
        List<String> stopped = env.ecs.listTasks(io.ecs4j.request.ListTasksRequest.builder()
                .desiredStatus(io.ecs4j.model.DesiredStatus.STOPPED).build()).items();
        assertThat(stopped).hasSize(4);
        Task one = env.ecs.findTask("default", stopped.get(0)).orElseThrow();
        assertThat(one.stopCode()).isEqualTo(TaskStopCode.SERVICE_SCHEDULER_INITIATED);
        assertThat(one.stoppedReason()).isEqualTo("Scaling activity initiated by (deployment "
                + env.service("web").deployments().get(0).id() + ")");
        assertThat(env.messages("web").subList(0, 2)).satisfiesExactly(
                m -> assertThat(m).isEqualTo("(service web) has reached a steady state."),
                m -> assertThat(m).startsWith("(service web) has stopped 4 running tasks: "));
        assertThat(env.service("web").isStable()).isTrue();
    }

    @Test
    void scaleIn_stopsTasksThatAreNotRunningYetFirst() {
        env.instance("us-east-1a");
        env.taskDefinition("web");
        env.create(service("web", "web", 2));
        env.awaitSteady("web");
        List<String> running = env.tasks("web").stream().map(Task::taskId).toList();
        env.runtime.startDelay = spec -> Duration.ofMinutes(5);
        scale(4);
        assertThat(env.tasks("web")).filteredOn(t -> t.lastStatus() == TaskStatus.PENDING).hasSize(2);

        scale(2);

        assertThat(env.tasks("web")).extracting(Task::taskId).containsExactlyInAnyOrderElementsOf(running);
    }

    @Test
    void scaleToZero_stopsEverything_andIsSteady() {
        env.instance("us-east-1a");
        env.taskDefinition("web");
        env.create(service("web", "web", 3));
        env.awaitSteady("web");

        scale(0);

        assertThat(env.tasks("web")).isEmpty();
        assertThat(env.service("web").isStable()).isTrue();
        assertThat(env.service("web").runningCount()).isZero();
    }
}
