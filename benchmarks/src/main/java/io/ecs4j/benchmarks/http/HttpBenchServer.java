package io.ecs4j.benchmarks.http;

import io.ecs4j.LocalEcs;
import io.ecs4j.inmemory.InMemoryRuntime;
import io.ecs4j.json.EcsJson;
import io.ecs4j.model.Task;
import io.ecs4j.request.CreateServiceRequest;
import io.ecs4j.request.RegisterContainerInstanceRequest;
import io.ecs4j.request.RunTaskRequest;
import io.ecs4j.server.EcsServer;
import io.ecs4j.server.internal.http.NettyEndpoint;
import io.ecs4j.server.internal.wire.Operation;
import io.ecs4j.server.internal.wire.RegionRouter;
import io.ecs4j.server.internal.wire.WireJson;
import io.ecs4j.server.internal.wire.WireProtocol;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The server side of the HTTP benchmark (benchmarking.md S6): one JVM serving
 * <ul>
 *   <li>the real endpoint: an {@link EcsServer} on a real-time {@link LocalEcs} with the in-memory runtime, seeded
 *       with cluster {@code bench} (10 instances, 100 running tasks, service {@code bench-svc} with one task) and the
 *       task definition {@code bench-ec2};</li>
 *   <li>the baseline: the same HTTP stack ({@link NettyEndpoint}) and protocol code with one operation that does
 *       nothing and answers {@code {}}.</li>
 * </ul>
 * Writes the ports and request bodies to {@code <dir>} for {@link HttpLoad}, then runs until killed.
 *
 * <p>Usage: {@code HttpBenchServer <dir>}.
 */
public final class HttpBenchServer {
    private HttpBenchServer() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        LocalEcs ecs = LocalEcs.builder().runtime(InMemoryRuntime.create()).build().start();
        ecs.createCluster("bench");
        for (int i = 0; i < 10; i++) {
            ecs.registerContainerInstance(RegisterContainerInstanceRequest.builder().cluster("bench")
                    .availabilityZone("us-east-1" + "abc".charAt(i % 3)).cpu(1_000_000).memory(10_000_000).build());
        }
        ecs.registerTaskDefinition(EcsJson.readTaskDefinition("{\"family\":\"bench-ec2\",\"containerDefinitions\":"
                + "[{\"name\":\"app\",\"image\":\"busybox\",\"cpu\":1,\"memory\":8}]}"));
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            for (Task t : ecs.runTask(RunTaskRequest.builder("bench", "bench-ec2").count(10).build()).tasks()) {
                tasks.add(t.taskArn().toString());
            }
        }
        ecs.createService(CreateServiceRequest.builder("bench", "bench-svc", "bench-ec2").desiredCount(1).build());
        EcsServer server = EcsServer.builder().localEcs(ecs).port(0).ioThreads(1).build().start();

        RegionRouter nobody = new RegionRouter() {
            @Override
            public String defaultRegion() {
                return "us-east-1";
            }

            @Override
            public LocalEcs forRegion(String region) {
                return null;
            }
        };
        Operation nothing = new Operation("DescribeClusters", false, (e, in) -> WireJson.object());
        NettyEndpoint baseline = new NettyEndpoint("127.0.0.1", 0, 1 << 20, 200, 1,
                new WireProtocol(nobody, Map.of("DescribeClusters", nothing)));
        baseline.start();

        write(dir, "ports", server.port() + " " + baseline.port());
        write(dir, "DescribeClusters.json", "{\"clusters\":[\"bench\"]}");
        write(dir, "DescribeServices.json", "{\"cluster\":\"bench\",\"services\":[\"bench-svc\"]}");
        write(dir, "DescribeTasks.json", "{\"cluster\":\"bench\",\"tasks\":" + json(tasks.subList(0, 10)) + "}");
        write(dir, "ListTasks.json", "{\"cluster\":\"bench\",\"maxResults\":100}");
        // RunTask places an EC2 task (bridge mode) on the 10 instances: no awsvpc address pool to run out of, so every
        // request takes the same path however many tasks earlier rounds started (a /16 holds 64,256 awsvpc tasks).
        write(dir, "RunTask.json", "{\"cluster\":\"bench\",\"taskDefinition\":\"bench-ec2\"}");
        System.out.println("real " + server.endpoint() + " baseline http://127.0.0.1:" + baseline.port());
        Thread.currentThread().join();
    }

    private static String json(List<String> values) {
        StringBuilder b = new StringBuilder("[");
        for (String v : values) {
            b.append(b.length() > 1 ? "," : "").append('"').append(v).append('"');
        }
        return b.append(']').toString();
    }

    private static void write(Path dir, String name, String text) throws Exception {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
