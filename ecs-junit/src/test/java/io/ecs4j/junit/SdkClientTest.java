package io.ecs4j.junit;

import static io.ecs4j.junit.EcsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.LocalEcs;
import io.ecs4j.inmemory.ContainerBehaviour;
import io.ecs4j.inmemory.InMemoryRuntime;
import io.ecs4j.server.EcsServer;
import io.ecs4j.time.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.waiters.EcsWaiter;

/** The injected AWS SDK client: pointed at the embedded server, and skipping virtual time on repeated reads. */
@LocalEcsTest(instances = 3)
class SdkClientTest {
    static final WaiterOverrideConfiguration FAST = WaiterOverrideConfiguration.builder()
            .backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofMillis(1)))
            .maxAttempts(50)
            .build();
    static final DescribeServicesRequest DESCRIBE_WEB = DescribeServicesRequest.builder().cluster("default")
            .services("web").build();

    static void registerWeb(EcsClient client, String image) {
        client.registerTaskDefinition(r -> r.family("web").containerDefinitions(ContainerDefinition.builder()
                .name("app").image(image).cpu(256).memory(512).build()));
    }

    @Test
    void client_talksToTheEmbeddedServerOfTheSameLocalEcs(EcsClient client, EcsServer server, LocalEcs ecs) {
        ecs.createCluster("made-in-java");

        assertThat(client.listClusters().clusterArns())
                .contains("arn:aws:ecs:us-east-1:000000000000:cluster/made-in-java");
        assertThat(client.serviceClientConfiguration().endpointOverride()).contains(server.endpoint());
        assertThat(client.serviceClientConfiguration().region().id()).isEqualTo(ecs.region());
        assertThat(server.localEcs(ecs.region())).isSameAs(ecs);
    }

    @Test
    void client_isTheSameWithinATest(EcsClient first, EcsClient second) {
        assertThat(first).isSameAs(second);
    }

    @Test
    void readAfterWrite_seesTheStateAsOfTheWrite_thenRepeatedReadsSeeProgress(EcsClient client, VirtualClock clock) {
        registerWeb(client, "acme/web:1");
        Task started = client.runTask(r -> r.cluster("default").taskDefinition("web")).tasks().get(0);
        DescribeTasksRequest describe = DescribeTasksRequest.builder().cluster("default").tasks(started.taskArn())
                .build();

        String first = client.describeTasks(describe).tasks().get(0).lastStatus();
        Instant afterFirst = clock.instant();
        String second = client.describeTasks(describe).tasks().get(0).lastStatus();

        assertThat(first).isEqualTo("PENDING");
        assertThat(afterFirst).isEqualTo(VirtualClock.DEFAULT_START);
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void pollingLoop_walksThroughADeployment_oneChangePerRepeatedRead(EcsClient client, VirtualClock clock) {
        registerWeb(client, "acme/web:1");
        client.createService(r -> r.cluster("default").serviceName("web").taskDefinition("web").desiredCount(3));

        int polls = 0;
        Service web;
        do {
            web = client.describeServices(DESCRIBE_WEB).services().get(0);
            polls++;
        } while (!(web.deployments().size() == 1 && "COMPLETED".equals(web.deployments().get(0).rolloutStateAsString()))
                && polls < 100);

        assertThat(web.runningCount()).isEqualTo(3);
        assertThat(polls).isLessThan(10);
        assertThat(clock.instant()).isAfter(VirtualClock.DEFAULT_START); // the scheduler's 40-second check passed
    }

    @Test
    void servicesStableWaiter_withAShortBackoff_seesARollingUpdateComplete(EcsClient client, LocalEcs ecs,
                                                                          VirtualClock clock, InMemoryRuntime runtime) {
        runtime.onImage("acme/web:2", ContainerBehaviour.builder().pullDelay(Duration.ofSeconds(20)).build());
        registerWeb(client, "acme/web:1");
        client.createService(r -> r.cluster("default").serviceName("web").taskDefinition("web").desiredCount(3));
        try (EcsWaiter waiter = client.waiter()) {
            waiter.waitUntilServicesStable(DESCRIBE_WEB, FAST);
            registerWeb(client, "acme/web:2");
            client.updateService(r -> r.cluster("default").service("web").taskDefinition("web:2"));

            WaiterResponse<DescribeServicesResponse> stable = waiter.waitUntilServicesStable(DESCRIBE_WEB, FAST);

            assertThat(stable.matched().response()).isPresent();
            assertThat(stable.attemptsExecuted()).isLessThan(FAST.maxAttempts().orElseThrow());
        }
        assertThat(ecs.findService("default", "web").orElseThrow()).hasTaskDefinition("web:2").hasRunningCount(3);
        assertThat(clock.instant()).isAfterOrEqualTo(VirtualClock.DEFAULT_START.plusSeconds(20)); // the pull of web:2
    }

    @Test
    void readsOfANewState_areFirstObservations(EcsClient client, VirtualClock clock, LocalEcs ecs) {
        registerWeb(client, "acme/web:1");
        client.createService(r -> r.cluster("default").serviceName("web").taskDefinition("web").desiredCount(1));
        client.describeServices(DESCRIBE_WEB);
        clock.runUntilIdle(); // the task runs: a change, so the next read is a first observation
        Instant before = clock.instant();

        List<Service> services = client.describeServices(DESCRIBE_WEB).services();

        assertThat(services.get(0).runningCount()).isEqualTo(1);
        assertThat(clock.instant()).isEqualTo(before);
    }
}
