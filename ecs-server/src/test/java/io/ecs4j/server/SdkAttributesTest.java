package io.ecs4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.PlacementConstraint;
import software.amazon.awssdk.services.ecs.model.PlacementConstraintType;
import software.amazon.awssdk.services.ecs.model.TargetNotFoundException;
import software.amazon.awssdk.services.ecs.model.TargetType;

/** PutAttributes, DeleteAttributes and ListAttributes through the SDK, and a memberOf constraint using them. */
class SdkAttributesTest {
    static ServerFixture fixture;
    static EcsClient ecs;
    static String blue;
    static String green;

    @BeforeAll
    static void start() {
        fixture = new ServerFixture();
        ecs = fixture.client();
        ecs.createCluster(r -> r.clusterName("attrs"));
        blue = ecs.registerContainerInstance(r -> r.cluster("attrs")).containerInstance().containerInstanceArn();
        green = ecs.registerContainerInstance(r -> r.cluster("attrs")).containerInstance().containerInstanceArn();
        ecs.registerTaskDefinition(r -> r.family("attrs").containerDefinitions(ContainerDefinition.builder()
                .name("c").image("busybox").memory(32).build()));
    }

    @AfterAll
    static void stop() {
        ecs.close();
        fixture.close();
    }

    @Test
    void putListDelete_andPlacementUsesThem() {
        var put = ecs.putAttributes(r -> r.cluster("attrs").attributes(
                Attribute.builder().name("stack").value("blue").targetType(TargetType.CONTAINER_INSTANCE)
                        .targetId(blue).build(),
                Attribute.builder().name("stack").value("green").targetId(green).build()));

        assertThat(put.attributes()).hasSize(2);
        assertThat(ecs.listAttributes(r -> r.cluster("attrs").targetType(TargetType.CONTAINER_INSTANCE)
                .attributeName("stack").attributeValue("green")).attributes())
                .singleElement().satisfies(a -> assertThat(a.targetId()).isEqualTo(green));

        String placed = ecs.runTask(r -> r.cluster("attrs").taskDefinition("attrs").count(3)
                .placementConstraints(PlacementConstraint.builder().type(PlacementConstraintType.MEMBER_OF)
                        .expression("attribute:stack == blue").build()))
                .tasks().stream().map(t -> t.containerInstanceArn()).distinct().reduce("", String::concat);
        assertThat(placed).isEqualTo(blue);

        ecs.deleteAttributes(r -> r.cluster("attrs").attributes(Attribute.builder().name("stack").targetId(green)
                .build()));
        assertThat(ecs.listAttributes(r -> r.cluster("attrs").targetType(TargetType.CONTAINER_INSTANCE)
                .attributeName("stack")).attributes()).singleElement()
                .satisfies(a -> assertThat(a.value()).isEqualTo("blue"));
    }

    @Test
    void putAttributes_unknownTarget_isTargetNotFound() {
        assertThatThrownBy(() -> ecs.putAttributes(r -> r.cluster("attrs").attributes(Attribute.builder()
                .name("x").value("y").targetId("0123456789abcdef0123456789abcdef").build())))
                .isInstanceOf(TargetNotFoundException.class);
    }
}
