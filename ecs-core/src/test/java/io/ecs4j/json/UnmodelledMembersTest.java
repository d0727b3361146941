package io.ecs4j.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.model.TaskDefinition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ECS members ecs4j does not model are kept verbatim, so pasted definitions round-trip without losing anything. */
class UnmodelledMembersTest {
    private static final String FIRELENS = """
            {
              "family": "logs",
              "proxyConfiguration": {"type": "APPMESH", "containerName": "envoy",
                                     "properties": [{"name": "AppPorts", "value": "8080"}]},
              "volumes": [{"name": "shared", "efsVolumeConfiguration": {"fileSystemId": "fs-1234", "rootDirectory": "/"}}],
              "containerDefinitions": [
                {"name": "log_router", "image": "amazon/aws-for-fluent-bit:stable", "memory": 64,
                 "firelensConfiguration": {"type": "fluentbit", "options": {"enable-ecs-log-metadata": "true"}},
                 "systemControls": [{"namespace": "net.core.somaxconn", "value": "1024"}]},
                {"name": "envoy", "image": "envoy:1", "memory": 64, "essential": false,
                 "mountPoints": [{"sourceVolume": "shared", "containerPath": "/data"}]}
              ]
            }
            """;

    @Test
    void readTaskDefinition_keepsUnmodelledMembersAtEveryLevel() {
        TaskDefinition td = EcsJson.readTaskDefinition(FIRELENS);
        assertThat(td.otherMembers()).containsOnlyKeys("proxyConfiguration");
        assertThat(td.volumes().get(0).otherMembers())
                .containsEntry("efsVolumeConfiguration", Map.of("fileSystemId", "fs-1234", "rootDirectory", "/"));
        assertThat(td.containerDefinitions().get(0).otherMembers()).containsOnlyKeys("firelensConfiguration",
                "systemControls");
        assertThat(td.containerDefinitions().get(0).otherMembers().get("systemControls"))
                .isEqualTo(List.of(Map.of("namespace", "net.core.somaxconn", "value", "1024")));
    }

    @Test
    void writeThenRead_roundTripsUnmodelledMembers() {
        TaskDefinition td = EcsJson.readTaskDefinition(FIRELENS);
        String written = EcsJson.writeTaskDefinition(td);
        assertThat(written).contains("\"firelensConfiguration\":{\"type\":\"fluentbit\"")
                .contains("\"proxyConfiguration\"").contains("\"efsVolumeConfiguration\"");
        assertThat(EcsJson.readTaskDefinition(written)).isEqualTo(td);
    }
}
