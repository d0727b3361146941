package io.ecs4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecs4j.LocalEcs;
import io.ecs4j.inmemory.InMemoryRuntime;
import io.ecs4j.model.Task;
import io.ecs4j.request.RegisterContainerInstanceRequest;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;

class EcsServerTest {

    static EcsClient client(EcsServer server, Region region) {
        return EcsClient.builder().endpointOverride(server.endpoint()).region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClientBuilder(Apache5HttpClient.builder())
                .build();
    }

    @Test
    void embedded_servesItsInstance_andLeavesItOpenOnClose() {
        LocalEcs ecs = LocalEcs.builder().runtime(InMemoryRuntime.create()).region("eu-west-1").build();
        EcsServer server = EcsServer.builder().localEcs(ecs).port(0).build().start();
        try (EcsClient client = client(server, Region.EU_WEST_1)) {
            client.createCluster(r -> r.clusterName("embedded"));

            assertThat(ecs.state()).as("started by the server").isEqualTo(LocalEcs.State.RUNNING);
            assertThat(ecs.findCluster("embedded")).isPresent();
            assertThat(server.defaultRegion()).isEqualTo("eu-west-1");
            assertThat(server.localEcs("eu-west-1")).isSameAs(ecs);
            assertThatThrownBy(() -> server.localEcs("us-east-1")).isInstanceOf(IllegalArgumentException.class);
        } finally {
            server.close();
        }
        assertThat(ecs.state()).isEqualTo(LocalEcs.State.RUNNING);
        ecs.close();
    }

    @Test
    void factory_makesOneInstancePerRegion_andClosesThem() {
        List<LocalEcs> made = new ArrayList<>();
        EcsServer server = EcsServer.builder()
                .localEcsFactory(region -> {
                    LocalEcs ecs = LocalEcs.builder().region(region).runtime(InMemoryRuntime.create()).build();
                    made.add(ecs);
                    return ecs;
                })
                .build().start();
        try (EcsClient east = client(server, Region.US_EAST_1); EcsClient west = client(server, Region.US_WEST_2)) {
            east.createCluster(r -> r.clusterName("east-only"));

            assertThat(west.listClusters().clusterArns())
                    .containsExactly("arn:aws:ecs:us-west-2:000000000000:cluster/default");
            assertThat(east.listClusters().clusterArns())
                    .contains("arn:aws:ecs:us-east-1:000000000000:cluster/east-only");
        } finally {
            server.close();
        }
        assertThat(made).hasSize(2).allSatisfy(e -> assertThat(e.state()).isEqualTo(LocalEcs.State.TERMINATED));
    }

    @Test
    void lifecycle_startTwiceFails_closeIsIdempotent_endpointNeedsStart() {
        EcsServer server = EcsServer.builder().build();

        assertThatThrownBy(server::endpoint).isInstanceOf(IllegalStateException.class);
        server.start();
        assertThat(server.endpoint().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
        server.close();
        server.close();
        assertThatThrownBy(server::endpoint).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void start_portInUse_throwsUncheckedIo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            EcsServer server = EcsServer.builder().port(taken.getLocalPort()).build();

            assertThatThrownBy(server::start).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("127.0.0.1");
        }
    }

    @Test
    void builder_rejectsBadSettings() {
        assertThatThrownBy(() -> EcsServer.builder().port(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EcsServer.builder().maxRequestBytes(10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EcsServer.builder().workerThreads(1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void operations_listsSupportedAndUnsupported() {
        EcsServer server = EcsServer.builder().build();

        assertThat(server.supportedOperations()).contains("RunTask", "DescribeTasks", "CreateCluster");
        assertThat(server.unsupportedOperations()).contains("ExecuteCommand").doesNotContain("RunTask");
        assertThat(server.supportedOperations().size() + server.unsupportedOperations().size()).isEqualTo(77);
    }

    @Test
    void concurrentClients_runTasksInParallel_allAccounted() throws Exception {
        try (ServerFixture fixture = new ServerFixture()) {
            for (int i = 0; i < 4; i++) {
                fixture.ecs.registerContainerInstance(RegisterContainerInstanceRequest.builder().cpu(100_000)
                        .memory(1_000_000).build());
            }
            try (EcsClient setup = fixture.client()) {
                setup.registerTaskDefinition(r -> r.family("par").containerDefinitions(
                        ContainerDefinition.builder().name("c").image("busybox").memory(16).build()));
            }
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Callable<List<String>>> jobs = new ArrayList<>();
            for (int c = 0; c < 16; c++) {
                jobs.add(() -> {
                    List<String> arns = new ArrayList<>();
                    try (EcsClient client = fixture.client()) {
                        for (int i = 0; i < 10; i++) {
                            client.runTask(r -> r.taskDefinition("par")).tasks().forEach(t -> arns.add(t.taskArn()));
                            client.describeClusters();
                        }
                    }
                    return arns;
                });
            }
            List<String> all = new ArrayList<>();
            for (Future<List<String>> f : pool.invokeAll(jobs)) {
                all.addAll(f.get());
            }
            pool.shutdown();

            assertThat(all).hasSize(160).doesNotHaveDuplicates();
            List<Task> tasks = new ArrayList<>();
            for (int i = 0; i < all.size(); i += 100) {
                tasks.addAll(fixture.ecs.describeTasks(null, all.subList(i, Math.min(all.size(), i + 100))).items());
            }
            assertThat(tasks).hasSize(160);
        }
    }
}
