package io.ecs4j.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.json.EcsJson;
import io.ecs4j.model.AwsVpcConfiguration;
import io.ecs4j.model.HealthStatus;
import io.ecs4j.model.NetworkConfiguration;
import io.ecs4j.model.Task;
import io.ecs4j.model.TaskStatus;
import io.ecs4j.model.TaskStopCode;
import io.ecs4j.request.RunTaskRequest;
import io.ecs4j.spi.runtime.LogEntry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tasks through the control plane (LocalEcs) on real Docker containers. */
@RequiresDocker
class DockerTaskEndToEndIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(45);

    @Test
    void appWaitsForHealthySidecar_thenServesOnADynamicPortOnLoopback() throws Exception {
        try (DockerLocalEcs d = new DockerLocalEcs()) {
            d.ecs.registerTaskDefinition(EcsJson.readTaskDefinition("""
                    {"family": "web", "containerDefinitions": [
                      {"name": "app", "image": "local/busybox:1", "memory": 64,
                       "command": ["sh", "-c", "mkdir -p /w && echo hello-from-app > /w/index.html && exec httpd -f -p 8080 -h /w"],
                       "portMappings": [{"containerPort": 8080, "hostPort": 0}],
                       "dependsOn": [{"containerName": "sidecar", "condition": "HEALTHY"}],
                       "linuxParameters": {"initProcessEnabled": true}, "stopTimeout": 5},
                      {"name": "sidecar", "image": "local/busybox:1", "memory": 64,
                       "command": ["sh", "-c", "sleep 2; mkdir -p /r && echo ok > /r/ready && exec httpd -f -p 9901 -h /r"],
                       "healthCheck": {"command": ["CMD-SHELL", "timeout 2 wget -q -O- http://127.0.0.1:9901/ready || exit 1"],
                                       "interval": 5, "timeout": 3, "retries": 3, "startPeriod": 0},
                       "linuxParameters": {"initProcessEnabled": true}, "stopTimeout": 5}
                    ]}"""));
            Task t = d.ecs.runTask(RunTaskRequest.builder(null, "web").build()).tasks().get(0);
            DockerLocalEcs.await("task RUNNING", () -> d.task(t).lastStatus() == TaskStatus.RUNNING, TIMEOUT);

            Task running = d.task(t);
            assertThat(running.container("sidecar").healthStatus()).isEqualTo(HealthStatus.HEALTHY);
            assertThat(running.healthStatus()).isEqualTo(HealthStatus.HEALTHY);
            assertThat(running.container("app").runtimeId()).isNotNull();
            var binding = running.container("app").networkBindings().get(0);
            assertThat(binding.bindIp()).isEqualTo("127.0.0.1");
            assertThat(binding.hostPort()).isPositive();
            assertThat(DockerFixture.httpGet(binding.hostPort())).contains("hello-from-app");

            d.ecs.stopTask(null, t.taskId(), "done");
            DockerLocalEcs.await("task STOPPED", () -> d.task(t).lastStatus() == TaskStatus.STOPPED, TIMEOUT);
            Task stopped = d.task(t);
            assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.USER_INITIATED);
            assertThat(stopped.container("app").exitCode()).isEqualTo(143);
        }
    }

    @Test
    void essentialContainerExit_stopsTaskWithItsExitCode() {
        try (DockerLocalEcs d = new DockerLocalEcs()) {
            d.ecs.registerTaskDefinition(EcsJson.readTaskDefinition("""
                    {"family": "job", "containerDefinitions": [
                      {"name": "main", "image": "local/busybox:1", "memory": 32,
                       "command": ["sh", "-c", "echo working; sleep 1; exit 3"]},
                      {"name": "helper", "image": "local/busybox:1", "memory": 32, "essential": false,
                       "command": ["sleep", "300"], "linuxParameters": {"initProcessEnabled": true},
                       "stopTimeout": 5}
                    ]}"""));
            Task t = d.ecs.runTask(RunTaskRequest.builder(null, "job").build()).tasks().get(0);
            DockerLocalEcs.await("task STOPPED", () -> d.task(t).lastStatus() == TaskStatus.STOPPED, TIMEOUT);
            Task stopped = d.task(t);
            assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
            assertThat(stopped.container("main").exitCode()).isEqualTo(3);
            assertThat(stopped.container("helper").exitCode()).isEqualTo(143);
            List<LogEntry> logs = d.ecs.logs(null, t.taskId(), "main");
            assertThat(logs).extracting(LogEntry::message).contains("working");
        }
    }

    @Test
    void awsvpcTask_containersTalkOverLocalhost() {
        try (DockerLocalEcs d = new DockerLocalEcs()) {
            d.ecs.registerTaskDefinition(EcsJson.readTaskDefinition("""
                    {"family": "pair", "networkMode": "awsvpc", "containerDefinitions": [
                      {"name": "server", "image": "local/busybox:1", "memory": 32,
                       "command": ["sh", "-c", "mkdir -p /w && echo from-server > /w/index.html && exec httpd -f -p 8080 -h /w"],
                       "portMappings": [{"containerPort": 8080}], "linuxParameters": {"initProcessEnabled": true}},
                      {"name": "client", "image": "local/busybox:1", "memory": 32, "essential": false,
                       "dependsOn": [{"containerName": "server", "condition": "START"}],
                       "command": ["sh", "-c", "for i in 1 2 3 4 5 6 7 8 9 10; do timeout 2 wget -q -O- http://localhost:8080/ && exit 0; sleep 0.5; done; exit 1"]}
                    ]}"""));
            NetworkConfiguration nc = new NetworkConfiguration(new AwsVpcConfiguration(List.of("subnet-local"),
                    List.of(), null));
            Task t = d.ecs.runTask(RunTaskRequest.builder(null, "pair").networkConfiguration(nc).build()).tasks().get(0);
            DockerLocalEcs.await("client exited", () -> d.task(t).container("client").exitCode() != null, TIMEOUT);
            Task task = d.task(t);
            assertThat(task.container("client").exitCode()).isZero();
            assertThat(d.ecs.logs(null, t.taskId(), "client")).extracting(LogEntry::message).contains("from-server");
            assertThat(task.attachments()).singleElement()
                    .satisfies(a -> assertThat(a.type()).isEqualTo("ElasticNetworkInterface"));
            assertThat(task.lastStatus()).isEqualTo(TaskStatus.RUNNING);
        }
    }
}
