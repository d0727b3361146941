package io.ecs4j.junit;

import static io.ecs4j.junit.EcsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.ecs4j.LocalEcs;
import io.ecs4j.junit.LocalEcsTest.RuntimeType;
import io.ecs4j.model.ContainerDefinition;
import io.ecs4j.model.Task;
import io.ecs4j.model.TaskDefinition;
import io.ecs4j.model.TaskStopCode;
import io.ecs4j.request.RunTaskRequest;
import io.ecs4j.time.TimeSource;
import io.ecs4j.time.VirtualClock;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * {@code @LocalEcsTest(runtime = DOCKER)}: real containers of the {@code local/busybox:1} image, in real time. Skipped
 * without a Docker engine, failing under {@code CI=true} (then {@code .ci/run} has built the image).
 */
@LocalEcsTest(runtime = RuntimeType.DOCKER, instances = 1)
class DockerRuntimeIT {
    static final String IMAGE = "local/busybox:1";

    static DockerClient docker() {
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        return DockerClientImpl.getInstance(config, new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost()).sslConfig(config.getSSLConfig()).build());
    }

    @BeforeAll
    static void imagePresent() throws IOException {
        try (DockerClient docker = docker()) {
            docker.inspectImageCmd(IMAGE).exec();
        } catch (com.github.dockerjava.api.exception.NotFoundException e) {
            if (LocalEcsExtension.underCi()) {
                throw new IllegalStateException("CI=true requires the image " + IMAGE + " (bash .ci/run setup)");
            }
            org.junit.jupiter.api.Assumptions.abort("the image " + IMAGE + " is missing: bash .ci/run setup");
        }
    }

    static TaskDefinition sleeper() {
        return TaskDefinition.builder().family("sleeper").containerDefinitions(ContainerDefinition.builder()
                .name("app").image(IMAGE).cpu(128).memory(64).essential(true).command("sleep", "300")
                .stopTimeout(1).build()).build();
    }

    @Test
    void runTask_startsARealContainer_andStopTaskStopsIt(LocalEcs ecs, EcsWait wait, TimeSource time) {
        assertThat(time).isNotInstanceOf(VirtualClock.class);
        assertThat(ecs.runtime().name()).isEqualTo("docker");
        ecs.registerTaskDefinition(sleeper());
        List<Task> tasks = ecs.runTask(RunTaskRequest.builder("default", "sleeper").build()).tasks();

        Task running = wait.untilTasksRunning(tasks).get(0);
        assertThat(running).isRunning();
        assertThat(running.container("app").runtimeId()).isNotBlank();

        ecs.stopTask("default", running.taskId(), "done");
        Task stopped = wait.untilTaskStopped(running);
        assertThat(stopped).isStopped().stoppedWith(TaskStopCode.USER_INITIATED).hasStoppedReasonContaining("done");
    }

    @Test
    void sdkClient_drivesTheDockerBackedLocalEcs_inRealTime(EcsClient client, LocalEcs ecs, EcsWait wait) {
        ecs.registerTaskDefinition(sleeper());

        String arn = client.runTask(r -> r.cluster("default").taskDefinition("sleeper")).tasks().get(0).taskArn();

        assertThat(wait.untilTasksRunning("default", arn)).singleElement().satisfies(t -> assertThat(t).isRunning());
    }

    @AfterAll
    static void everythingOfTheFixturesIsRemoved() throws IOException {
        try (DockerClient docker = docker()) {
            assertThat(docker.listContainersCmd().withShowAll(true)
                    .withLabelFilter(List.of(DockerSupport.RUN_LABEL)).exec()).isEmpty();
        }
    }
}
