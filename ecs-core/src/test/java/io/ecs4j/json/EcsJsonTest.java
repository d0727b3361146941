package io.ecs4j.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecs4j.EcsErrorCode;
import io.ecs4j.EcsException;
import io.ecs4j.model.ContainerDefinition;
import io.ecs4j.model.LaunchType;
import io.ecs4j.model.NetworkMode;
import io.ecs4j.model.Tag;
import io.ecs4j.model.TaskDefinition;
import io.ecs4j.model.TransportProtocol;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EcsJsonTest {

    private static final String MINIMAL = "{\"family\":\"web\",\"containerDefinitions\":[{\"name\":\"app\",\"image\":\"nginx\",\"memory\":128}]}";

    private static void assertReadError(String json, String field, String message) {
        assertThatThrownBy(() -> EcsJson.readTaskDefinition(json))
                .isInstanceOfSatisfying(EcsException.class, e -> {
                    assertThat(e.code()).isEqualTo(EcsErrorCode.CLIENT);
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).isEqualTo(message);
                });
    }

    @Test
    void readTaskDefinition_whenRegisterInput_readsMembers() {
        TaskDefinition td = EcsJson.readTaskDefinition(MINIMAL);
        assertThat(td.family()).isEqualTo("web");
        ContainerDefinition c = td.containerDefinitions().get(0);
        assertThat(c.name()).isEqualTo("app");
        assertThat(c.memory()).isEqualTo(128);
        assertThat(c.essential()).isTrue();
        assertThat(c.cpu()).isZero();
        assertThat(td.revision()).isZero();
        assertThat(td.status()).isNull();
    }

    @Test
    void readTaskDefinition_whenDescribeOutputWrapped_ignoresOutputOnlyMembersAndKeepsTags() {
        String json = "{\"taskDefinition\":{\"taskDefinitionArn\":\"arn:aws:ecs:us-east-1:123456789012:task-definition/web:3\","
                + "\"family\":\"web\",\"revision\":3,\"status\":\"INACTIVE\",\"registeredAt\":1534810931.659,"
                + "\"deregisteredAt\":\"2024-01-05T02:48:18.158Z\",\"registeredBy\":\"arn:aws:iam::123456789012:root\","
                + "\"compatibilities\":[\"EC2\",\"BOGUS\"],\"requiresAttributes\":[{\"name\":\"x\"}],"
                + "\"containerDefinitions\":[{\"name\":\"app\",\"image\":\"nginx\",\"memory\":128}]},"
                + "\"tags\":[{\"key\":\"team\",\"value\":\"a\"}]}";
        TaskDefinition td = EcsJson.readTaskDefinition(json);
        assertThat(td.family()).isEqualTo("web");
        assertThat(td.revision()).isZero();
        assertThat(td.taskDefinitionArn()).isNull();
        assertThat(td.status()).isNull();
        assertThat(td.registeredAt()).isNull();
        assertThat(td.compatibilities()).isEmpty();
        assertThat(td.requiresAttributes()).isEmpty();
        assertThat(td.tags()).containsExactly(Tag.of("team", "a"));
    }

    @Test
    void readTaskDefinition_whenUnknownMembers_ignoresThem() {
        String json = "{\"family\":\"web\",\"enableFaultInjection\":false,\"proxyConfiguration\":{\"type\":\"APPMESH\"},"
                + "\"containerDefinitions\":[{\"name\":\"app\",\"image\":\"nginx\",\"memory\":128,\"systemControls\":[]}]}";
        assertThat(EcsJson.readTaskDefinition(json).family()).isEqualTo("web");
    }

    @Test
    void readTaskDefinition_whenTaskCpuMemoryAreNumbersOrUnitStrings_keepsThemAsStrings() {
        TaskDefinition numbers = EcsJson.readTaskDefinition(MINIMAL.replace("{\"family\"", "{\"cpu\":1024,\"memory\":2048.0,\"family\""));
        assertThat(numbers.cpu()).isEqualTo("1024");
        assertThat(numbers.memory()).isEqualTo("2048");
        TaskDefinition units = EcsJson.readTaskDefinition(MINIMAL.replace("{\"family\"", "{\"cpu\":\"1 vCPU\",\"memory\":\"2 GB\",\"family\""));
        assertThat(units.cpu()).isEqualTo("1 vCPU");
        assertThat(units.memory()).isEqualTo("2 GB");
    }

    @Test
    void readTaskDefinition_whenMalformed_reportsLocationWithoutJacksonTypes() {
        assertThatThrownBy(() -> EcsJson.readTaskDefinition("{\"family\": \"web\", \"containerDefinitions\": [ {\"name\": }]}"))
                .isInstanceOfSatisfying(EcsException.class, e -> {
                    assertThat(e.code()).isEqualTo(EcsErrorCode.CLIENT);
                    assertThat(e.getMessage()).startsWith("Malformed JSON at line 1, column ");
                    assertThat(e.field()).isEqualTo("containerDefinitions[0].name");
                    assertThat(e.getCause()).isNull();
                });
    }

    @Test
    void readTaskDefinition_whenEmptyOrTrailingGarbage_rejects() {
        assertReadError(" ", null, "Malformed JSON: the input is empty.");
        assertThatThrownBy(() -> EcsJson.readTaskDefinition(MINIMAL + " {}"))
                .isInstanceOf(EcsException.class).hasMessageStartingWith("Malformed JSON");
    }

    @Test
    void readTaskDefinition_whenRootIsNotObject_rejects() {
        assertReadError("[1]", null, "Invalid value for the document: expected an object but found an array.");
    }

    @Test
    void readTaskDefinition_whenMemberHasWrongType_namesPathAndExpectation() {
        assertReadError("{\"family\":\"web\",\"containerDefinitions\":[{\"name\":\"app\",\"image\":\"nginx\",\"memory\":\"128\"}]}",
                "containerDefinitions[0].memory",
                "Invalid value for 'containerDefinitions[0].memory': expected an integer but found the string \"128\".");
        assertReadError("{\"family\":7}", "family", "Invalid value for 'family': expected a string but found the number 7.");
        assertReadError("{\"family\":\"web\",\"containerDefinitions\":{}}", "containerDefinitions",
                "Invalid value for 'containerDefinitions': expected an array but found an object.");
        assertReadError("{\"containerDefinitions\":[{\"essential\":\"yes\"}]}", "containerDefinitions[0].essential",
                "Invalid value for 'containerDefinitions[0].essential': expected a boolean but found the string \"yes\".");
        assertReadError("{\"containerDefinitions\":[{\"memory\":1.5}]}", "containerDefinitions[0].memory",
                "Invalid value for 'containerDefinitions[0].memory': expected an integer but found the number 1.5.");
    }

    @Test
    void readTaskDefinition_whenEnumValueUnknown_namesPathAndAllowedValues() {
        assertReadError("{\"containerDefinitions\":[{\"name\":\"a\",\"portMappings\":[{\"containerPort\":80},"
                        + "{\"containerPort\":81,\"protocol\":\"sctp\"}]}]}",
                "containerDefinitions[0].portMappings[1].protocol",
                "Invalid value 'sctp' for 'containerDefinitions[0].portMappings[1].protocol': expected one of tcp, udp.");
        assertReadError("{\"networkMode\":\"overlay\"}", "networkMode",
                "Invalid value 'overlay' for 'networkMode': expected one of bridge, host, awsvpc, none.");
        assertReadError("{\"requiresCompatibilities\":[\"EC2\",\"LAMBDA\"]}", "requiresCompatibilities[1]",
                "Invalid value 'LAMBDA' for 'requiresCompatibilities[1]': expected one of EC2, FARGATE, EXTERNAL, MANAGED_INSTANCES.");
        assertReadError("{\"containerDefinitions\":[{\"dependsOn\":[{\"containerName\":\"a\",\"condition\":\"READY\"}]}]}",
                "containerDefinitions[0].dependsOn[0].condition",
                "Invalid value 'READY' for 'containerDefinitions[0].dependsOn[0].condition': expected one of START, COMPLETE, SUCCESS, HEALTHY.");
        assertReadError("{\"pidMode\":\"container\"}", "pidMode", "Invalid value 'container' for 'pidMode': expected one of host, task.");
    }

    @Test
    void readTaskDefinition_whenRequiredNestedMemberMissing_namesIt() {
        assertReadError("{\"containerDefinitions\":[{\"secrets\":[{\"name\":\"A\"}]}]}",
                "containerDefinitions[0].secrets[0].valueFrom", "Missing required member 'containerDefinitions[0].secrets[0].valueFrom'.");
        assertReadError("{\"containerDefinitions\":[{\"environment\":[{\"value\":\"x\"}]}]}",
                "containerDefinitions[0].environment[0].name", "Missing required member 'containerDefinitions[0].environment[0].name'.");
        assertReadError("{\"volumes\":[{\"host\":{}}]}", "volumes[0].name", "Missing required member 'volumes[0].name'.");
    }

    @Test
    void readTaskDefinition_whenNullMembers_treatsThemAsAbsent() {
        TaskDefinition td = EcsJson.readTaskDefinition("{\"family\":\"web\",\"ipcMode\":null,\"containerDefinitions\":"
                + "[{\"name\":\"a\",\"image\":\"nginx\",\"memory\":128,\"entryPoint\":null,\"linuxParameters\":null}]}");
        assertThat(td.ipcMode()).isNull();
        assertThat(td.containerDefinitions().get(0).entryPoint()).isEmpty();
    }

    @Test
    void readTaskDefinition_fromReaderAndPath_readsSameDefinition(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("td.json");
        Files.writeString(file, MINIMAL);
        TaskDefinition expected = EcsJson.readTaskDefinition(MINIMAL);
        assertThat(EcsJson.readTaskDefinition(new StringReader(MINIMAL))).isEqualTo(expected);
        assertThat(EcsJson.readTaskDefinition(file)).isEqualTo(expected);
    }

    @Test
    void writeTaskDefinition_whenUnregistered_writesDescribeShapeWithEcsDefaultLists() {
        String json = EcsJson.writeTaskDefinition(EcsJson.readTaskDefinition(MINIMAL));
        assertThat(json).isEqualTo("{\"taskDefinition\":{\"containerDefinitions\":[{\"name\":\"app\",\"image\":\"nginx\","
                + "\"cpu\":0,\"memory\":128,\"portMappings\":[],\"essential\":true,\"environment\":[],\"mountPoints\":[],"
                + "\"volumesFrom\":[]}],\"family\":\"web\",\"volumes\":[],\"placementConstraints\":[]}}");
    }

    @Test
    void writeTaskDefinition_whenRegistered_writesEpochSecondsAndOutputMembers() {
        TaskDefinition td = EcsJson.readTaskDefinition(MINIMAL).toBuilder()
                .revision(2)
                .taskDefinitionArn(new io.ecs4j.model.TaskDefinitionArn("us-east-1", "123456789012", "web", 2))
                .status(io.ecs4j.model.TaskDefinitionStatus.ACTIVE)
                .compatibilities(LaunchType.EXTERNAL, LaunchType.EC2)
                .registeredAt(java.time.Instant.parse("2018-08-21T00:22:11.659Z"))
                .tags(Tag.of("team", "a"))
                .build();
        String json = EcsJson.writeTaskDefinition(td);
        assertThat(json).contains("\"taskDefinitionArn\":\"arn:aws:ecs:us-east-1:123456789012:task-definition/web:2\"")
                .contains("\"revision\":2").contains("\"status\":\"ACTIVE\"").contains("\"requiresAttributes\":[]")
                .contains("\"compatibilities\":[\"EXTERNAL\",\"EC2\"]").contains("\"registeredAt\":1534810931.659")
                .endsWith(",\"tags\":[{\"key\":\"team\",\"value\":\"a\"}]}");
    }

    @Test
    void writeTaskDefinitionPretty_whenWritten_readsBackEqual() {
        TaskDefinition td = EcsJson.readTaskDefinition(MINIMAL).toBuilder()
                .networkMode(NetworkMode.AWSVPC).tags(Tag.of("k", "")).build();
        String pretty = EcsJson.writeTaskDefinitionPretty(td);
        assertThat(pretty).contains("\n");
        assertThat(EcsJson.readTaskDefinition(pretty)).isEqualTo(td);
    }

    @Test
    void readTaskDefinition_whenProtocolOmitted_leavesItUnsetUntilRegistration() {
        TaskDefinition td = EcsJson.readTaskDefinition("{\"containerDefinitions\":[{\"portMappings\":[{\"containerPort\":80}]}]}");
        assertThat(td.containerDefinitions().get(0).portMappings().get(0).protocol()).isNull();
        assertThat(td.containerDefinitions().get(0).portMappings().get(0).protocolOrDefault()).isEqualTo(TransportProtocol.TCP);
    }
}
