package io.ecs4j.engine;

import static io.ecs4j.testing.Fixtures.container;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.EcsErrorCode;
import io.ecs4j.EcsException;
import io.ecs4j.LocalEcs;
import io.ecs4j.model.Attribute;
import io.ecs4j.model.ContainerInstance;
import io.ecs4j.model.Failure;
import io.ecs4j.model.PlacementConstraint;
import io.ecs4j.model.PlacementStrategy;
import io.ecs4j.model.Task;
import io.ecs4j.model.TaskDefinition;
import io.ecs4j.request.ListAttributesRequest;
import io.ecs4j.request.ListContainerInstancesRequest;
import io.ecs4j.request.ListTasksRequest;
import io.ecs4j.request.PlacementExplanation;
import io.ecs4j.request.PlacementPlan;
import io.ecs4j.request.RunTaskRequest;
import io.ecs4j.testing.Fixtures;
import io.ecs4j.testing.RecordingRuntime;
import io.ecs4j.time.VirtualClock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Placement through the public API: strategies, constraints, attributes, plan, explain, filters. */
class PlacementApiTest {
    private final VirtualClock clock = VirtualClock.create();
    private LocalEcs ecs;
    private ContainerInstance a1;
    private ContainerInstance a2;
    private ContainerInstance b1;

    @BeforeEach
    void setUp() {
        ecs = Fixtures.localEcs(clock, new RecordingRuntime().autoStart());
        a1 = ecs.registerContainerInstance(Fixtures.instance(null, "us-east-1a").build());
        a2 = ecs.registerContainerInstance(Fixtures.instance(null, "us-east-1a").instanceType("c5.large").build());
        b1 = ecs.registerContainerInstance(Fixtures.instance(null, "us-east-1b").build());
        ecs.registerTaskDefinition(Fixtures.taskDefinition("web").build());
    }

    @AfterEach
    void tearDown() {
        ecs.close();
    }

    private static EcsException ecsError(Runnable call) {
        try {
            call.run();
        } catch (EcsException e) {
            return e;
        }
        throw new AssertionError("expected an EcsException");
    }

    @Test
    void runTask_spreadOverZones_balancesTheGroup() {
        List<Task> tasks = ecs.runTask(RunTaskRequest.builder(null, "web").count(4)
                .placementStrategy(PlacementStrategy.spread("attribute:ecs.availability-zone")).build()).tasks();
        assertThat(tasks).extracting(Task::availabilityZone)
                .containsExactlyInAnyOrder("us-east-1a", "us-east-1a", "us-east-1b", "us-east-1b");
    }

    @Test
    void runTask_memberOfInstanceType_placesOnlyOnMatchingInstances() {
        List<Task> tasks = ecs.runTask(RunTaskRequest.builder(null, "web").count(3)
                .placementConstraints(PlacementConstraint.memberOf("attribute:ecs.instance-type =~ m5.*")).build())
                .tasks();
        assertThat(tasks).extracting(t -> t.containerInstanceArn().id()).allMatch(id ->
                id.equals(a1.id()) || id.equals(b1.id()));
    }

    @Test
    void runTask_distinctInstance_reportsTheTasksThatCannotBePlaced() {
        var result = ecs.runTask(RunTaskRequest.builder(null, "web").count(4)
                .placementConstraints(PlacementConstraint.distinctInstance()).build());
        assertThat(result.tasks()).extracting(t -> t.containerInstanceArn().id()).doesNotHaveDuplicates().hasSize(3);
        assertThat(result.failures()).hasSize(1);
    }

    @Test
    void runTask_malformedExpression_isRejectedWithPosition() {
        EcsException e = ecsError(() -> ecs.runTask(RunTaskRequest.builder(null, "web")
                .placementConstraints(PlacementConstraint.memberOf("attribute:ecs.instance-type ==")).build()));
        assertThat(e.code()).isEqualTo(EcsErrorCode.INVALID_PARAMETER);
        assertThat(e.getMessage()).containsIgnoringCase("position");
        assertThat(ecs.listTasks(ListTasksRequest.builder().build()).items()).isEmpty();
    }

    @Test
    void putAttributes_thenConstraintOnCustomAttribute() {
        ecs.putAttributes(null, List.of(new Attribute("stack", "prod", null, b1.id())));
        assertThat(ecs.findContainerInstance(null, b1.id()).orElseThrow().attribute("stack")).isEqualTo("prod");
        List<Task> tasks = ecs.runTask(RunTaskRequest.builder(null, "web").count(2)
                .placementConstraints(PlacementConstraint.memberOf("attribute:stack == prod")).build()).tasks();
        assertThat(tasks).extracting(t -> t.containerInstanceArn().id()).containsOnly(b1.id());

        assertThat(ecs.listAttributes(ListAttributesRequest.builder().attributeName("stack").build()).items())
                .singleElement().satisfies(a -> assertThat(a.targetId()).isEqualTo(b1.containerInstanceArn().toString()));
        ecs.deleteAttributes(null, List.of(new Attribute("stack", null, null, b1.id())));
        assertThat(ecs.findContainerInstance(null, b1.id()).orElseThrow().attribute("stack")).isNull();
    }

    @Test
    void putAttributes_rejectsReservedNamesUnknownTargetsAndTooMany() {
        assertThat(ecsError(() -> ecs.putAttributes(null, List.of(new Attribute("ecs.mine", "x", null, a1.id()))))
                .field()).isEqualTo("attributes[0].name");
        assertThat(ecsError(() -> ecs.putAttributes(null,
                List.of(new Attribute("x", "y", null, "0123456789abcdef0123456789abcdef")))).code())
                .isEqualTo(EcsErrorCode.TARGET_NOT_FOUND);
        List<Attribute> eleven = new java.util.ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(new Attribute("custom" + i, "v", null, a1.id()));
        }
        assertThat(ecsError(() -> ecs.putAttributes(null, eleven)).code())
                .isEqualTo(EcsErrorCode.ATTRIBUTE_LIMIT_EXCEEDED);
        assertThat(ecs.findContainerInstance(null, a1.id()).orElseThrow().attribute("custom0")).isNull();
    }

    @Test
    void plan_answersWithoutPlacingAnything() {
        ecs.registerTaskDefinition(TaskDefinition.builder("big").containerDefinitions(
                container("app").memory(7000).build()).build());
        PlacementPlan plan = ecs.plan(RunTaskRequest.builder(null, "big").count(4).build());
        assertThat(plan.containerInstanceArns()).hasSize(3).doesNotHaveDuplicates();
        assertThat(plan.failures()).extracting(Failure::reason).containsExactly("RESOURCE:MEMORY");
        assertThat(ecs.listTasks(ListTasksRequest.builder().build()).items()).isEmpty();
        assertThat(ecs.findContainerInstance(null, a1.id()).orElseThrow().remaining("MEMORY"))
                .isEqualTo(a1.registered("MEMORY"));
    }

    @Test
    void explain_namesTheFilterThatRemovedEachCandidate() {
        PlacementExplanation explanation = ecs.explain(RunTaskRequest.builder(null, "web")
                .placementConstraints(PlacementConstraint.memberOf("attribute:ecs.availability-zone == us-east-1b"))
                .build());
        assertThat(explanation.chosenContainerInstanceArn()).isEqualTo(b1.containerInstanceArn().toString());
        assertThat(explanation.candidates()).hasSize(3);
        assertThat(explanation.candidates()).filteredOn(c -> c.rejection() != null).hasSize(2);
    }

    @Test
    void listContainerInstances_filterUsesTheQueryLanguage() {
        var page = ecs.listContainerInstances(ListContainerInstancesRequest.builder()
                .filter("attribute:ecs.availability-zone == us-east-1a and attribute:ecs.instance-type == c5.large")
                .build());
        assertThat(page.items()).containsExactly(a2.containerInstanceArn().toString());
    }

    @Test
    void runTask_onDisconnectedAgent_reportsAgentFailure() {
        ecs.setAgentConnected(null, a1.id(), false);
        ecs.setAgentConnected(null, a2.id(), false);
        ecs.setAgentConnected(null, b1.id(), false);
        var result = ecs.runTask(RunTaskRequest.builder(null, "web").build());
        assertThat(result.tasks()).isEmpty();
        assertThat(result.failures()).extracting(Failure::reason).containsExactly("AGENT");
    }

    @Test
    void distinctInstance_ignoresTasksAlreadyBeingStopped() {
        ecs.createCluster("solo");
        ecs.registerContainerInstance(Fixtures.instance("solo", "us-east-1a").build());
        RunTaskRequest request = RunTaskRequest.builder("solo", "web").group("singleton")
                .placementConstraints(PlacementConstraint.distinctInstance()).build();
        Task first = ecs.runTask(request).tasks().get(0);
        assertThat(ecs.runTask(request).failures()).hasSize(1);
        ecs.stopTask("solo", first.taskId(), null);   // the recording runtime never reports the exit: STOPPING
        assertThat(ecs.findTask("solo", first.taskId()).orElseThrow().lastStatus().value()).isEqualTo("STOPPING");
        assertThat(ecs.runTask(request).tasks()).hasSize(1);
    }
}
