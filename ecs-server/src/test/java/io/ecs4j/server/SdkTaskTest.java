package io.ecs4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DeleteTaskDefinitionsResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.SortOrder;
import software.amazon.awssdk.services.ecs.model.StartTaskResponse;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionFamilyStatus;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;
import software.amazon.awssdk.services.ecs.model.TaskField;
import software.amazon.awssdk.services.ecs.waiters.EcsWaiter;

/** Task definitions and tasks through the unmodified AWS SDK for Java v2, including its waiters. */
class SdkTaskTest {
    static final WaiterOverrideConfiguration FAST = WaiterOverrideConfiguration.builder()
            .backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofMillis(20)))
            .maxAttempts(250)
            .build();

    static ServerFixture fixture;
    static EcsClient ecs;

    @BeforeAll
    static void start() {
        fixture = new ServerFixture();
        ecs = fixture.client();
        ecs.createCluster(r -> r.clusterName("tasks"));
        ecs.registerContainerInstance(r -> r.cluster("tasks"));
        ecs.registerContainerInstance(r -> r.cluster("tasks"));
    }

    @AfterAll
    static void stop() {
        ecs.close();
        fixture.close();
    }

    static TaskDefinition register(String family) {
        return ecs.registerTaskDefinition(r -> r.family(family)
                .networkMode(NetworkMode.BRIDGE)
                .containerDefinitions(ContainerDefinition.builder()
                        .name("app").image("busybox:1").cpu(128).memory(256).essential(true)
                        .command("sleep", "3600")
                        .environment(KeyValuePair.builder().name("A").value("1").build())
                        .portMappings(PortMapping.builder().containerPort(8080).hostPort(0).build())
                        .build())).taskDefinition();
    }

    @Test
    void registerTaskDefinition_returnsNormalisedRevisionWithTags() {
        RegisterTaskDefinitionResponse r = ecs.registerTaskDefinition(b -> b.family("sdk-web")
                .requiresCompatibilities(software.amazon.awssdk.services.ecs.model.Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(ContainerDefinition.builder().name("web").image("nginx:1")
                        .portMappings(PortMapping.builder().containerPort(80).build()).build())
                .tags(Tag.builder().key("app").value("web").build()));

        TaskDefinition td = r.taskDefinition();
        assertThat(td.taskDefinitionArn()).isEqualTo("arn:aws:ecs:us-east-1:000000000000:task-definition/sdk-web:1");
        assertThat(td.revision()).isEqualTo(1);
        assertThat(td.status()).isEqualTo(TaskDefinitionStatus.ACTIVE);
        assertThat(td.cpu()).isEqualTo("256");
        assertThat(td.memory()).isEqualTo("512");
        assertThat(td.compatibilities()).isNotEmpty();
        assertThat(td.registeredAt()).isNotNull();
        assertThat(td.containerDefinitions().get(0).portMappings().get(0).hostPort()).isEqualTo(80);
        assertThat(r.tags()).extracting(Tag::key).containsExactly("app");
    }

    @Test
    void describeTaskDefinition_byFamily_returnsLatestActiveAndTagsWhenIncluded() {
        register("sdk-describe");
        register("sdk-describe");

        DescribeTaskDefinitionResponse plain = ecs.describeTaskDefinition(r -> r.taskDefinition("sdk-describe"));
        DescribeTaskDefinitionResponse tagged = ecs.describeTaskDefinition(r -> r.taskDefinition("sdk-describe:1")
                .include(TaskDefinitionField.TAGS));

        assertThat(plain.taskDefinition().revision()).isEqualTo(2);
        assertThat(plain.taskDefinition().containerDefinitions().get(0).environment())
                .containsExactly(KeyValuePair.builder().name("A").value("1").build());
        assertThat(plain.hasTags()).isFalse();
        assertThat(tagged.taskDefinition().revision()).isEqualTo(1);
        assertThat(tagged.hasTags()).isTrue();
    }

    @Test
    void describeTaskDefinition_unknown_throwsClientException() {
        assertThatThrownBy(() -> ecs.describeTaskDefinition(r -> r.taskDefinition("nope:3")))
                .isInstanceOf(ClientException.class)
                .hasMessageContaining("Unable to describe task definition.");
    }

    @Test
    void registerTaskDefinition_invalid_throwsClientExceptionInEcsWording() {
        assertThatThrownBy(() -> ecs.registerTaskDefinition(r -> r.family("bad family")
                .containerDefinitions(ContainerDefinition.builder().name("a").image("b").memory(64).build())))
                .isInstanceOf(ClientException.class)
                .hasMessageContaining("Family contains invalid characters.");
    }

    @Test
    void taskDefinitionLists_deregisterAndDelete() {
        register("sdk-list-a");
        register("sdk-list-a");
        register("sdk-list-b");

        List<String> desc = ecs.listTaskDefinitions(r -> r.familyPrefix("sdk-list-a").sort(SortOrder.DESC))
                .taskDefinitionArns();
        List<String> families = ecs.listTaskDefinitionFamiliesPaginator(r -> r.familyPrefix("sdk-list").maxResults(1))
                .families().stream().toList();
        TaskDefinition inactive = ecs.deregisterTaskDefinition(r -> r.taskDefinition("sdk-list-b:1")).taskDefinition();
        List<String> inactiveFamilies = ecs.listTaskDefinitionFamilies(r -> r.familyPrefix("sdk-list")
                .status(TaskDefinitionFamilyStatus.INACTIVE)).families();
        DeleteTaskDefinitionsResponse deleted = ecs.deleteTaskDefinitions(r -> r.taskDefinitions("sdk-list-b:1",
                "sdk-list-a:1"));

        assertThat(desc).containsExactly(
                "arn:aws:ecs:us-east-1:000000000000:task-definition/sdk-list-a:2",
                "arn:aws:ecs:us-east-1:000000000000:task-definition/sdk-list-a:1");
        assertThat(families).containsExactly("sdk-list-a", "sdk-list-b");
        assertThat(inactive.status()).isEqualTo(TaskDefinitionStatus.INACTIVE);
        assertThat(inactive.deregisteredAt()).isNotNull();
        assertThat(inactiveFamilies).containsExactly("sdk-list-b");
        assertThat(deleted.taskDefinitions()).singleElement()
                .satisfies(td -> assertThat(td.status()).isEqualTo(TaskDefinitionStatus.DELETE_IN_PROGRESS));
        assertThat(deleted.failures()).singleElement()
                .satisfies(f -> assertThat(f.arn()).endsWith("sdk-list-a:1"));
    }

    @Test
    void runTask_waitUntilRunning_thenStop_waitUntilStopped() {
        register("sdk-run");
        RunTaskResponse run = ecs.runTask(r -> r.cluster("tasks").taskDefinition("sdk-run").count(2)
                .startedBy("me").tags(Tag.builder().key("t").value("1").build()));

        assertThat(run.failures()).isEmpty();
        assertThat(run.tasks()).hasSize(2).allSatisfy(t -> {
            assertThat(t.lastStatus()).isEqualTo("PENDING");
            assertThat(t.desiredStatus()).isEqualTo("RUNNING");
            assertThat(t.launchType()).isEqualTo(LaunchType.EC2);
            assertThat(t.cpu()).isEqualTo("128");
            assertThat(t.memory()).isEqualTo("256");
            assertThat(t.group()).isEqualTo("family:sdk-run");
            assertThat(t.startedBy()).isEqualTo("me");
            assertThat(t.createdAt()).isNotNull();
            assertThat(t.containers()).singleElement().satisfies(c -> {
                assertThat(c.name()).isEqualTo("app");
                assertThat(c.memory()).isEqualTo("256");
            });
        });
        List<String> arns = run.tasks().stream().map(Task::taskArn).toList();

        try (EcsWaiter waiter = ecs.waiter()) {
            WaiterResponse<DescribeTasksResponse> running = waiter.waitUntilTasksRunning(
                    DescribeTasksRequest.builder().cluster("tasks").tasks(arns).build(), FAST);
            assertThat(running.matched().response()).hasValueSatisfying(d ->
                    assertThat(d.tasks()).allSatisfy(t -> {
                        assertThat(t.lastStatus()).isEqualTo("RUNNING");
                        assertThat(t.startedAt()).isNotNull();
                    }));
            DescribeTasksResponse tagged = ecs.describeTasks(r -> r.cluster("tasks").tasks(arns.get(0))
                    .include(TaskField.TAGS));
            assertThat(tagged.tasks().get(0).tags()).extracting(Tag::key).containsExactly("t");
            assertThat(ecs.describeTasks(r -> r.cluster("tasks").tasks(arns.get(0))).tasks().get(0).hasTags())
                    .as("tags only with include TAGS").isTrue();
            assertThat(ecs.describeTasks(r -> r.cluster("tasks").tasks(arns.get(0))).tasks().get(0).tags()).isEmpty();

            Task stopping = ecs.stopTask(r -> r.cluster("tasks").task(arns.get(0)).reason("done")).task();
            ecs.stopTask(r -> r.cluster("tasks").task(arns.get(1)));
            assertThat(stopping.desiredStatus()).isEqualTo("STOPPED");

            WaiterResponse<DescribeTasksResponse> stopped = waiter.waitUntilTasksStopped(
                    DescribeTasksRequest.builder().cluster("tasks").tasks(arns).build(), FAST);
            assertThat(stopped.matched().response()).hasValueSatisfying(d ->
                    assertThat(d.tasks()).allSatisfy(t -> {
                        assertThat(t.lastStatus()).isEqualTo("STOPPED");
                        assertThat(t.stoppedAt()).isNotNull();
                        assertThat(t.stopCodeAsString()).isEqualTo("UserInitiated");
                        assertThat(t.containers()).extracting(Container::exitCode).containsOnly(143);
                    }));
        }
        assertThat(ecs.describeTasks(r -> r.cluster("tasks").tasks(arns.get(0))).tasks().get(0).stoppedReason())
                .isEqualTo("done");
    }

    @Test
    void listTasks_filtersByDesiredStatusFamilyAndStartedBy() {
        register("sdk-list-tasks");
        List<String> arns = ecs.runTask(r -> r.cluster("tasks").taskDefinition("sdk-list-tasks").count(3)
                .startedBy("lister")).tasks().stream().map(Task::taskArn).toList();
        ecs.stopTask(r -> r.cluster("tasks").task(arns.get(2)));

        List<String> byFamily = ecs.listTasks(r -> r.cluster("tasks").family("sdk-list-tasks")).taskArns();
        List<String> byStarter = ecs.listTasksPaginator(r -> r.cluster("tasks").startedBy("lister").maxResults(1))
                .taskArns().stream().toList();
        List<String> stopped = ecs.listTasks(r -> r.cluster("tasks").family("sdk-list-tasks")
                .desiredStatus(DesiredStatus.STOPPED)).taskArns();

        assertThat(byFamily).containsExactlyInAnyOrder(arns.get(0), arns.get(1));
        assertThat(byStarter).containsExactlyInAnyOrder(arns.get(0), arns.get(1));
        assertThat(stopped).containsExactly(arns.get(2));
    }

    @Test
    void startTask_onNamedInstance_placesThere() {
        register("sdk-start");
        String instance = ecs.listContainerInstances(r -> r.cluster("tasks")).containerInstanceArns().get(0);

        StartTaskResponse started = ecs.startTask(r -> r.cluster("tasks").taskDefinition("sdk-start")
                .containerInstances(instance));

        assertThat(started.tasks()).singleElement()
                .satisfies(t -> assertThat(t.containerInstanceArn()).isEqualTo(instance));
    }

    @Test
    void describeTasks_missingAndOtherCluster_areMissingFailures() {
        register("sdk-missing");
        String arn = ecs.runTask(r -> r.cluster("tasks").taskDefinition("sdk-missing")).tasks().get(0).taskArn();
        ecs.createCluster(r -> r.clusterName("elsewhere"));

        DescribeTasksResponse r = ecs.describeTasks(b -> b.cluster("elsewhere").tasks(arn));

        assertThat(r.tasks()).isEmpty();
        assertThat(r.failures()).singleElement().satisfies(f -> assertThat(f.reason()).isEqualTo("MISSING"));
    }

    @Test
    void runTask_errors_areTyped() {
        register("sdk-errors");
        ecs.createCluster(r -> r.clusterName("empty"));

        assertThatThrownBy(() -> ecs.runTask(r -> r.cluster("ghost").taskDefinition("sdk-errors")))
                .isInstanceOf(ClusterNotFoundException.class);
        assertThatThrownBy(() -> ecs.runTask(r -> r.cluster("empty").taskDefinition("sdk-errors")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("No Container Instances were found in your cluster.");
        assertThatThrownBy(() -> ecs.runTask(r -> r.cluster("tasks").taskDefinition("sdk-errors").count(11)))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> ecs.runTask(r -> r.cluster("tasks").taskDefinition("ghost-family")))
                .isInstanceOf(ClientException.class);
        assertThatThrownBy(() -> ecs.describeTasks(r -> r.cluster("tasks").tasks(List.of())))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Tasks cannot be empty.");
        assertThatThrownBy(() -> ecs.stopTask(r -> r.cluster("tasks").task("0123456789abcdef0123456789abcdef")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("The referenced task was not found");
    }
}
