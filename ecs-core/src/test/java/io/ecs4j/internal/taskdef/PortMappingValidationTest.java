package io.ecs4j.internal.taskdef;

import static io.ecs4j.internal.taskdef.TaskDefs.assertInvalid;
import static io.ecs4j.internal.taskdef.TaskDefs.container;
import static io.ecs4j.internal.taskdef.TaskDefs.taskDef;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.ecs4j.model.ContainerDefinition;
import io.ecs4j.model.NetworkMode;
import io.ecs4j.model.PortMapping;
import io.ecs4j.model.TaskDefinition;
import io.ecs4j.model.TransportProtocol;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class PortMappingValidationTest {

    private static TaskDefinition in(NetworkMode mode, ContainerDefinition... containers) {
        return taskDef(containers).networkMode(mode).build();
    }

    private static PortMapping range(String range) {
        return PortMapping.builder().containerPortRange(range).build();
    }

    @Test
    void validate_whenContainerPortMissingOrOutOfRange_usesEcsWording() {
        assertInvalid(in(NetworkMode.BRIDGE, container("a").portMappings(PortMapping.builder().build()).build()),
                "containerDefinitions[0].portMappings[0].containerPort", "Invalid 'containerPort' setting for container 'a'.");
        assertInvalid(in(NetworkMode.BRIDGE, container("a").portMappings(PortMapping.tcp(70000, null)).build()),
                "containerDefinitions[0].portMappings[0].containerPort", "Invalid 'containerPort' setting for container 'a'.");
    }

    @Test
    void validate_whenHostPortOutOfRange_rejects() {
        assertInvalid(in(NetworkMode.BRIDGE, container("a").portMappings(PortMapping.tcp(80, 70000)).build()),
                "containerDefinitions[0].portMappings[0].hostPort", "Invalid 'hostPort' setting for container 'a'.");
    }

    @Test
    void validate_whenAwsvpcHostPortDiffers_usesEcsWording() {
        assertInvalid(in(NetworkMode.AWSVPC, container("a").portMappings(PortMapping.tcp(80, 8080)).build()),
                "containerDefinitions[0].portMappings[0].hostPort",
                "When networkMode=awsvpc, the host ports and container ports in port mappings must match.");
    }

    @Test
    void validate_whenHostModeHostPortDiffers_rejects() {
        assertInvalid(in(NetworkMode.HOST, container("a").portMappings(PortMapping.tcp(80, 8080)).build()),
                "containerDefinitions[0].portMappings[0].hostPort",
                "When networkMode=host, the host ports and container ports in port mappings must match.");
    }

    @Test
    void validate_whenNetworkModeNoneHasMappings_rejects() {
        assertInvalid(in(NetworkMode.NONE, container("a").portMappings(PortMapping.tcp(80, null)).build()),
                "containerDefinitions[0].portMappings", "Port mappings are not supported when networkMode=none.");
    }

    @Test
    void validate_whenBridgeStaticHostPortUsedTwice_usesEcsWording() {
        assertInvalid(in(NetworkMode.BRIDGE, container("a").portMappings(PortMapping.tcp(80, 8080)).build(),
                        container("b").portMappings(PortMapping.tcp(81, 8080)).build()),
                "containerDefinitions[1].portMappings[0].hostPort", "TCP host port '8080' is mapped multiple times in task.");
    }

    @Test
    void validate_whenUdpHostPortUsedTwice_usesUdpWording() {
        PortMapping udp = PortMapping.builder().containerPort(53).hostPort(53).protocol(TransportProtocol.UDP).build();
        PortMapping udp2 = PortMapping.builder().containerPort(54).hostPort(53).protocol(TransportProtocol.UDP).build();
        assertInvalid(in(NetworkMode.BRIDGE, container("a").portMappings(udp, udp2).build()),
                "containerDefinitions[0].portMappings[1].hostPort", "UDP host port '53' is mapped multiple times in task.");
    }

    @Test
    void validate_whenSamePortTcpAndUdp_passes() {
        PortMapping udp = PortMapping.builder().containerPort(53).protocol(TransportProtocol.UDP).build();
        assertThatCode(() -> TaskDefinitionValidator.validate(
                in(NetworkMode.AWSVPC, container("a").portMappings(PortMapping.tcp(53, null), udp).build())))
                .doesNotThrowAnyException();
    }

    @Test
    void validate_whenAwsvpcContainersShareContainerPort_usesEcsWording() {
        assertInvalid(in(NetworkMode.AWSVPC, container("a").portMappings(PortMapping.tcp(80, null)).build(),
                        container("b").portMappings(PortMapping.tcp(80, null)).build()),
                "containerDefinitions[1].portMappings[0].hostPort", "TCP host port '80' is mapped multiple times in task.");
    }

    @Test
    void validate_whenBridgeDynamicPortsRepeatAcrossContainers_passes() {
        assertThatCode(() -> TaskDefinitionValidator.validate(in(NetworkMode.BRIDGE,
                container("a").portMappings(PortMapping.tcp(80, 0)).build(),
                container("b").portMappings(PortMapping.tcp(80, null)).build()))).doesNotThrowAnyException();
    }

    @Test
    void validate_whenContainerPortMappedTwiceInOneContainer_rejects() {
        assertInvalid(in(NetworkMode.BRIDGE, container("a").portMappings(PortMapping.tcp(80, 0), PortMapping.tcp(80, 0)).build()),
                "containerDefinitions[0].portMappings[1]",
                "Invalid 'portMappings' setting for container 'a'. Container port 80/tcp is included in more than one port mapping.");
    }

    @Test
    void validate_whenPortRangeValidInAwsvpc_passes() {
        assertThatCode(() -> TaskDefinitionValidator.validate(
                in(NetworkMode.AWSVPC, container("a").portMappings(range("8000-8010"), PortMapping.tcp(9000, null)).build())))
                .doesNotThrowAnyException();
    }

    @Test
    void validate_whenPortRangeInHostMode_rejects() {
        assertInvalid(in(NetworkMode.HOST, container("a").portMappings(range("8000-8010")).build()),
                "containerDefinitions[0].portMappings[0].containerPortRange",
                "Invalid 'containerPortRange' setting for container 'a'. Port ranges are supported only when networkMode is bridge or awsvpc.");
    }

    @Test
    void validate_whenPortRangeMalformedOrReversed_rejects() {
        assertInvalid(in(NetworkMode.AWSVPC, container("a").portMappings(range("8000")).build()),
                "containerDefinitions[0].portMappings[0].containerPortRange",
                "Invalid 'containerPortRange' setting for container 'a'. Expected 'first-last', for example '8000-8010'.");
        assertInvalid(in(NetworkMode.AWSVPC, container("a").portMappings(range("8010-8000")).build()),
                "containerDefinitions[0].portMappings[0].containerPortRange",
                "Invalid 'containerPortRange' setting for container 'a'. Ports must be between 1 and 65535 and the first port must be lower than the last.");
    }

    @Test
    void validate_whenPortRangeWithHostPort_rejects() {
        PortMapping p = PortMapping.builder().containerPortRange("8000-8010").hostPort(8000).build();
        assertInvalid(in(NetworkMode.AWSVPC, container("a").portMappings(p).build()),
                "containerDefinitions[0].portMappings[0].containerPortRange",
                "Invalid 'containerPortRange' setting for container 'a'. A port mapping with a containerPortRange must not set containerPort or hostPort.");
    }

    @Test
    void validate_whenPortRangesOverlap_rejects() {
        assertInvalid(in(NetworkMode.AWSVPC, container("a").portMappings(range("8000-8010"), PortMapping.tcp(8005, null)).build()),
                "containerDefinitions[0].portMappings[1]",
                "Invalid 'portMappings' setting for container 'a'. Container port 8005/tcp is included in more than one port mapping.");
    }

    @Test
    void validate_whenMoreThanHundredPortRanges_rejects() {
        java.util.List<PortMapping> ranges = new java.util.ArrayList<>();
        for (int i = 0; i < 101; i++) {
            ranges.add(range((10000 + i * 10) + "-" + (10000 + i * 10 + 5)));
        }
        assertInvalid(in(NetworkMode.AWSVPC, container("a").portMappings(ranges).build()),
                "containerDefinitions[0].portMappings[100].containerPortRange",
                "Invalid 'containerPortRange' setting for container 'a'. At most 100 port ranges are allowed per container.");
    }

    @Test
    void validate_whenPortMappingNameInvalidOrRepeated_rejects() {
        PortMapping bad = PortMapping.builder().containerPort(80).name("-http").build();
        assertInvalid(in(NetworkMode.AWSVPC, container("a").portMappings(bad).build()),
                "containerDefinitions[0].portMappings[0].name",
                "Invalid 'portMappings.name' setting for container 'a'. A port mapping name has at most 64 lowercase letters, digits, '_' and '-', and does not start with '-'.");
        PortMapping first = PortMapping.builder().containerPort(80).name("http").build();
        PortMapping second = PortMapping.builder().containerPort(81).name("http").build();
        assertInvalid(in(NetworkMode.AWSVPC, container("a").portMappings(first).build(), container("b").portMappings(second).build()),
                "containerDefinitions[1].portMappings[0].name",
                "Invalid 'portMappings.name' setting for container 'b'. Port mapping name 'http' is used more than once in the task definition.");
    }

    @Test
    void validate_whenAppProtocolUnknown_rejects() {
        PortMapping p = PortMapping.builder().containerPort(80).appProtocol("HTTP").build();
        assertInvalid(in(NetworkMode.AWSVPC, container("a").portMappings(p).build()),
                "containerDefinitions[0].portMappings[0].appProtocol",
                "Invalid 'appProtocol' setting for container 'a'. Valid values are http, http2 and grpc.");
    }

    @Test
    void validate_whenManyDynamicMappings_passes() {
        assertThatCode(() -> TaskDefinitionValidator.validate(in(NetworkMode.BRIDGE,
                container("a").portMappings(Collections.nCopies(1, PortMapping.tcp(80, null))).build())))
                .doesNotThrowAnyException();
    }
}
