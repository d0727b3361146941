package io.ecs4j.samples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.model.Deployment;
import io.ecs4j.model.DeploymentStatus;
import io.ecs4j.model.RolloutState;
import io.ecs4j.model.Service;
import io.ecs4j.model.ServiceStatus;
import io.ecs4j.model.Task;
import io.ecs4j.model.TaskDefinitionArn;
import io.ecs4j.model.TaskDefinitionStatus;
import io.ecs4j.model.TaskStatus;
import io.ecs4j.model.TaskStopCode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the quickstart once and checks that what it prints really happened. */
class QuickstartTest {
    private static Quickstart.Result result;
    private static String output;

    @BeforeAll
    static void runQuickstart() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        result = Quickstart.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        output = buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void run_standaloneTasks_endWithOneCrashedAndOneRunningTaskInTwoZones() {
        List<Task> tasks = result.standaloneTasks();

        assertThat(tasks).hasSize(2);
        assertThat(tasks).extracting(Task::availabilityZone).containsExactlyInAnyOrder("us-east-1a", "us-east-1b");
        Task crashed = tasks.get(0);
        assertThat(crashed.lastStatus()).isEqualTo(TaskStatus.STOPPED);
        assertThat(crashed.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
        assertThat(crashed.container("app").exitCode()).isEqualTo(1);
        assertThat(tasks.get(1).lastStatus()).isEqualTo(TaskStatus.RUNNING);
        assertThat(output).contains("task-definition/web:1")
                .contains("container sidecar RUNNING, HEALTHY")
                .contains("task is RUNNING")
                .contains("container app STOPPED (exit code 1, essential)")
                .contains("EssentialContainerExited: Essential container in task exited");
    }

    @Test
    void run_service_endsSteadyOnRevision2WithFourRunningTasksTwoPerZone() {
        Service service = result.service();

        assertThat(service.status()).isEqualTo(ServiceStatus.ACTIVE);
        assertThat(service.desiredCount()).isEqualTo(4);
        assertThat(service.runningCount()).isEqualTo(4);
        assertThat(service.pendingCount()).isZero();
        assertThat(service.deploymentConfiguration().minimumHealthyPercent()).isEqualTo(100);
        assertThat(service.deploymentConfiguration().maximumPercent()).isEqualTo(200);
        assertThat(service.deployments()).as("the revision 1 deployment is gone").singleElement()
                .satisfies(d -> {
                    assertThat(d.status()).isEqualTo(DeploymentStatus.PRIMARY);
                    assertThat(d.rolloutState()).isEqualTo(RolloutState.COMPLETED);
                    assertThat(d.taskDefinition().revision()).isEqualTo(2);
                });
        assertThat(result.serviceTasks()).hasSize(4).allSatisfy(t -> {
            assertThat(t.lastStatus()).isEqualTo(TaskStatus.RUNNING);
            assertThat(t.taskDefinitionArn().familyRevision()).isEqualTo("shop:2");
            assertThat(t.container("web").image()).isEqualTo("example/shop-web:1.1");
        });
        Map<String, Long> perZone = result.serviceTasks().stream()
                .collect(Collectors.groupingBy(Task::availabilityZone, Collectors.counting()));
        assertThat(perZone).containsExactlyInAnyOrderEntriesOf(Map.of("us-east-1a", 2L, "us-east-1b", 2L));
    }

    @Test
    void run_rollingUpdate_stopsEveryRevision1TaskForTheNewDeployment_withoutAFailedRequest() {
        Deployment primary = result.service().deployments().get(0);

        assertThat(result.stoppedServiceTasks()).hasSize(4).allSatisfy(t -> {
            assertThat(t.taskDefinitionArn().revision()).isEqualTo(1);
            assertThat(t.lastStatus()).isEqualTo(TaskStatus.STOPPED);
            assertThat(t.stopCode()).isEqualTo(TaskStopCode.SERVICE_SCHEDULER_INITIATED);
            assertThat(t.stoppedReason()).isEqualTo("Scaling activity initiated by (deployment " + primary.id() + ")");
        });
        assertThat(result.failedRequests()).isZero();
        assertThat(result.requestsByRevision()).containsOnlyKeys(1, 2).allSatisfy((revision, served) ->
                assertThat(served).isPositive());
        assertThat(output)
                .contains("deployments: PRIMARY shop:2 4/4 running (IN_PROGRESS) | ACTIVE shop:1 4/4 running")
                .contains("(service shop) has begun draining connections on")
                .contains("(service shop) (deployment " + primary.id() + ") deployment completed.")
                .contains("deployments: PRIMARY shop:2 4/4 running (COMPLETED)")
                .containsPattern("requests served: shop:1 \\d+, shop:2 \\d+; failed: 0");
        assertThat(output.split("\\(service shop\\) has reached a steady state\\.", -1))
                .as("steady state after CreateService and after UpdateService").hasSize(3);
    }

    @Test
    void run_revisions_listsShop1AndShop2_thenShop1IsInactive() {
        assertThat(result.revisions()).extracting(TaskDefinitionArn::familyRevision)
                .containsExactly("shop:1", "shop:2");
        assertThat(result.deregistered().taskDefinitionArn().familyRevision()).isEqualTo("shop:1");
        assertThat(result.deregistered().status()).isEqualTo(TaskDefinitionStatus.INACTIVE);
        assertThat(output).contains("ListTaskDefinitions family shop: [shop:1, shop:2]")
                .contains("ACTIVE revisions: [shop:2], INACTIVE: [shop:1]");
    }

    @Test
    void run_lastLine_reportsVirtualTimeAgainstWallTime() {
        String[] lines = output.strip().split("\\R");

        assertThat(lines[lines.length - 1]).matches("3 min 40 s of ECS in \\d+ ms of wall time\\..*");
        assertThat(lines.length).as("a compact timeline").isLessThan(120);
    }
}
