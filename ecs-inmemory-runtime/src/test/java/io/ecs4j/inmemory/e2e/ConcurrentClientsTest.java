package io.ecs4j.inmemory.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.LocalEcs;
import io.ecs4j.inmemory.InMemoryRuntime;
import io.ecs4j.model.ContainerDefinition;
import io.ecs4j.model.ContainerInstance;
import io.ecs4j.model.DesiredStatus;
import io.ecs4j.model.Task;
import io.ecs4j.model.TaskDefinition;
import io.ecs4j.model.TaskStatus;
import io.ecs4j.request.ListTasksRequest;
import io.ecs4j.request.RegisterContainerInstanceRequest;
import io.ecs4j.request.RunTaskRequest;
import io.ecs4j.time.TimeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The public API is thread-safe: many threads running, describing and stopping tasks at once on real time, across
 * clusters, never see an exception, a half-applied change or resources that do not add up.
 */
class ConcurrentClientsTest {

    @Test
    void manyThreads_runDescribeAndStopTasks_stateStaysConsistent() throws Exception {
        try (LocalEcs ecs = LocalEcs.builder().timeSource(TimeSource.system()).runtime(InMemoryRuntime.create())
                .start()) {
            List<String> clusters = List.of("default", "blue", "green");
            for (String cluster : clusters) {
                ecs.createCluster(cluster);
                for (int i = 0; i < 4; i++) {
                    ecs.registerContainerInstance(RegisterContainerInstanceRequest.builder().cluster(cluster)
                            .availabilityZone("us-east-1" + (char) ('a' + i % 3)).cpu(4096).memory(16384).build());
                }
            }
            ecs.registerTaskDefinition(TaskDefinition.builder("worker").containerDefinitions(
                    ContainerDefinition.builder("app", "busybox").memory(64).cpu(32).build()).build());
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                String cluster = clusters.get(t % clusters.size());
                results.add(pool.submit((Callable<Integer>) () -> {
                    int started = 0;
                    for (int round = 0; round < 40; round++) {
                        List<Task> tasks = ecs.runTask(RunTaskRequest.builder(cluster, "worker").count(2).build())
                                .tasks();
                        started += tasks.size();
                        assertThat(ecs.describeTasks(cluster, tasks.stream().map(Task::taskId).toList()).failures())
                                .isEmpty();
                        if (round % 2 == 0) {
                            ecs.stopTask(cluster, tasks.get(0).taskId(), "churn");
                        }
                    }
                    return started;
                }));
            }
            int total = 0;
            for (Future<Integer> f : results) {
                total += f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(total).isEqualTo(8 * 40 * 2);

            // Let every stop finish (real time), then check that the books balance in every cluster.
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline && !settled(ecs, clusters)) {
                Thread.sleep(20);
            }
            assertThat(settled(ecs, clusters)).isTrue();
            for (String cluster : clusters) {
                List<String> running = all(ecs, ListTasksRequest.builder().cluster(cluster));
                int memoryInUse = 0;
                for (String id : ecs.listContainerInstances(io.ecs4j.request.ListContainerInstancesRequest.builder()
                        .cluster(cluster).build()).items()) {
                    ContainerInstance ci = ecs.findContainerInstance(cluster, id).orElseThrow();
                    memoryInUse += ci.registered("MEMORY") - ci.remaining("MEMORY");
                }
                assertThat(memoryInUse).as(cluster).isEqualTo(running.size() * 64);
                assertThat(ecs.findCluster(cluster).orElseThrow().runningTasksCount()).as(cluster)
                        .isEqualTo(running.size());
            }
        }
    }

    /** Every page of a ListTasks. */
    private static List<String> all(LocalEcs ecs, ListTasksRequest.Builder request) {
        List<String> arns = new ArrayList<>();
        String token = null;
        do {
            var page = ecs.listTasks(request.nextToken(token).build());
            arns.addAll(page.items());
            token = page.nextToken();
        } while (token != null);
        return arns;
    }

    private static boolean settled(LocalEcs ecs, List<String> clusters) {
        for (String cluster : clusters) {
            for (String arn : all(ecs, ListTasksRequest.builder().cluster(cluster)
                    .desiredStatus(DesiredStatus.STOPPED))) {
                if (ecs.findTask(cluster, arn).orElseThrow().lastStatus() != TaskStatus.STOPPED) {
                    return false;
                }
            }
            for (String arn : all(ecs, ListTasksRequest.builder().cluster(cluster))) {
                if (ecs.findTask(cluster, arn).orElseThrow().lastStatus() != TaskStatus.RUNNING) {
                    return false;
                }
            }
        }
        return true;
    }
}
