package io.ecs4j.services;

import static io.ecs4j.services.ServiceTestSupport.ecsError;
import static io.ecs4j.services.ServiceTestSupport.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.EcsErrorCode;
import io.ecs4j.model.TaskDefinition;
import io.ecs4j.model.TaskDefinitionStatus;
import io.ecs4j.request.RunTaskRequest;
import io.ecs4j.request.UpdateServiceRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** DELETE_IN_PROGRESS task definitions are gone once no task, service or deployment references them (§2.2). */
class TaskDefinitionDeletionTest {
    private final ServiceTestSupport env = new ServiceTestSupport();

    @AfterEach
    void tearDown() {
        env.close();
    }

    private TaskDefinition delete(String ref) {
        env.ecs.deregisterTaskDefinition(ref);
        return env.ecs.deleteTaskDefinitions(List.of(ref)).taskDefinitions().get(0);
    }

    private boolean exists(String ref) {
        try {
            env.ecs.describeTaskDefinition(ref);
            return true;
        } catch (io.ecs4j.EcsException e) {
            assertThat(e.code()).isEqualTo(EcsErrorCode.CLIENT);
            return false;
        }
    }

    @Test
    void deleteTaskDefinitions_unreferenced_isGoneAndItsRevisionIsNeverReused() {
        env.taskDefinition("web");

        TaskDefinition deleted = delete("web:1");

        assertThat(deleted.status()).isEqualTo(TaskDefinitionStatus.DELETE_IN_PROGRESS);
        assertThat(exists("web:1")).isFalse();
        assertThat(env.taskDefinition("web").revision()).isEqualTo(2);
        assertThat(ecsError(() -> env.ecs.describeTaskDefinition("web:1")).getMessage())
                .isEqualTo("Unable to describe task definition.");
    }

    @Test
    void deleteTaskDefinitions_usedByATask_staysUntilTheStoppedTaskIsForgotten() {
        env.instance("us-east-1a");
        env.taskDefinition("job");
        String taskId = env.ecs.runTask(RunTaskRequest.builder("default", "job").build()).tasks().get(0).taskId();
        env.clock.advance(Duration.ofSeconds(10));

        delete("job:1");
        assertThat(env.ecs.describeTaskDefinition("job:1").status()).isEqualTo(TaskDefinitionStatus.DELETE_IN_PROGRESS);

        env.ecs.stopTask("default", taskId, "done");
        env.clock.advance(Duration.ofMinutes(59));
        assertThat(exists("job:1")).as("the STOPPED task still references it").isTrue();
        env.clock.advance(Duration.ofMinutes(2));
        assertThat(env.ecs.findTask("default", taskId)).isEmpty();
        assertThat(exists("job:1")).isFalse();
    }

    @Test
    void deleteTaskDefinitions_usedByAService_staysUntilTheServiceMovesOnAndItsTasksAreForgotten() {
        env.instance("us-east-1a");
        env.taskDefinition("web");
        env.create(service("web", "web:1", 2));
        env.awaitSteady("web");

        delete("web:1");
        env.taskDefinition("web");
        env.ecs.updateService(UpdateServiceRequest.builder("default", "web").taskDefinition("web:2").build());
        env.awaitSteady("web");
        assertThat(exists("web:1")).as("the old tasks are STOPPED but still describable").isTrue();

        env.clock.advance(Duration.ofHours(2));

        assertThat(exists("web:1")).isFalse();
        assertThat(exists("web:2")).isTrue();
        assertThat(env.service("web").runningCount()).isEqualTo(2);
    }
}
