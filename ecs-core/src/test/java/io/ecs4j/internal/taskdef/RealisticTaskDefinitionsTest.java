package io.ecs4j.internal.taskdef;

import static io.ecs4j.internal.taskdef.TaskDefs.read;
import static io.ecs4j.internal.taskdef.TaskDefs.resource;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.json.EcsJson;
import io.ecs4j.model.Attribute;
import io.ecs4j.model.ContainerDefinition;
import io.ecs4j.model.HealthCheck;
import io.ecs4j.model.LaunchType;
import io.ecs4j.model.PortMapping;
import io.ecs4j.model.Tag;
import io.ecs4j.model.TaskDefinition;
import io.ecs4j.model.TransportProtocol;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RealisticTaskDefinitionsTest {
    private final TaskDefinitionRegistry registry =
            new TaskDefinitionRegistry("us-east-1", "123456789012", Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC));

    private static List<String> attributeNames(TaskDefinition td) {
        return td.requiresAttributes().stream().map(Attribute::name).toList();
    }

    /** The registered definition with registration metadata cleared, for comparing two registrations. */
    private static TaskDefinition withoutRegistration(TaskDefinition td) {
        return td.toBuilder().revision(0).taskDefinitionArn(null).registeredAt(null).registeredBy(null).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"web-with-sidecar.json", "fargate-api.json", "bridge-dynamic-links.json",
            "health-and-ordering.json", "volumes.json", "described-output.json"})
    void readWriteRead_forEachResource_givesEqualRecord(String name) {
        TaskDefinition first = read(name);
        TaskDefinition second = EcsJson.readTaskDefinition(EcsJson.writeTaskDefinition(first));
        assertThat(second).isEqualTo(first);
    }

    @ParameterizedTest
    @ValueSource(strings = {"web-with-sidecar.json", "fargate-api.json", "bridge-dynamic-links.json",
            "health-and-ordering.json", "volumes.json", "described-output.json"})
    void register_describeOutputReRegistered_givesEqualDefinition(String name) {
        TaskDefinition registered = registry.register(read(name), "arn:aws:iam::123456789012:user/dev");
        String describeOutput = EcsJson.writeTaskDefinitionPretty(registered);
        TaskDefinition again = registry.register(EcsJson.readTaskDefinition(describeOutput), "someone-else");
        assertThat(again.revision()).isEqualTo(registered.revision() + 1);
        assertThat(withoutRegistration(again)).isEqualTo(withoutRegistration(registered));
        assertThat(EcsJson.readTaskDefinition(EcsJson.writeTaskDefinition(registered)))
                .isEqualTo(EcsJson.readTaskDefinition(describeOutput));
    }

    @Test
    void register_webWithSidecar_fillsBridgeDefaultsAndAttributes() {
        TaskDefinition td = registry.register(read("web-with-sidecar.json"), null);
        ContainerDefinition metrics = td.container("metrics");
        assertThat(metrics.portMappings()).containsExactly(
                PortMapping.builder().containerPort(9125).hostPort(0).protocol(TransportProtocol.UDP).build(),
                PortMapping.builder().containerPort(9102).hostPort(0).protocol(TransportProtocol.TCP).build());
        assertThat(td.compatibilities()).containsExactly(LaunchType.EC2);
        assertThat(attributeNames(td)).contains("com.amazonaws.ecs.capability.logging-driver.json-file",
                "com.amazonaws.ecs.capability.ecr-auth", "com.amazonaws.ecs.capability.task-iam-role",
                "com.amazonaws.ecs.capability.docker-remote-api.1.18");
        assertThat(td.tags()).containsExactly(Tag.of("team", "payments"));
    }

    @Test
    void register_fargateApi_normalisesSizesAndComputesFargateCompatibility() {
        TaskDefinition td = registry.register(read("fargate-api.json"), null);
        assertThat(td.cpu()).isEqualTo("1024");
        assertThat(td.memory()).isEqualTo("2048");
        assertThat(td.compatibilities()).containsExactly(LaunchType.EC2, LaunchType.FARGATE);
        assertThat(td.container("api").portMappings()).containsExactly(PortMapping.tcp(8443, 8443));
        assertThat(attributeNames(td)).contains("ecs.capability.task-eni", "ecs.capability.execution-role-awslogs",
                "ecs.capability.execution-role-ecr-pull", "ecs.capability.secrets.asm.environment-variables",
                "ecs.capability.secrets.ssm.environment-variables", "com.amazonaws.ecs.capability.docker-remote-api.1.25");
        assertThat(td.ephemeralStorageGiB()).isEqualTo(30);
    }

    @Test
    void register_bridgeWithLinks_keepsStaticZeroAndDynamicPorts() {
        TaskDefinition td = registry.register(read("bridge-dynamic-links.json"), null);
        assertThat(td.container("nginx").portMappings()).extracting(PortMapping::hostPort).containsExactly(0, 0);
        assertThat(td.container("nginx").links()).containsExactly("app:backend");
        assertThat(td.container("redis").essential()).isFalse();
        assertThat(td.networkMode()).isNull();
    }

    @Test
    void register_healthAndOrdering_fillsHealthCheckDefaultsAndOrderingAttribute() {
        TaskDefinition td = registry.register(read("health-and-ordering.json"), null);
        assertThat(td.container("app").healthCheck())
                .isEqualTo(new HealthCheck(List.of("CMD", "/bin/healthcheck"), 30, 5, 3, null));
        assertThat(td.container("db-proxy").healthCheck().startPeriod()).isEqualTo(20);
        assertThat(attributeNames(td)).contains("ecs.capability.container-ordering", "ecs.capability.container-health-check");
        assertThat(td.compatibilities()).containsExactly(LaunchType.EC2, LaunchType.FARGATE);
    }

    @Test
    void register_volumes_hostModeFillsHostPortsAndKeepsVolumeKinds() {
        TaskDefinition td = registry.register(read("volumes.json"), null);
        assertThat(td.container("collector").portMappings()).extracting(PortMapping::hostPort).containsExactly(24224, 24224);
        assertThat(td.volumes().get(2).host().sourcePath()).isNull();
        assertThat(td.volumes().get(1).dockerVolumeConfiguration().driverOpts()).containsEntry("type", "tmpfs");
        assertThat(td.compatibilities()).containsExactly(LaunchType.EC2);
        assertThat(attributeNames(td)).contains("ecs.capability.pid-ipc-namespace-sharing");
    }

    @Test
    void register_describedOutput_ignoresPastedRegistrationAndKeepsWrapperTags() {
        TaskDefinition td = registry.register(read("described-output.json"), null);
        assertThat(td.revision()).isEqualTo(1);
        assertThat(td.family()).isEqualTo("hello-world");
        assertThat(td.tags()).containsExactly(Tag.of("env", "demo"));
        assertThat(td.compatibilities()).containsExactly(LaunchType.EC2, LaunchType.FARGATE);
        assertThat(resource("described-output.json")).contains("\"revision\": 7");
    }
}
