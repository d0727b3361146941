package io.ecs4j.internal.taskdef;

import static io.ecs4j.internal.taskdef.TaskDefs.assertInvalid;
import static io.ecs4j.internal.taskdef.TaskDefs.container;
import static io.ecs4j.internal.taskdef.TaskDefs.taskDef;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.ecs4j.model.ContainerCondition;
import io.ecs4j.model.ContainerDependency;
import io.ecs4j.model.HealthCheck;
import org.junit.jupiter.api.Test;

class DependencyValidationTest {

    private static ContainerDependency on(String name, ContainerCondition condition) {
        return ContainerDependency.of(name, condition);
    }

    @Test
    void validate_whenDependencyUnknown_rejects() {
        assertInvalid(taskDef(container("app").dependsOn(on("db", ContainerCondition.START)).build()).build(),
                "containerDefinitions[0].dependsOn[0].containerName",
                "Invalid 'dependsOn' setting for container 'app'. Container 'db' does not exist in the task definition.");
    }

    @Test
    void validate_whenContainerDependsOnItself_rejects() {
        assertInvalid(taskDef(container("app").dependsOn(on("app", ContainerCondition.START)).build()).build(),
                "containerDefinitions[0].dependsOn[0].containerName",
                "Invalid 'dependsOn' setting for container 'app'. A container cannot depend on itself.");
    }

    @Test
    void validate_whenDependenciesFormCycle_rejects() {
        assertInvalid(taskDef(
                        container("a").dependsOn(on("b", ContainerCondition.START)).build(),
                        container("b").dependsOn(on("c", ContainerCondition.START)).build(),
                        container("c").dependsOn(on("a", ContainerCondition.START)).build()).build(),
                "containerDefinitions[0].dependsOn",
                "Invalid 'dependsOn' setting for container 'a'. The container dependencies form a cycle: a -> b -> c -> a.");
    }

    @Test
    void validate_whenCompleteOnEssentialDependency_usesEcsWording() {
        assertInvalid(taskDef(container("init").build(),
                        container("app").dependsOn(on("init", ContainerCondition.COMPLETE)).build()).build(),
                "containerDefinitions[1].dependsOn[0].condition",
                "A dependency container with SUCCESS or COMPLETE condition cannot be an essential container");
    }

    @Test
    void validate_whenSuccessOnEssentialDependency_usesEcsWording() {
        assertInvalid(taskDef(container("init").build(),
                        container("app").dependsOn(on("init", ContainerCondition.SUCCESS)).build()).build(),
                "containerDefinitions[1].dependsOn[0].condition",
                "A dependency container with SUCCESS or COMPLETE condition cannot be an essential container");
    }

    @Test
    void validate_whenHealthyOnDependencyWithoutHealthCheck_rejects() {
        assertInvalid(taskDef(container("db").build(),
                        container("app").dependsOn(on("db", ContainerCondition.HEALTHY)).build()).build(),
                "containerDefinitions[1].dependsOn[0].condition",
                "Invalid 'dependsOn' setting for container 'app'. Container 'db' has no healthCheck, so the HEALTHY condition can never be met.");
    }

    @Test
    void validate_whenDependenciesWellFormed_passes() {
        assertThatCode(() -> TaskDefinitionValidator.validate(taskDef(
                container("init").essential(false).build(),
                container("db").healthCheck(HealthCheck.shell("pg_isready")).build(),
                container("app").dependsOn(on("init", ContainerCondition.SUCCESS), on("db", ContainerCondition.HEALTHY)).build())
                .build())).doesNotThrowAnyException();
    }

    @Test
    void validate_whenCycleBetweenPrefixNamedContainers_reportsExactCycle() {
        assertInvalid(taskDef(
                        container("a").dependsOn(on("ab", ContainerCondition.START)).build(),
                        container("ab").dependsOn(on("a", ContainerCondition.START)).build()).build(),
                "containerDefinitions[0].dependsOn",
                "Invalid 'dependsOn' setting for container 'a'. The container dependencies form a cycle: a -> ab -> a.");
    }
}
