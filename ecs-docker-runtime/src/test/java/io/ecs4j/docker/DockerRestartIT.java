package io.ecs4j.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.CreateContainerResponse;
import io.ecs4j.json.EcsJson;
import io.ecs4j.model.Task;
import io.ecs4j.model.TaskStatus;
import io.ecs4j.model.TaskStopCode;
import io.ecs4j.request.RunTaskRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A JVM restart: a new LocalEcs on the same engine re-adopts running tasks; nothing is duplicated or orphaned. */
@RequiresDocker
class DockerRestartIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(45);

    @Test
    void newLocalEcs_readoptsRunningTasks_withTheirArnsAndNoDuplicates() throws Exception {
        DockerLocalEcs first = new DockerLocalEcs();
        String runId = first.runId;
        Task original;
        int hostPort;
        try {
            first.ecs.registerTaskDefinition(EcsJson.readTaskDefinition("""
                    {"family": "web", "containerDefinitions": [
                      {"name": "app", "image": "local/busybox:1", "memory": 32,
                       "command": ["sh", "-c", "mkdir -p /w && echo still-here > /w/index.html && exec httpd -f -p 8080 -h /w"],
                       "portMappings": [{"containerPort": 8080}], "linuxParameters": {"initProcessEnabled": true},
                       "stopTimeout": 5}
                    ]}"""));
            original = first.ecs.runTask(RunTaskRequest.builder(null, "web").startedBy("before-restart").build())
                    .tasks().get(0);
            DockerLocalEcs.await("RUNNING", () -> first.task(original).lastStatus() == TaskStatus.RUNNING, TIMEOUT);
            hostPort = first.task(original).container("app").networkBindings().get(0).hostPort();
        } finally {
            first.closeKeepingContainers();
        }
        int containersBefore = first.docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(DockerFixture.RUN_LABEL, runId)).exec().size();

        try (DockerLocalEcs second = new DockerLocalEcs(runId, b -> b, false)) {
            assertThat(second.ecs.adoption().adoptedTaskArns()).containsExactly(original.taskArn().toString());
            Task adopted = second.task(original);
            assertThat(adopted.lastStatus()).isEqualTo(TaskStatus.RUNNING);
            assertThat(adopted.startedBy()).isEqualTo("before-restart");
            assertThat(adopted.containerInstanceArn()).isEqualTo(original.containerInstanceArn());
            assertThat(adopted.taskDefinitionArn()).isEqualTo(original.taskDefinitionArn());
            assertThat(second.ecs.describeTaskDefinition("web").revision()).isEqualTo(1);
            assertThat(second.ecs.findContainerInstance(null, original.containerInstanceArn().id()).orElseThrow()
                    .runningTasksCount()).isEqualTo(1);
            assertThat(DockerFixture.httpGet(hostPort)).contains("still-here");
            assertThat(second.docker.listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of(DockerFixture.RUN_LABEL, runId)).exec()).hasSize(containersBefore);

            second.ecs.stopTask(null, original.taskId(), "after restart");
            DockerLocalEcs.await("STOPPED", () -> second.task(original).lastStatus() == TaskStatus.STOPPED, TIMEOUT);
            Task stopped = second.task(original);
            assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.USER_INITIATED);
            assertThat(stopped.container("app").exitCode()).isEqualTo(143);
            assertThat(second.ecs.registerTaskDefinition(second.ecs.describeTaskDefinition("web")).revision())
                    .as("revisions are never reused after a restart").isEqualTo(2);
        }
    }

    @Test
    void containerWithoutTaskMetadata_isStoppedAsAnOrphan() {
        String runId = DockerFixture.newRunId();
        var docker = TestDocker.client();
        Map<String, String> labels = new HashMap<>();
        labels.put(DockerFixture.RUN_LABEL, runId);
        labels.put("io.ecs4j.managed", "true");
        labels.put("io.ecs4j.role", "container");
        labels.put("com.amazonaws.ecs.cluster", "default");
        labels.put("com.amazonaws.ecs.task-arn",
                "arn:aws:ecs:us-east-1:000000000000:task/default/0123456789abcdef0123456789abcdef");
        labels.put("com.amazonaws.ecs.container-name", "stray");
        CreateContainerResponse created = docker.createContainerCmd(DockerFixture.IMAGE)
                .withCmd("sleep", "300").withLabels(labels)
                .withHostConfig(com.github.dockerjava.api.model.HostConfig.newHostConfig().withInit(true)).exec();
        docker.startContainerCmd(created.getId()).exec();
        try (DockerLocalEcs d = new DockerLocalEcs(runId, b -> b, false)) {
            assertThat(d.ecs.adoption().stoppedOrphans()).containsExactly(created.getId());
            assertThat(d.ecs.adoption().adoptedTaskArns()).isEmpty();
            DockerLocalEcs.await("orphan stopped", () -> !Boolean.TRUE.equals(docker.inspectContainerCmd(created.getId())
                    .exec().getState().getRunning()), TIMEOUT);
            assertThat(d.ecs.findTask(null, "0123456789abcdef0123456789abcdef")).isEmpty();
        }
        assertThat(docker.listContainersCmd().withShowAll(true).withIdFilter(List.of(created.getId())).exec()).isEmpty();
    }
}
