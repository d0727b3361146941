package io.ecs4j.samples.webapp;

import io.ecs4j.LocalEcs;
import io.ecs4j.docker.DockerRuntime;
import io.ecs4j.json.EcsJson;
import io.ecs4j.loadbalancer.HttpLoadBalancer;
import io.ecs4j.model.DeploymentCircuitBreaker;
import io.ecs4j.model.DeploymentConfiguration;
import io.ecs4j.model.LoadBalancer;
import io.ecs4j.model.RolloutState;
import io.ecs4j.model.Service;
import io.ecs4j.model.TaskDefinition;
import io.ecs4j.request.CreateServiceRequest;
import io.ecs4j.request.RegisterContainerInstanceRequest;
import io.ecs4j.request.UpdateServiceRequest;
import io.ecs4j.spi.loadbalancer.HealthCheckSettings;
import io.ecs4j.spi.loadbalancer.TargetGroup;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * The classic ECS workshop, locally: a web application behind a load balancer, rolled out to a new version with zero
 * failed requests, then a broken version that the deployment circuit breaker rolls back - on real Docker containers
 * and a real HTTP load balancer.
 *
 * <ol>
 *   <li>Builds {@code ecs4j-sample/webapp:1..3} from {@code local/busybox:1} (busybox httpd; version 3 lacks
 *       {@code /health}).</li>
 *   <li>A cluster with two container instances in two availability zones (partitioning the one Docker host), a target
 *       group on the local load balancer (health check {@code /health} every 5 s, 2 to become healthy or unhealthy,
 *       deregistration delay 5 s), a service of 3 tasks behind it, spread over the zones, with the circuit breaker
 *       and rollback on.</li>
 *   <li>Clients send requests through the load balancer continuously; the sample deploys version 2 and waits for the
 *       rolling update to complete, then deploys version 3 and waits for the circuit breaker to roll back.</li>
 *   <li>Prints the live timeline and, at the end, the requests answered per version and the failed ones.</li>
 * </ol>
 *
 * <p>Run it with {@code mvn -q -Pwebapp-rollout -DskipTests -pl samples/webapp-rollout -am verify} (Docker and the
 * {@code local/busybox:1} image needed: {@code bash .ci/run setup}). It takes about a minute and a half.
 */
public final class WebappRollout {
    static final String RUN_LABEL = "io.ecs4j.sample-run";
    private static final String CLUSTER = "workshop";
    private static final String SERVICE = "webapp";
    private static final String TASK_DEFINITION = """
            {
              "family": "webapp",
              "networkMode": "bridge",
              "containerDefinitions": [{
                "name": "web", "image": "%s", "cpu": 128, "memory": 64, "essential": true, "stopTimeout": 2,
                "portMappings": [{"containerPort": 8080, "hostPort": 0, "protocol": "tcp"}]
              }]
            }
            """;

    /**
     * What happened.
     *
     * @param perVersion          answers per body ({@code webapp v1}, {@code webapp v2}, ...)
     * @param failedRequests      requests that failed (error status or no answer) during both deployments
     * @param totalRequests       requests sent during both deployments
     * @param finalRevision       the task definition revision the service runs at the end
     * @param rolledBack          whether the circuit breaker rolled the broken version back
     * @param leftoverContainers  containers of the run still present after clean-up
     */
    public record Result(Map<String, Long> perVersion, long failedRequests, long totalRequests, int finalRevision,
                         boolean rolledBack, int leftoverContainers) {
    }

    private WebappRollout() {
    }

    public static void main(String[] args) {
        Result r = run(System.out);
        System.exit(r.failedRequests() == 0 && r.rolledBack() ? 0 : 1);
    }

    /** Runs the sample, printing to {@code out}. */
    public static Result run(PrintStream out) {
        String runId = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try (WebappImages images = new WebappImages()) {
            String problem = images.problem();
            if (problem != null) {
                throw new IllegalStateException("this sample needs Docker: " + problem);
            }
            try {
                return run(out, images, runId);
            } finally {
                images.removeAll(RUN_LABEL, runId);
                images.removeImages();
            }
        }
    }

    private static Result run(PrintStream out, WebappImages images, String runId) {
        out.println("ecs4j webapp rollout: a service behind a load balancer on Docker, rolled forward and back");
        out.println();
        out.println("1. Build the web application images from local/busybox:1");
        String v1 = images.build(1, true);
        String v2 = images.build(2, true);
        String v3 = images.build(3, false);
        out.printf("   %s, %s, %s (v3 has no /health: it will fail the load balancer's health check)%n", v1, v2, v3);

        HttpLoadBalancer lb = HttpLoadBalancer.create();
        TargetGroup tg = lb.createTargetGroup("webapp", HealthCheckSettings.DEFAULTS.withPath("/health")
                .withInterval(Duration.ofSeconds(5), Duration.ofSeconds(2)).withThresholds(2, 2), Duration.ofSeconds(5));
        URI uri = lb.listenerUri(tg.arn());
        DockerRuntime docker = DockerRuntime.builder().label(RUN_LABEL, runId)
                .networkNamePrefix("ecs4j-sample-" + runId + "-").stoppedContainerRetention(Duration.ofMinutes(10))
                .build();
        try (LocalEcs ecs = LocalEcs.builder().runtime(docker).loadBalancer(lb).createDefaultCluster(false).start()) {
            out.println();
            out.println("2. A cluster with two container instances in two availability zones (one Docker host)");
            ecs.createCluster(CLUSTER);
            for (String zone : List.of("us-east-1a", "us-east-1b")) {
                var ci = ecs.registerContainerInstance(RegisterContainerInstanceRequest.builder().cluster(CLUSTER)
                        .availabilityZone(zone).cpu(1024).memory(1024).build());
                out.printf("   instance %s  %s  %s%n", Timeline.shortId(ci.id()), ci.ec2InstanceId(),
                        ci.availabilityZone());
            }
            out.printf("   target group %s%n   listener     %s  (health check GET /health every 5 s, healthy"
                    + " after 2, unhealthy after 2, deregistration delay 5 s)%n", tg.arn(), uri);

            out.println();
            out.println("3. Register webapp:1 and create the service: 3 tasks behind the load balancer");
            TaskDefinition td1 = ecs.registerTaskDefinition(EcsJson.readTaskDefinition(TASK_DEFINITION.formatted(v1)));
            Timeline timeline = new Timeline(ecs, lb, CLUSTER, SERVICE, tg.arn(), out);
            Traffic traffic = new Traffic(uri);
            try {
                ecs.createService(CreateServiceRequest.builder(CLUSTER, SERVICE, td1.taskDefinitionArn().toString())
                        .desiredCount(3)
                        .loadBalancers(List.of(new LoadBalancer(tg.arn(), null, "web", 8080)))
                        .deploymentConfiguration(new DeploymentConfiguration(DeploymentCircuitBreaker.enabled(true),
                                200, 100))
                        .build());
                await(ecs, s -> completed(s, 1), Duration.ofMinutes(2), "webapp:1 steady");

                out.println();
                out.println("4. Traffic through the load balancer, continuously; deploy webapp:2 (rolling update)");
                traffic.start(2);
                timeline.traffic(traffic);
                TaskDefinition td2 = ecs.registerTaskDefinition(EcsJson.readTaskDefinition(
                        TASK_DEFINITION.formatted(v2)));
                ecs.updateService(UpdateServiceRequest.builder(CLUSTER, SERVICE)
                        .taskDefinition(td2.taskDefinitionArn().toString()).build());
                await(ecs, s -> completed(s, 2), Duration.ofMinutes(3), "webapp:2 deployed");
                timeline.print("requests so far: " + traffic.perVersion() + ", failed " + traffic.failed());

                out.println();
                out.println("5. Deploy webapp:3 (broken health check): the circuit breaker rolls back to webapp:2");
                TaskDefinition td3 = ecs.registerTaskDefinition(EcsJson.readTaskDefinition(
                        TASK_DEFINITION.formatted(v3)));
                String broken = ecs.updateService(UpdateServiceRequest.builder(CLUSTER, SERVICE)
                        .taskDefinition(td3.taskDefinitionArn().toString()).build()).deployments().get(0).id();
                await(ecs, s -> completed(s, 2) && !s.deployments().get(0).id().equals(broken), Duration.ofMinutes(4),
                        "rollback to webapp:2");
            } finally {
                traffic.close();
                timeline.close();
            }

            Service end = ecs.findService(CLUSTER, SERVICE).orElseThrow();
            boolean rolledBack = end.events().stream().anyMatch(e -> e.message().contains("rolling back to deployment"));
            out.println();
            out.println("6. Result");
            traffic.perVersion().forEach((version, n) -> out.printf("   %-10s %6d requests%n", version, n));
            out.printf("   failed     %6d of %d requests sent during both deployments%n", traffic.failed(),
                    traffic.total());
            traffic.failures().forEach(f -> out.println("     " + f));
            out.printf("   service runs webapp:%d, %d/%d tasks; rolled back: %s%n",
                    end.deployments().get(0).taskDefinition().revision(), end.runningCount(), end.desiredCount(),
                    rolledBack);
            int revision = end.deployments().get(0).taskDefinition().revision();
            ecs.updateService(UpdateServiceRequest.builder(CLUSTER, SERVICE).desiredCount(0).build());
            ecs.deleteService(CLUSTER, SERVICE, true);
            Result partial = new Result(traffic.perVersion(), traffic.failed(), traffic.total(), revision, rolledBack,
                    -1);
            ecs.close();
            images.removeAll(RUN_LABEL, runId);
            int leftovers = images.leftovers(RUN_LABEL, runId);
            out.printf("   containers left after clean-up: %d%n", leftovers);
            return new Result(partial.perVersion(), partial.failedRequests(), partial.totalRequests(),
                    partial.finalRevision(), partial.rolledBack(), leftovers);
        }
    }

    /** The PRIMARY deployment runs {@code revision}, completed, alone, with every task running. */
    private static boolean completed(Service s, int revision) {
        return s.deployments().size() == 1 && s.deployments().get(0).rolloutState() == RolloutState.COMPLETED
                && s.deployments().get(0).taskDefinition().revision() == revision
                && s.runningCount() == s.desiredCount();
    }

    private static void await(LocalEcs ecs, Predicate<Service> condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.test(ecs.findService(CLUSTER, SERVICE).orElseThrow())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what, e);
            }
        }
    }
}
