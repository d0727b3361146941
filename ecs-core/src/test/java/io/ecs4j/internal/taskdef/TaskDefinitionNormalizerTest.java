package io.ecs4j.internal.taskdef;

import static io.ecs4j.internal.taskdef.TaskDefs.container;
import static io.ecs4j.internal.taskdef.TaskDefs.fargate;
import static io.ecs4j.internal.taskdef.TaskDefs.taskDef;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.model.Attribute;
import io.ecs4j.model.ContainerCondition;
import io.ecs4j.model.ContainerDependency;
import io.ecs4j.model.HealthCheck;
import io.ecs4j.model.LaunchType;
import io.ecs4j.model.LogConfiguration;
import io.ecs4j.model.NetworkMode;
import io.ecs4j.model.PortMapping;
import io.ecs4j.model.Secret;
import io.ecs4j.model.TaskDefinition;
import io.ecs4j.model.TransportProtocol;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskDefinitionNormalizerTest {

    private static TaskDefinition normalize(TaskDefinition td) {
        TaskDefinitionValidator.validate(td);
        return TaskDefinitionNormalizer.normalize(td);
    }

    private static java.util.List<String> attributeNames(TaskDefinition td) {
        return td.requiresAttributes().stream().map(Attribute::name).toList();
    }

    @Test
    void normalize_whenCpuMemoryInUnits_writesIntegerStrings() {
        TaskDefinition td = normalize(fargate().cpu("1 vCPU").memory("2GB").build());
        assertThat(td.cpu()).isEqualTo("1024");
        assertThat(td.memory()).isEqualTo("2048");
    }

    @Test
    void normalize_whenAwsvpcOrHostMode_fillsHostPortAndProtocol() {
        TaskDefinition awsvpc = normalize(taskDef(container("a").portMappings(PortMapping.builder().containerPort(80).build()).build())
                .networkMode(NetworkMode.AWSVPC).build());
        assertThat(awsvpc.containerDefinitions().get(0).portMappings().get(0))
                .isEqualTo(PortMapping.tcp(80, 80));
        TaskDefinition host = normalize(taskDef(container("a").portMappings(PortMapping.builder().containerPort(80).build()).build())
                .networkMode(NetworkMode.HOST).build());
        assertThat(host.containerDefinitions().get(0).portMappings().get(0).hostPort()).isEqualTo(80);
    }

    @Test
    void normalize_whenBridgeHostPortOmitted_storesZeroForDynamic() {
        TaskDefinition td = normalize(taskDef(container("a").portMappings(PortMapping.builder().containerPort(80)
                .protocol(TransportProtocol.UDP).build()).build()).build());
        assertThat(td.containerDefinitions().get(0).portMappings().get(0))
                .isEqualTo(PortMapping.builder().containerPort(80).hostPort(0).protocol(TransportProtocol.UDP).build());
    }

    @Test
    void normalize_whenPortRange_leavesHostPortUnset() {
        TaskDefinition td = normalize(taskDef(container("a").portMappings(PortMapping.builder().containerPortRange("8000-8002").build())
                .build()).networkMode(NetworkMode.AWSVPC).build());
        assertThat(td.containerDefinitions().get(0).portMappings().get(0).hostPort()).isNull();
        assertThat(td.containerDefinitions().get(0).portMappings().get(0).protocol()).isEqualTo(TransportProtocol.TCP);
    }

    @Test
    void normalize_whenHealthCheckPartial_fillsDefaultsButNotStartPeriod() {
        TaskDefinition td = normalize(taskDef(container("a").healthCheck(HealthCheck.shell("true")).build()).build());
        assertThat(td.containerDefinitions().get(0).healthCheck())
                .isEqualTo(new HealthCheck(java.util.List.of("CMD-SHELL", "true"), 30, 5, 3, null));
    }

    @Test
    void normalize_whenBridgeDefinition_isCompatibleWithEc2Only() {
        assertThat(normalize(taskDef(container("a").build()).build()).compatibilities())
                .containsExactly(LaunchType.EC2);
    }

    @Test
    void normalize_whenExternalRequired_listsExternalFirst() {
        assertThat(normalize(taskDef(container("a").build()).requiresCompatibilities(LaunchType.EXTERNAL).build())
                .compatibilities()).containsExactly(LaunchType.EXTERNAL, LaunchType.EC2);
    }

    @Test
    void normalize_whenAwsvpcDefinitionFitsFargate_addsFargate() {
        TaskDefinition td = normalize(taskDef(container("a").memory(null).build()).networkMode(NetworkMode.AWSVPC)
                .cpu("256").memory("512").build());
        assertThat(td.compatibilities()).containsExactly(LaunchType.EC2, LaunchType.FARGATE);
    }

    @Test
    void normalize_whenAwsvpcDefinitionBreaksFargateRule_isEc2Only() {
        TaskDefinition noSize = normalize(taskDef(container("a").build()).networkMode(NetworkMode.AWSVPC).build());
        assertThat(noSize.compatibilities()).containsExactly(LaunchType.EC2);
        TaskDefinition privileged = normalize(taskDef(container("a").privileged(true).build()).networkMode(NetworkMode.AWSVPC)
                .cpu("256").memory("512").build());
        assertThat(privileged.compatibilities()).containsExactly(LaunchType.EC2);
    }

    @Test
    void normalize_whenFeaturesUsed_computesRequiredAttributes() {
        TaskDefinition td = normalize(TaskDefinition.builder("web")
                .networkMode(NetworkMode.AWSVPC)
                .cpu("512").memory("1024")
                .taskRoleArn("arn:aws:iam::123456789012:role/task")
                .executionRoleArn("arn:aws:iam::123456789012:role/exec")
                .containerDefinitions(
                        container("init").essential(false).build(),
                        container("app")
                                .image("123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1")
                                .logConfiguration(new LogConfiguration("awslogs", Map.of("awslogs-group", "/ecs/app"), null))
                                .healthCheck(HealthCheck.shell("true"))
                                .dependsOn(ContainerDependency.of("init", ContainerCondition.SUCCESS))
                                .secrets(new Secret("A", "arn:aws:secretsmanager:us-east-1:123456789012:secret:a"),
                                        new Secret("B", "/app/b"))
                                .build())
                .build());
        assertThat(attributeNames(td)).containsExactly(
                "com.amazonaws.ecs.capability.logging-driver.awslogs",
                "com.amazonaws.ecs.capability.docker-remote-api.1.19",
                "ecs.capability.execution-role-awslogs",
                "com.amazonaws.ecs.capability.ecr-auth",
                "ecs.capability.execution-role-ecr-pull",
                "ecs.capability.container-health-check",
                "com.amazonaws.ecs.capability.docker-remote-api.1.24",
                "ecs.capability.container-ordering",
                "ecs.capability.secrets.asm.environment-variables",
                "ecs.capability.secrets.ssm.environment-variables",
                "com.amazonaws.ecs.capability.task-iam-role",
                "com.amazonaws.ecs.capability.docker-remote-api.1.18",
                "ecs.capability.task-eni");
    }

    @Test
    void normalize_whenPlainBridgeDefinition_requiresNothing() {
        assertThat(normalize(taskDef(container("a").build()).build()).requiresAttributes()).isEmpty();
    }
}
