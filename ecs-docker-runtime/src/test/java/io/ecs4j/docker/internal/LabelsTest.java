package io.ecs4j.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.model.TaskArn;
import io.ecs4j.spi.runtime.ContainerHandle;
import io.ecs4j.spi.runtime.ContainerLaunchSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelsTest {
    private static final TaskArn TASK = new TaskArn("us-east-1", "000000000000", "c1",
            "0123456789abcdef0123456789abcdef");

    @Test
    void forContainer_carriesTheAgentsLabelsAndOursWinOverDockerLabels() {
        ContainerLaunchSpec spec = ContainerConfigsTest.spec(TASK, "web")
                .labels(Map.of("com.amazonaws.ecs.cluster", "spoofed", "team", "blue")).build();

        Map<String, String> labels = Labels.forContainer(spec, Map.of("scope", "s1"));

        assertThat(labels)
                .containsEntry("team", "blue")
                .containsEntry("com.amazonaws.ecs.cluster", "c1")
                .containsEntry("com.amazonaws.ecs.task-arn", TASK.toString())
                .containsEntry("com.amazonaws.ecs.container-name", "web")
                .containsEntry("com.amazonaws.ecs.task-definition-family", "fam")
                .containsEntry("com.amazonaws.ecs.task-definition-version", "3")
                .containsEntry("io.ecs4j.group", "service:svc")
                .containsEntry("io.ecs4j.managed", "true")
                .containsEntry("io.ecs4j.role", "container")
                .containsEntry("scope", "s1");
    }

    @Test
    void handleOf_rebuildsTheHandleFromContainerLabels() {
        Map<String, String> labels = Labels.forContainer(ContainerConfigsTest.spec(TASK, "web").build(), Map.of());

        assertThat(Labels.handleOf(labels)).isEqualTo(new ContainerHandle(TASK, "web"));
    }

    @Test
    void handleOf_ignoresPauseContainersAndForeignLabels() {
        assertThat(Labels.handleOf(Labels.forTask(TASK, "c1", Map.of(), Labels.ROLE_PAUSE, Map.of()))).isNull();
        assertThat(Labels.handleOf(Map.of(Labels.ROLE, "container", Labels.TASK_ARN, "not-an-arn",
                Labels.CONTAINER_NAME, "x"))).isNull();
        assertThat(Labels.handleOf(null)).isNull();
    }
}
