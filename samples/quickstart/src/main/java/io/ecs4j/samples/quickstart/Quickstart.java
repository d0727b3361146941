package io.ecs4j.samples.quickstart;

import io.ecs4j.LocalEcs;
import io.ecs4j.inmemory.ContainerBehaviour;
import io.ecs4j.inmemory.HealthProbe;
import io.ecs4j.inmemory.InMemoryRuntime;
import io.ecs4j.inmemory.SimulatedLoadBalancer;
import io.ecs4j.json.EcsJson;
import io.ecs4j.model.ContainerInstance;
import io.ecs4j.model.DesiredStatus;
import io.ecs4j.model.LoadBalancer;
import io.ecs4j.model.PlacementStrategy;
import io.ecs4j.model.RolloutState;
import io.ecs4j.model.Service;
import io.ecs4j.model.Task;
import io.ecs4j.model.TaskDefinition;
import io.ecs4j.model.TaskDefinitionArn;
import io.ecs4j.model.TaskDefinitionStatus;
import io.ecs4j.request.CreateServiceRequest;
import io.ecs4j.request.ListTaskDefinitionsRequest;
import io.ecs4j.request.ListTasksRequest;
import io.ecs4j.request.RegisterContainerInstanceRequest;
import io.ecs4j.request.RunTaskRequest;
import io.ecs4j.request.UpdateServiceRequest;
import io.ecs4j.spi.loadbalancer.HealthCheckSettings;
import io.ecs4j.spi.loadbalancer.Target;
import io.ecs4j.spi.loadbalancer.TargetGroup;
import io.ecs4j.spi.runtime.ContainerHandle;
import io.ecs4j.time.VirtualClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The ecs4j quickstart: the core ECS concepts, run on the in-memory runtime and a virtual clock, printed as a timeline.
 *
 * <ol>
 *   <li>A cluster with container instances in two availability zones.</li>
 *   <li>A two-container task definition registered from ECS JSON: an app that waits for a HEALTHY sidecar.</li>
 *   <li>RunTask: two standalone tasks spread over the zones; one of them loses its essential container.</li>
 *   <li>DescribeTasks: how they ended.</li>
 *   <li>A service of 4 tasks behind a (simulated) load balancer, spread over the zones, up to its steady state.</li>
 *   <li>A new task definition revision rolled out with UpdateService: a rolling update within
 *       {@code minimumHealthyPercent} 100 and {@code maximumPercent} 200, with requests routed through the load
 *       balancer every second and none failing; then the revisions of the family, and the old one deregistered.</li>
 * </ol>
 *
 * <p>Run it with {@code mvn -q -Pquickstart -DskipTests -pl samples/quickstart -am verify}.
 */
public final class Quickstart {
    private static final String CLUSTER = "quickstart";
    private static final String SERVICE = "shop";
    private static final int REQUESTS_PER_SECOND = 10;
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(10);

    /**
     * How the scenario ended.
     *
     * @param standaloneTasks     the two tasks of RunTask (steps 3-4), as they ended
     * @param service             the service after the rolling update
     * @param serviceTasks        the service's running tasks after the rolling update
     * @param stoppedServiceTasks the service's stopped tasks (those of revision 1)
     * @param revisions           ListTaskDefinitions of family {@code shop} before deregistering revision 1
     * @param deregistered        revision 1 once deregistered
     * @param requestsByRevision  requests routed through the load balancer during the rolling update, per revision
     *                            that served them
     * @param failedRequests      requests that found no healthy target during the rolling update
     */
    public record Result(List<Task> standaloneTasks, Service service, List<Task> serviceTasks,
                         List<Task> stoppedServiceTasks, List<TaskDefinitionArn> revisions,
                         TaskDefinition deregistered, Map<Integer, Long> requestsByRevision, long failedRequests) {
        public Result {
            standaloneTasks = List.copyOf(standaloneTasks);
            serviceTasks = List.copyOf(serviceTasks);
            stoppedServiceTasks = List.copyOf(stoppedServiceTasks);
            revisions = List.copyOf(revisions);
            requestsByRevision = Map.copyOf(requestsByRevision);
        }
    }

    private Quickstart() {
    }

    public static void main(String[] args) {
        run(System.out);
    }

    /** Runs the scenario, printing to {@code out}. */
    public static Result run(PrintStream out) {
        long wallStart = System.nanoTime();
        VirtualClock clock = VirtualClock.create();
        Instant virtualStart = clock.instant();
        // The in-memory runtime simulates containers. Script the sidecar's health checks: two failing probes while
        // it warms up (inside its 10 s start period), then healthy.
        InMemoryRuntime runtime = InMemoryRuntime.builder()
                .onImage("example/envoy:1.29", ContainerBehaviour.builder()
                        .healthProbes(HealthProbe.FAIL, HealthProbe.FAIL, HealthProbe.PASS).build())
                .build();
        // A simulated Elastic Load Balancing: a target group probed every 5 s, healthy after 2 passes, and a 30 s
        // deregistration delay (connection draining) for targets that leave.
        SimulatedLoadBalancer lb = SimulatedLoadBalancer.create();
        TargetGroup tg = lb.createTargetGroup("shop",
                HealthCheckSettings.DEFAULTS.withInterval(Duration.ofSeconds(5), Duration.ofSeconds(2))
                        .withThresholds(2, 2),
                Duration.ofSeconds(30));
        try (LocalEcs ecs = LocalEcs.builder().timeSource(clock).runtime(runtime).loadBalancer(lb).start()) {
            Timeline timeline = new Timeline(clock, out);
            ecs.subscribe(timeline::onEvent);

            out.println("ecs4j quickstart: Amazon ECS on a virtual clock, with the in-memory runtime");
            out.println();
            out.println("1. A cluster with container instances in two availability zones");
            ecs.createCluster(CLUSTER);
            for (String zone : List.of("us-east-1a", "us-east-1b")) {
                ContainerInstance ci = ecs.registerContainerInstance(RegisterContainerInstanceRequest.builder()
                        .cluster(CLUSTER).availabilityZone(zone).instanceType("m5.large").build());
                out.printf("   instance %s  %s  %s  %s  %d CPU units, %d MiB%n", Timeline.shortId(ci.id()),
                        ci.ec2InstanceId(), ci.availabilityZone(), ci.attribute("ecs.instance-type"),
                        ci.registered("CPU"), ci.registered("MEMORY"));
            }

            out.println();
            out.println("2. A task definition registered from the JSON `aws ecs register-task-definition` takes");
            TaskDefinition td = ecs.registerTaskDefinition(
                    EcsJson.readTaskDefinition(resource("web-with-sidecar.json")));
            out.printf("   %s  (%s)%n", td.taskDefinitionArn(), td.compatibilities().stream()
                    .map(Object::toString).collect(Collectors.joining(", ")));
            td.containerDefinitions().forEach(c -> out.printf("   - %-8s %-24s essential=%s%s%s%n", c.name(), c.image(),
                    c.essential(), c.dependsOn().isEmpty() ? "" : "  dependsOn " + c.dependsOn().get(0).containerName()
                            + " " + c.dependsOn().get(0).condition(),
                    c.healthCheck() == null ? "" : "  healthCheck every " + c.healthCheck().interval() + "s"));

            out.println();
            out.println("3. RunTask count=2, spread over availability zones; the timeline in virtual time");
            timeline.startNow();
            List<Task> tasks = ecs.runTask(RunTaskRequest.builder(CLUSTER, "web").count(2)
                    .placementStrategy(PlacementStrategy.spread("attribute:ecs.availability-zone")).build()).tasks();
            // Script the first task's app to crash after a minute and a half: an essential container exiting.
            runtime.onContainer(new ContainerHandle(tasks.get(0).taskArn(), "app"),
                    ContainerBehaviour.exitsAfter(Duration.ofSeconds(90), 1));
            clock.advance(Duration.ofMinutes(3));

            out.println();
            out.println("4. DescribeTasks after 3 virtual minutes");
            List<Task> ended = ecs.describeTasks(CLUSTER, tasks.stream().map(Task::taskId).toList()).items();
            for (Task t : ended) {
                out.printf("   task %s  %-7s health=%-7s%s%n", Timeline.shortId(t.taskId()), t.lastStatus(),
                        t.healthStatus(), t.stopCode() == null ? ""
                                : "  stopCode=" + t.stopCode() + " reason=\"" + t.stoppedReason() + "\"");
                t.containers().forEach(c -> out.printf("      %-8s %-8s exitCode=%s%s%n", c.name(), c.lastStatus(),
                        c.exitCode(), c.networkBindings().isEmpty() ? ""
                                : "  hostPort=" + c.networkBindings().get(0).hostPort()));
            }

            out.println();
            out.println("5. A service behind a load balancer: CreateService shop, 4 tasks of shop:1");
            String shopJson = resource("shop.json");
            TaskDefinition shop1 = ecs.registerTaskDefinition(EcsJson.readTaskDefinition(shopJson));
            out.printf("   %s  web %s  port 8080 on a dynamic host port%n", shop1.taskDefinitionArn().familyRevision(),
                    shop1.container("web").image());
            out.printf("   %s: health check every 5 s, healthy after 2; deregistration delay 30 s%n",
                    Timeline.shorten(tg.arn()));
            out.println("   the timeline: service events oldest first (DescribeServices lists them newest first)");
            timeline.startNow();
            ecs.createService(CreateServiceRequest.builder(CLUSTER, SERVICE, "shop:1").desiredCount(4)
                    .loadBalancers(new LoadBalancer(tg.arn(), null, "web", 8080)).build());
            settle(clock, ecs, timeline, 1, () -> { });
            printPlacement(out, ecs, lb, tg);

            out.println();
            out.println("6. A new revision, shop:2 (same JSON, new image), rolled out with UpdateService");
            TaskDefinition parsed = EcsJson.readTaskDefinition(shopJson);
            TaskDefinition shop2 = ecs.registerTaskDefinition(parsed.toBuilder().containerDefinitions(
                    parsed.container("web").toBuilder().image("example/shop-web:1.1").build()).build());
            List<TaskDefinitionArn> revisions = revisions(ecs, TaskDefinitionStatus.ACTIVE);
            out.printf("   ListTaskDefinitions family shop: %s%n", familyRevisions(revisions));
            Service before = ecs.findService(CLUSTER, SERVICE).orElseThrow();
            out.printf("   minimumHealthyPercent %d, maximumPercent %d (ECS's defaults): at least 4 healthy tasks,"
                            + " at most 8 tasks%n", before.deploymentConfiguration().minimumHealthyPercent(),
                    before.deploymentConfiguration().maximumPercent());
            out.printf("   %d requests per second through the load balancer; the timeline:%n", REQUESTS_PER_SECOND);
            Map<Integer, Long> served = new TreeMap<>();
            timeline.startNow();
            ecs.updateService(UpdateServiceRequest.builder(CLUSTER, SERVICE)
                    .taskDefinition(shop2.taskDefinitionArn().familyRevision()).build());
            settle(clock, ecs, timeline, 2, () -> {
                for (int i = 0; i < REQUESTS_PER_SECOND; i++) {
                    Optional<Target> target = lb.route(tg.arn());
                    target.ifPresent(t -> served.merge(ecs.findTask(CLUSTER, t.taskArn().taskId()).orElseThrow()
                            .taskDefinitionArn().revision(), 1L, Long::sum));
                }
            });
            long failed = lb.failedRequests(tg.arn());
            out.printf("   requests served: %s; failed: %d%n", served.entrySet().stream()
                    .map(e -> "shop:" + e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")), failed);
            printPlacement(out, ecs, lb, tg);
            TaskDefinition deregistered = ecs.deregisterTaskDefinition("shop:1");
            out.printf("   DeregisterTaskDefinition shop:1 -> %s; ACTIVE revisions: %s, INACTIVE: %s%n",
                    deregistered.status(), familyRevisions(revisions(ecs, TaskDefinitionStatus.ACTIVE)),
                    familyRevisions(revisions(ecs, TaskDefinitionStatus.INACTIVE)));

            Service service = ecs.findService(CLUSTER, SERVICE).orElseThrow();
            List<Task> running = serviceTasks(ecs, DesiredStatus.RUNNING);
            List<Task> stopped = serviceTasks(ecs, DesiredStatus.STOPPED);
            long wallMillis = (System.nanoTime() - wallStart) / 1_000_000;
            Duration simulated = Duration.between(virtualStart, clock.instant());
            out.println();
            out.printf("%d min %02d s of ECS in %d ms of wall time. Next: samples/webapp-rollout and"
                    + " samples/testing-ecs-code.%n", simulated.toMinutes(), simulated.toSecondsPart(), wallMillis);
            return new Result(ended, service, running, stopped, revisions, deregistered, served, failed);
        }
    }

    /**
     * Moves virtual time forward a second at a time - running {@code everySecond} first - and reports the service on
     * the timeline after every timer that fires, until the service is steady on {@code revision}: one deployment,
     * COMPLETED, every desired task running.
     */
    private static void settle(VirtualClock clock, LocalEcs ecs, Timeline timeline, int revision,
                               Runnable everySecond) {
        Instant deadline = clock.instant().plus(SETTLE_TIMEOUT);
        while (clock.instant().isBefore(deadline)) {
            everySecond.run();
            if (clock.advanceUntil(() -> steadyOn(timeline.onService(ecs.findService(CLUSTER, SERVICE).orElseThrow()),
                    revision), Duration.ofSeconds(1))) {
                return;
            }
        }
        throw new IllegalStateException("service " + SERVICE + " not steady on revision " + revision + " after "
                + SETTLE_TIMEOUT.toMinutes() + " virtual minutes");
    }

    private static boolean steadyOn(Service s, int revision) {
        return s.isStable() && s.deployments().get(0).rolloutState() == RolloutState.COMPLETED
                && s.deployments().get(0).taskDefinition().revision() == revision;
    }

    /** The service's tasks per availability zone, and their targets in the load balancer. */
    private static void printPlacement(PrintStream out, LocalEcs ecs, SimulatedLoadBalancer lb, TargetGroup tg) {
        Map<String, List<Task>> byZone = new TreeMap<>(serviceTasks(ecs, DesiredStatus.RUNNING)
                .stream().collect(Collectors.groupingBy(Task::availabilityZone)));
        Map<String, String> targetState = lb.describeTargetHealth(tg.arn()).stream().collect(Collectors.toMap(
                d -> d.target().taskArn().taskId(), d -> d.target().endpoint() + " " + d.state()));
        byZone.forEach((zone, tasks) -> out.printf("   %s: %d tasks  %s%n", zone, tasks.size(), tasks.stream()
                .map(t -> Timeline.shortId(t.taskId()) + " " + t.taskDefinitionArn().familyRevision() + " "
                        + targetState.get(t.taskId()))
                .collect(Collectors.joining(", "))));
    }

    private static List<Task> serviceTasks(LocalEcs ecs, DesiredStatus desiredStatus) {
        List<String> arns = ecs.listTasks(ListTasksRequest.builder().cluster(CLUSTER).serviceName(SERVICE)
                .desiredStatus(desiredStatus).build()).items();
        return arns.isEmpty() ? List.of() : ecs.describeTasks(CLUSTER, arns).items();
    }

    private static List<TaskDefinitionArn> revisions(LocalEcs ecs, TaskDefinitionStatus status) {
        return ecs.listTaskDefinitions(ListTaskDefinitionsRequest.builder().familyPrefix("shop").status(status)
                .build()).items().stream().map(TaskDefinitionArn::parse).toList();
    }

    private static String familyRevisions(List<TaskDefinitionArn> arns) {
        return arns.stream().map(TaskDefinitionArn::familyRevision).collect(Collectors.joining(", ", "[", "]"));
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
