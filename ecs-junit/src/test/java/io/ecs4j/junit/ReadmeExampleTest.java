package io.ecs4j.junit;

import static io.ecs4j.junit.EcsAssertions.assertThat;

import io.ecs4j.LocalEcs;
import io.ecs4j.json.EcsJson;
import io.ecs4j.model.Service;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;

/** The "ten lines" of ecs-junit/README.md, so that they keep working. */
@LocalEcsTest(instances = 3)                 // a fresh ECS per test: 3 instances over us-east-1a/b/c, virtual clock
class ReadmeExampleTest {
    @Test
    void web_reachesSteadyState(LocalEcs ecs, EcsWait wait, EcsClient sdk) {     // EcsClient: ecs-server + AWS SDK
        ecs.registerTaskDefinition(EcsJson.readTaskDefinition(Path.of("src/test/resources/web.json")));
        sdk.createService(r -> r.cluster("default").serviceName("web").taskDefinition("web").desiredCount(3));
        Service web = wait.untilSteadyState("default", "web");                   // minutes of ECS time, milliseconds
        assertThat(web).hasRunningCount(3).isSteady().hasTaskDefinition("web:1"); // EcsAssertions.assertThat
    }
}
