package io.ecs4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ecs.model.Tag;

/** TagResource, UntagResource and ListTagsForResource through the SDK. */
class SdkTagsTest {
    static ServerFixture fixture;
    static EcsClient ecs;

    @BeforeAll
    static void start() {
        fixture = new ServerFixture();
        ecs = fixture.client();
    }

    @AfterAll
    static void stop() {
        ecs.close();
        fixture.close();
    }

    @Test
    void tagUntagList_onClusterAndTaskDefinition() {
        String cluster = ecs.createCluster(r -> r.clusterName("tags")).cluster().clusterArn();
        String td = ecs.registerTaskDefinition(r -> r.family("tagged").containerDefinitions(ContainerDefinition
                .builder().name("c").image("busybox").memory(32).build())).taskDefinition().taskDefinitionArn();
        for (String arn : new String[]{cluster, td}) {
            ecs.tagResource(r -> r.resourceArn(arn).tags(Tag.builder().key("team").value("a").build(),
                    Tag.builder().key("env").value("dev").build()));
            ecs.untagResource(r -> r.resourceArn(arn).tagKeys("env"));
            assertThat(ecs.listTagsForResource(r -> r.resourceArn(arn)).tags())
                    .containsExactly(Tag.builder().key("team").value("a").build());
        }
        assertThat(ecs.describeTaskDefinition(r -> r.taskDefinition("tagged").includeWithStrings("TAGS")).tags())
                .extracting(Tag::key).containsExactly("team");
    }

    @Test
    void tagResource_unknownTask_isResourceNotFound() {
        assertThatThrownBy(() -> ecs.tagResource(r -> r.resourceArn(
                "arn:aws:ecs:us-east-1:000000000000:task/default/0123456789abcdef0123456789abcdef")
                .tags(Tag.builder().key("k").value("v").build())))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
