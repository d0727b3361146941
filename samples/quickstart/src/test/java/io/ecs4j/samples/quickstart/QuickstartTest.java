package io.ecs4j.samples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.model.Task;
import io.ecs4j.model.TaskStatus;
import io.ecs4j.model.TaskStopCode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuickstartTest {

    @Test
    void run_printsTimelineAndEndsWithOneCrashedAndOneRunningTask() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        List<Task> tasks = Quickstart.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String output = buffer.toString(StandardCharsets.UTF_8);

        assertThat(tasks).hasSize(2);
        assertThat(tasks).extracting(Task::availabilityZone).containsExactlyInAnyOrder("us-east-1a", "us-east-1b");
        Task crashed = tasks.get(0);
        assertThat(crashed.lastStatus()).isEqualTo(TaskStatus.STOPPED);
        assertThat(crashed.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
        assertThat(crashed.container("app").exitCode()).isEqualTo(1);
        assertThat(tasks.get(1).lastStatus()).isEqualTo(TaskStatus.RUNNING);

        assertThat(output).contains("registered".isEmpty() ? "" : "task-definition/web:1")
                .contains("container sidecar RUNNING, HEALTHY")
                .contains("task is RUNNING")
                .contains("container app STOPPED (exit code 1, essential)")
                .contains("EssentialContainerExited: Essential container in task exited");
    }
}
