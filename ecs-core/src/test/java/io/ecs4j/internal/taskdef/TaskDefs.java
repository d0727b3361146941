package io.ecs4j.internal.taskdef;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecs4j.EcsErrorCode;
import io.ecs4j.EcsException;
import io.ecs4j.json.EcsJson;
import io.ecs4j.model.ContainerDefinition;
import io.ecs4j.model.TaskDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Test data for task definitions, and an assertion for ECS errors. */
final class TaskDefs {
    private TaskDefs() {
    }

    /** A valid container with 128 MiB. */
    static ContainerDefinition.Builder container(String name) {
        return ContainerDefinition.builder(name, "nginx:1.27").memory(128);
    }

    /** A valid bridge-mode definition of family {@code web} with the given containers. */
    static TaskDefinition.Builder taskDef(ContainerDefinition... containers) {
        return TaskDefinition.builder("web").containerDefinitions(containers);
    }

    /** A valid single-container definition. */
    static TaskDefinition.Builder simple() {
        return taskDef(container("app").build());
    }

    /** A valid Fargate definition (awsvpc, 256/512, one container). */
    static TaskDefinition.Builder fargate(ContainerDefinition... containers) {
        return TaskDefinition.builder("web")
                .requiresCompatibilities(io.ecs4j.model.LaunchType.FARGATE)
                .networkMode(io.ecs4j.model.NetworkMode.AWSVPC)
                .cpu("256").memory("512")
                .containerDefinitions(containers.length == 0
                        ? new ContainerDefinition[] {ContainerDefinition.builder("app", "nginx:1.27").build()}
                        : containers);
    }

    /** The text of test resource {@code taskdefs/<name>}. */
    static String resource(String name) {
        try (InputStream in = TaskDefs.class.getResourceAsStream("/taskdefs/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The task definition in test resource {@code taskdefs/<name>}. */
    static TaskDefinition read(String name) {
        return EcsJson.readTaskDefinition(resource(name));
    }

    /** Asserts {@code call} throws an {@link EcsException} with this code, field and message. */
    static void assertEcsError(ThrowingCallable call, EcsErrorCode code, String field, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(EcsException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.getMessage()).isEqualTo(message);
                    org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(code);
                    org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo(field);
                });
    }

    /** Asserts validating {@code td} fails with a ClientException with this field and message. */
    static void assertInvalid(TaskDefinition td, String field, String message) {
        assertEcsError(() -> TaskDefinitionValidator.validate(td), EcsErrorCode.CLIENT, field, message);
    }
}
