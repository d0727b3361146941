package io.ecs4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.EcsErrorCode;
import io.ecs4j.EcsException;
import io.ecs4j.LocalEcs;
import io.ecs4j.model.ContainerInstance;
import io.ecs4j.model.Service;
import io.ecs4j.model.Tag;
import io.ecs4j.model.Task;
import io.ecs4j.model.TaskDefinition;
import io.ecs4j.request.CreateServiceRequest;
import io.ecs4j.request.RunTaskRequest;
import io.ecs4j.testing.Fixtures;
import io.ecs4j.testing.RecordingRuntime;
import io.ecs4j.time.VirtualClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResourceTagsTest {
    private final VirtualClock clock = VirtualClock.create();
    private LocalEcs ecs;

    @BeforeEach
    void setUp() {
        ecs = Fixtures.localEcs(clock, new RecordingRuntime().autoStart());
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
    void tagUntagList_workForEveryTaggableResource() {
        ContainerInstance ci = ecs.registerContainerInstance(Fixtures.instance(null, "us-east-1a").build());
        TaskDefinition td = ecs.registerTaskDefinition(Fixtures.taskDefinition("web").build());
        Task task = ecs.runTask(RunTaskRequest.builder(null, "web").build()).tasks().get(0);
        Service service = ecs.createService(CreateServiceRequest.builder().serviceName("api").taskDefinition("web")
                .desiredCount(1).build());
        List<String> arns = List.of(ecs.findCluster(null).orElseThrow().clusterArn().toString(),
                ci.containerInstanceArn().toString(), td.taskDefinitionArn().toString(), task.taskArn().toString(),
                service.serviceArn().toString());
        for (String arn : arns) {
            ecs.tagResource(arn, List.of(Tag.of("team", "a"), Tag.of("env", "dev")));
            ecs.tagResource(arn, List.of(Tag.of("env", "prod")));
            assertThat(ecs.listTagsForResource(arn)).as(arn).containsExactly(Tag.of("team", "a"), Tag.of("env", "prod"));
            ecs.untagResource(arn, List.of("team", "absent"));
            assertThat(ecs.listTagsForResource(arn)).as(arn).containsExactly(Tag.of("env", "prod"));
        }
        assertThat(ecs.describeTasks(null, List.of(task.taskId())).items().get(0).tags())
                .containsExactly(Tag.of("env", "prod"));
    }

    @Test
    void tagResource_rejectsUnknownResourcesReservedKeysAndTooManyTags() {
        assertThat(ecsError(() -> ecs.tagResource("arn:aws:ecs:us-east-1:000000000000:task/default/"
                + "0123456789abcdef0123456789abcdef", List.of(Tag.of("a", "b")))).code())
                .isEqualTo(EcsErrorCode.RESOURCE_NOT_FOUND);
        assertThat(ecsError(() -> ecs.tagResource("arn:aws:ecs:us-east-1:000000000000:cluster/ghost",
                List.of(Tag.of("a", "b")))).code()).isEqualTo(EcsErrorCode.CLUSTER_NOT_FOUND);
        String cluster = ecs.findCluster(null).orElseThrow().clusterArn().toString();
        assertThat(ecsError(() -> ecs.tagResource(cluster, List.of(Tag.of("aws:x", "b")))).field())
                .isEqualTo("tags[0].key");
        List<Tag> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(Tag.of("k" + i, "v"));
        }
        assertThat(ecsError(() -> ecs.tagResource(cluster, many)).code()).isEqualTo(EcsErrorCode.INVALID_PARAMETER);
        assertThat(ecs.listTagsForResource(cluster)).isEmpty();
        assertThat(ecsError(() -> ecs.tagResource("arn:aws:ecs:us-east-1:000000000000:task/0123456789abcdef0123456789abcdef",
                List.of(Tag.of("a", "b")))).getMessage()).isEqualTo("Long arn format must be used for tagging operations");
    }
}
