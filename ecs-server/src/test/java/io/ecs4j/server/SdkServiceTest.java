package io.ecs4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.ListServicesResponse;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceField;
import software.amazon.awssdk.services.ecs.model.ServiceNotActiveException;
import software.amazon.awssdk.services.ecs.model.ServiceNotFoundException;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.waiters.EcsWaiter;

/** Services through the SDK, with the ServicesStable and ServicesInactive waiters. */
class SdkServiceTest {
    static final WaiterOverrideConfiguration FAST = WaiterOverrideConfiguration.builder()
            .backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofMillis(50)))
            .maxAttempts(400)
            .build();

    static ServerFixture fixture;
    static EcsClient ecs;

    @BeforeAll
    static void start() {
        fixture = new ServerFixture();
        ecs = fixture.client();
        ecs.createCluster(r -> r.clusterName("svc"));
        for (int i = 0; i < 3; i++) {
            ecs.registerContainerInstance(r -> r.cluster("svc"));
        }
        for (int i = 0; i < 2; i++) {
            ecs.registerTaskDefinition(r -> r.family("svc-web").containerDefinitions(ContainerDefinition.builder()
                    .name("web").image("nginx:1").cpu(64).memory(64).build()));
        }
    }

    @AfterAll
    static void stop() {
        ecs.close();
        fixture.close();
    }

    static DescribeServicesRequest describe(String name) {
        return DescribeServicesRequest.builder().cluster("svc").services(name).build();
    }

    @Test
    void createUpdateDelete_withWaiters() {
        Service created = ecs.createService(r -> r.cluster("svc").serviceName("web").taskDefinition("svc-web:1")
                .desiredCount(3).tags(Tag.builder().key("team").value("a").build())).service();

        assertThat(created.serviceArn()).isEqualTo("arn:aws:ecs:us-east-1:000000000000:service/svc/web");
        assertThat(created.status()).isEqualTo("ACTIVE");
        assertThat(created.desiredCount()).isEqualTo(3);
        assertThat(created.deployments()).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo("PRIMARY");
            assertThat(d.id()).startsWith("ecs-svc/");
        });
        assertThat(created.tags()).extracting(Tag::key).containsExactly("team");

        try (EcsWaiter waiter = ecs.waiter()) {
            WaiterResponse<DescribeServicesResponse> stable = waiter.waitUntilServicesStable(describe("web"), FAST);
            assertThat(stable.matched().response()).hasValueSatisfying(d -> {
                Service s = d.services().get(0);
                assertThat(s.runningCount()).isEqualTo(3);
                assertThat(s.deployments()).hasSize(1);
                assertThat(s.events()).isNotEmpty();
            });
            assertThat(ecs.listTasks(r -> r.cluster("svc").serviceName("web")).taskArns()).hasSize(3);

            Service updated = ecs.updateService(r -> r.cluster("svc").service("web").taskDefinition("svc-web:2"))
                    .service();
            assertThat(updated.deployments()).extracting(Deployment::status).contains("PRIMARY", "ACTIVE");
            waiter.waitUntilServicesStable(describe("web"), FAST);
            Service rolled = ecs.describeServices(describe("web")).services().get(0);
            assertThat(rolled.taskDefinition()).endsWith("svc-web:2");
            assertThat(rolled.deployments()).singleElement()
                    .satisfies(d -> assertThat(d.taskDefinition()).endsWith("svc-web:2"));

            assertThatThrownBy(() -> ecs.deleteService(r -> r.cluster("svc").service("web")))
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessageContaining("The service cannot be stopped while it is scaled above 0.");
            Service deleted = ecs.deleteService(r -> r.cluster("svc").service("web").force(true)).service();
            assertThat(deleted.status()).isIn("DRAINING", "INACTIVE");
            waiter.waitUntilServicesInactive(describe("web"), FAST);
        }
        assertThat(ecs.listServices(r -> r.cluster("svc")).serviceArns()).doesNotContain(created.serviceArn());
        assertThatThrownBy(() -> ecs.updateService(r -> r.cluster("svc").service("web").desiredCount(1)))
                .isInstanceOf(ServiceNotActiveException.class);
    }

    @Test
    void describeServices_missingIsFailure_tagsOnlyWhenIncluded() {
        ecs.createService(r -> r.cluster("svc").serviceName("tagged").taskDefinition("svc-web")
                .desiredCount(0).tags(Tag.builder().key("k").value("v").build()));

        DescribeServicesResponse plain = ecs.describeServices(r -> r.cluster("svc").services("tagged", "ghost"));
        DescribeServicesResponse withTags = ecs.describeServices(r -> r.cluster("svc").services("tagged")
                .include(ServiceField.TAGS));

        assertThat(plain.services()).singleElement().satisfies(s -> assertThat(s.tags()).isEmpty());
        assertThat(plain.failures()).singleElement().satisfies(f -> {
            assertThat(f.reason()).isEqualTo("MISSING");
            assertThat(f.arn()).isEqualTo("arn:aws:ecs:us-east-1:000000000000:service/svc/ghost");
        });
        assertThat(withTags.services().get(0).tags()).extracting(Tag::key).containsExactly("k");
    }

    @Test
    void listServices_paginatesByTenByDefault() {
        for (int i = 0; i < 12; i++) {
            int n = i;
            ecs.createService(r -> r.cluster("svc").serviceName("many-" + n).taskDefinition("svc-web")
                    .desiredCount(0));
        }
        ListServicesResponse first = ecs.listServices(r -> r.cluster("svc"));
        List<String> all = ecs.listServicesPaginator(r -> r.cluster("svc")).serviceArns().stream().toList();

        assertThat(first.serviceArns()).hasSize(10);
        assertThat(first.nextToken()).isNotNull();
        assertThat(all).hasSizeGreaterThanOrEqualTo(12).doesNotHaveDuplicates();
    }

    @Test
    void serviceErrors_areTyped() {
        assertThatThrownBy(() -> ecs.updateService(r -> r.cluster("svc").service("nope").desiredCount(1)))
                .isInstanceOf(ServiceNotFoundException.class);
        ecs.createService(r -> r.cluster("svc").serviceName("dup").taskDefinition("svc-web").desiredCount(0));
        assertThatThrownBy(() -> ecs.createService(r -> r.cluster("svc").serviceName("dup")
                .taskDefinition("svc-web").desiredCount(1)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Creation of service was not idempotent.");
    }
}
