package io.ecs4j.samples.quickstart;

import io.ecs4j.LocalEcs;
import io.ecs4j.inmemory.ContainerBehaviour;
import io.ecs4j.inmemory.HealthProbe;
import io.ecs4j.inmemory.InMemoryRuntime;
import io.ecs4j.json.EcsJson;
import io.ecs4j.model.ContainerInstance;
import io.ecs4j.model.PlacementStrategy;
import io.ecs4j.model.Task;
import io.ecs4j.model.TaskDefinition;
import io.ecs4j.request.RegisterContainerInstanceRequest;
import io.ecs4j.request.RunTaskRequest;
import io.ecs4j.spi.runtime.ContainerHandle;
import io.ecs4j.time.VirtualClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The ecs4j quickstart: a cluster with instances in two availability zones, a two-container task definition
 * registered from ECS JSON (an app that waits for a HEALTHY sidecar), two tasks spread over the zones, one of them
 * losing its essential container — all on a virtual clock, printed as a timeline.
 *
 * <p>Run it with {@code mvn -q -Pquickstart -DskipTests -pl samples/quickstart -am verify}.
 */
public final class Quickstart {

    private Quickstart() {
    }

    public static void main(String[] args) {
        run(System.out);
    }

    /** Runs the scenario, printing to {@code out}; returns the tasks as they ended. */
    public static List<Task> run(PrintStream out) {
        long wallStart = System.nanoTime();
        VirtualClock clock = VirtualClock.create();
        // The in-memory runtime simulates containers. Script the sidecar's health checks: two failing probes while
        // it warms up (inside its 10 s start period), then healthy.
        InMemoryRuntime runtime = InMemoryRuntime.builder()
                .onImage("example/envoy:1.29", ContainerBehaviour.builder()
                        .healthProbes(HealthProbe.FAIL, HealthProbe.FAIL, HealthProbe.PASS).build())
                .build();
        try (LocalEcs ecs = LocalEcs.builder().timeSource(clock).runtime(runtime).start()) {
            Timeline timeline = new Timeline(clock, out);
            ecs.subscribe(timeline::onEvent);

            out.println("ecs4j quickstart: Amazon ECS on a virtual clock, with the in-memory runtime");
            out.println();
            out.println("1. A cluster with container instances in two availability zones");
            ecs.createCluster("quickstart");
            for (String zone : List.of("us-east-1a", "us-east-1b")) {
                ContainerInstance ci = ecs.registerContainerInstance(RegisterContainerInstanceRequest.builder()
                        .cluster("quickstart").availabilityZone(zone).instanceType("m5.large").build());
                out.printf("   instance %s  %s  %s  %d CPU units, %d MiB%n", Timeline.shortId(ci.id()),
                        ci.availabilityZone(), ci.attribute("ecs.instance-type"), ci.registered("CPU"),
                        ci.registered("MEMORY"));
            }

            out.println();
            out.println("2. A task definition registered from the JSON `aws ecs register-task-definition` takes");
            TaskDefinition td = ecs.registerTaskDefinition(EcsJson.readTaskDefinition(resource("web-with-sidecar.json")));
            out.printf("   %s  (%s)%n", td.taskDefinitionArn(), String.join(", ", td.compatibilities().stream()
                    .map(Object::toString).toList()));
            td.containerDefinitions().forEach(c -> out.printf("   - %-8s %-24s essential=%s%s%s%n", c.name(), c.image(),
                    c.essential(), c.dependsOn().isEmpty() ? "" : "  dependsOn " + c.dependsOn().get(0).containerName()
                            + " " + c.dependsOn().get(0).condition(),
                    c.healthCheck() == null ? "" : "  healthCheck every " + c.healthCheck().interval() + "s"));

            out.println();
            out.println("3. RunTask count=2, spread over availability zones; the timeline in virtual time");
            timeline.startNow();
            List<Task> tasks = ecs.runTask(RunTaskRequest.builder("quickstart", "web").count(2)
                    .placementStrategy(PlacementStrategy.spread("attribute:ecs.availability-zone")).build()).tasks();
            // Script the first task's app to crash after a minute and a half: an essential container exiting.
            runtime.onContainer(new ContainerHandle(tasks.get(0).taskArn(), "app"),
                    ContainerBehaviour.exitsAfter(Duration.ofSeconds(90), 1));
            clock.advance(Duration.ofMinutes(3));

            out.println();
            out.println("4. DescribeTasks after 3 virtual minutes");
            List<Task> ended = ecs.describeTasks("quickstart", tasks.stream().map(Task::taskId).toList()).items();
            for (Task t : ended) {
                out.printf("   task %s  %-7s health=%-7s%s%n", Timeline.shortId(t.taskId()), t.lastStatus(),
                        t.healthStatus(), t.stopCode() == null ? ""
                                : "  stopCode=" + t.stopCode() + " reason=\"" + t.stoppedReason() + "\"");
                t.containers().forEach(c -> out.printf("      %-8s %-8s exitCode=%s%s%n", c.name(), c.lastStatus(),
                        c.exitCode(), c.networkBindings().isEmpty() ? ""
                                : "  hostPort=" + c.networkBindings().get(0).hostPort()));
            }
            long wallMillis = (System.nanoTime() - wallStart) / 1_000_000;
            out.println();
            out.printf("3 minutes of ECS in %d ms of wall time. Next: samples/webapp-rollout and"
                    + " samples/testing-ecs-code.%n", wallMillis);
            return ended;
        }
    }

    private static String resource(String name) {
        try (InputStream in = Quickstart.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
