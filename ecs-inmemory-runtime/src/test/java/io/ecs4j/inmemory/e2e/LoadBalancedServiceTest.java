package io.ecs4j.inmemory.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecs4j.EcsErrorCode;
import io.ecs4j.EcsException;
import io.ecs4j.LocalEcs;
import io.ecs4j.inmemory.InMemoryRuntime;
import io.ecs4j.inmemory.RecordedCall;
import io.ecs4j.inmemory.SimulatedLoadBalancer;
import io.ecs4j.spi.loadbalancer.TargetDescription;
import io.ecs4j.json.EcsJson;
import io.ecs4j.model.DeploymentCircuitBreaker;
import io.ecs4j.model.DeploymentConfiguration;
import io.ecs4j.model.EcsEvent;
import io.ecs4j.model.LoadBalancer;
import io.ecs4j.model.RolloutState;
import io.ecs4j.model.Service;
import io.ecs4j.model.ServiceEvent;
import io.ecs4j.model.Task;
import io.ecs4j.model.TaskStatus;
import io.ecs4j.model.TaskStopCode;
import io.ecs4j.request.CreateServiceRequest;
import io.ecs4j.request.ListTasksRequest;
import io.ecs4j.request.RegisterContainerInstanceRequest;
import io.ecs4j.request.UpdateServiceRequest;
import io.ecs4j.spi.loadbalancer.HealthCheckSettings;
import io.ecs4j.spi.loadbalancer.Target;
import io.ecs4j.spi.loadbalancer.TargetGroup;
import io.ecs4j.spi.loadbalancer.TargetHealthState;
import io.ecs4j.time.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Services behind a load balancer (ecs-semantics §3.1, §3.2, §5.3, §5.8) on the in-memory runtime, the simulated load
 * balancer and the virtual clock: registration when RUNNING, healthy only once the target is, DEACTIVATING for the
 * deregistration delay before the containers are stopped, ELB-unhealthy replacement, and a rolling update that never
 * routes a request to a target that is not healthy.
 */
class LoadBalancedServiceTest {
    private static final String WEB = """
            {
              "family": "web",
              "containerDefinitions": [{
                "name": "app", "image": "example/app:%s", "memory": 256,
                "portMappings": [{"containerPort": 8080, "hostPort": 0}]
              }]
            }
            """;
    private static final Duration DELAY = Duration.ofSeconds(30);

    private final VirtualClock clock = VirtualClock.create();
    private final InMemoryRuntime runtime = InMemoryRuntime.create();
    private final SimulatedLoadBalancer lb = SimulatedLoadBalancer.create();
    private final TargetGroup tg = lb.createTargetGroup("web", HealthCheckSettings.DEFAULTS
            .withInterval(Duration.ofSeconds(5), Duration.ofSeconds(2)).withThresholds(2, 2), DELAY);
    /** When each task entered DEACTIVATING and STOPPING (from the task events). */
    private final Map<String, Instant> deactivatingAt = new ConcurrentHashMap<>();
    private final Map<String, Instant> stoppingAt = new ConcurrentHashMap<>();
    private LocalEcs ecs;

    @BeforeEach
    void setUp() {
        ecs = LocalEcs.builder().timeSource(clock).runtime(runtime).loadBalancer(lb).start();
        for (String zone : List.of("us-east-1a", "us-east-1b")) {
            ecs.registerContainerInstance(RegisterContainerInstanceRequest.builder().availabilityZone(zone).build());
        }
        ecs.registerTaskDefinition(EcsJson.readTaskDefinition(WEB.formatted("1")));
        ecs.subscribe(e -> {
            if (e instanceof EcsEvent.TaskStateChange c) {
                if (c.task().lastStatus() == TaskStatus.DEACTIVATING) {
                    deactivatingAt.putIfAbsent(c.task().taskId(), e.time());
                } else if (c.task().lastStatus() == TaskStatus.STOPPING) {
                    stoppingAt.putIfAbsent(c.task().taskId(), e.time());
                }
            }
        });
    }

    @AfterEach
    void tearDown() {
        ecs.close();
    }

    private CreateServiceRequest.Builder web(int desired) {
        return CreateServiceRequest.builder("default", "web", "web").desiredCount(desired)
                .loadBalancers(List.of(new LoadBalancer(tg.arn(), null, "app", 8080)));
    }

    private Service service() {
        return ecs.findService(null, "web").orElseThrow();
    }

    private boolean steady() {
        Service s = service();
        return s.isStable() && s.deployments().get(0).rolloutState() == RolloutState.COMPLETED;
    }

    private List<Task> tasks() {
        return ecs.describeTasks(null, ecs.listTasks(ListTasksRequest.builder().serviceName("web").build()).items())
                .items();
    }

    private Task task(String id) {
        return ecs.findTask(null, id).orElseThrow();
    }

    private List<String> messages() {
        return service().events().stream().map(ServiceEvent::message).toList();
    }

    private Map<String, TargetHealthState> targetStates() {
        Map<String, TargetHealthState> out = new HashMap<>();
        for (TargetDescription d : lb.describeTargetHealth(tg.arn())) {
            out.put(d.target().taskArn().taskId(), d.state());
        }
        return out;
    }

    /**
     * Routes {@code n} requests and checks each went to a healthy, non-draining target of a RUNNING task whose container
     * runs; returns the revisions that served them.
     */
    private List<Integer> routeAndCheck(int n) {
        List<Integer> revisions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Optional<Target> target = lb.route(tg.arn());
            assertThat(target).as("a request at %s found no target", clock.instant()).isPresent();
            Task t = task(target.get().taskArn().taskId());
            assertThat(targetStates().get(t.taskId())).as("state of the target routed to").isEqualTo(
                    TargetHealthState.HEALTHY);
            assertThat(t.lastStatus()).as("task routed to").isEqualTo(TaskStatus.RUNNING);
            assertThat(t.desiredStatus().value()).isEqualTo("RUNNING");
            assertThat(stopCalls(t)).as("SIGTERM sent to the container routed to").isEmpty();
            revisions.add(t.taskDefinitionArn().revision());
        }
        return revisions;
    }

    // ------------------------------------------------------------------ registration and health

    @Test
    void createService_registersEachTaskWhenRunning_andCountsItHealthyOnlyOnceItsTargetIsHealthy() {
        ecs.createService(web(2).build());
        clock.runUntilIdle();

        assertThat(tasks()).extracting(Task::lastStatus).containsOnly(TaskStatus.RUNNING);
        List<TargetDescription> targets = lb.describeTargetHealth(tg.arn());
        assertThat(targets).hasSize(2).extracting(TargetDescription::state).containsOnly(TargetHealthState.INITIAL);
        for (TargetDescription d : targets) {
            Task t = task(d.target().taskArn().taskId());
            assertThat(d.target().containerName()).isEqualTo("app");
            assertThat(d.target().port()).isEqualTo(t.container("app").networkBindings().get(0).hostPort());
            assertThat(d.target().host()).isEqualTo("127.0.0.1");
        }
        assertThat(service().deployments().get(0).rolloutState()).isEqualTo(RolloutState.IN_PROGRESS);
        assertThat(lb.route(tg.arn())).isEmpty();

        // interval 5 s, healthy threshold 2: probes at 0 s and 5 s. No 40-second rule with a load balancer.
        clock.advance(Duration.ofSeconds(4));
        assertThat(steady()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(targetStates().values()).containsOnly(TargetHealthState.HEALTHY);
        assertThat(steady()).isTrue();
        // one registration per task reaching RUNNING; both at the same instant, so one event counts both
        assertThat(messages()).contains("(service web) registered 2 targets in (target-group " + tg.arn() + ")",
                "(service web) has reached a steady state.");
    }

    @Test
    void createService_withContainerHealthCheckToo_needsBothTheTargetAndTheTaskHealthy() {
        ecs.registerTaskDefinition(EcsJson.readTaskDefinition("""
                {"family": "web", "containerDefinitions": [{"name": "app", "image": "example/app:2", "memory": 256,
                  "portMappings": [{"containerPort": 8080}],
                  "healthCheck": {"command": ["CMD-SHELL", "true"], "interval": 30, "retries": 3}}]}
                """));
        ecs.createService(web(1).taskDefinition("web:2").build());

        clock.advance(Duration.ofSeconds(10));
        assertThat(targetStates().values()).containsOnly(TargetHealthState.HEALTHY);
        assertThat(steady()).as("target healthy, container health check not passed yet").isFalse();

        clock.advance(Duration.ofSeconds(25));
        assertThat(tasks().get(0).healthStatus().value()).isEqualTo("HEALTHY");
        assertThat(steady()).isTrue();
    }

    // ------------------------------------------------------------------ deregistration and draining

    @Test
    void stopTask_deregistersTheTarget_andWaitsInDeactivatingForTheDeregistrationDelay_beforeStopping() {
        ecs.createService(web(1).build());
        clock.advanceUntil(this::steady, Duration.ofMinutes(1));
        Task t = tasks().get(0);
        Instant stopAt = clock.instant();

        ecs.stopTask(null, t.taskId(), null);
        clock.runUntilIdle();

        assertThat(task(t.taskId()).lastStatus()).isEqualTo(TaskStatus.DEACTIVATING);
        assertThat(targetStates().get(t.taskId())).isEqualTo(TargetHealthState.DRAINING);
        assertThat(stopCalls(t)).isEmpty();
        assertThat(messages()).contains("(service web) deregistered 1 targets in (target-group " + tg.arn() + ")",
                "(service web) has begun draining connections on 1 tasks.");

        clock.advance(DELAY.minusSeconds(1));
        assertThat(task(t.taskId()).lastStatus()).isEqualTo(TaskStatus.DEACTIVATING);
        assertThat(stopCalls(t)).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        assertThat(task(t.taskId()).lastStatus()).isEqualTo(TaskStatus.STOPPED);
        assertThat(stopCalls(t)).singleElement().extracting(RecordedCall.Stop::at).isEqualTo(stopAt.plus(DELAY));
        assertThat(Duration.between(deactivatingAt.get(t.taskId()), stoppingAt.get(t.taskId()))).isEqualTo(DELAY);
        assertThat(targetStates()).doesNotContainKey(t.taskId());
    }

    @Test
    void essentialContainerExit_deregistersWithoutWaiting() {
        ecs.createService(web(1).build());
        clock.advanceUntil(this::steady, Duration.ofMinutes(1));
        Task t = tasks().get(0);

        ecs.runtime().stop(new io.ecs4j.spi.runtime.ContainerHandle(t.taskArn(), "app"), Duration.ZERO);
        clock.runUntilIdle();

        Task stopped = task(t.taskId());
        assertThat(stopped.lastStatus()).isEqualTo(TaskStatus.STOPPED);
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
        assertThat(deactivatingAt).doesNotContainKey(t.taskId());
        assertThat(targetStates().get(t.taskId())).isEqualTo(TargetHealthState.DRAINING);
    }

    private List<RecordedCall.Stop> stopCalls(Task t) {
        List<RecordedCall.Stop> out = new ArrayList<>();
        for (RecordedCall c : runtime.calls()) {
            if (c instanceof RecordedCall.Stop s && s.handle().taskArn().equals(t.taskArn())) {
                out.add(s);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ rolling update

    @Test
    void rollingUpdate_startFirst_neverRoutesToATargetThatIsNotHealthy_andDrainsOldTasksBeforeSigterm() {
        ecs.createService(web(3).build());
        clock.advanceUntil(this::steady, Duration.ofMinutes(1));
        List<String> oldTasks = tasks().stream().map(Task::taskId).toList();
        assertThat(routeAndCheck(30)).containsOnly(1);
        ecs.registerTaskDefinition(EcsJson.readTaskDefinition(WEB.formatted("2")));

        ecs.updateService(UpdateServiceRequest.builder("default", "web").taskDefinition("web").build());
        List<Integer> served = new ArrayList<>();
        for (int second = 0; second < 120 && !steady(); second++) {
            served.addAll(routeAndCheck(10));
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(steady()).isTrue();
        assertThat(lb.failedRequests(tg.arn())).isZero();
        assertThat(served).contains(1, 2);
        assertThat(routeAndCheck(30)).containsOnly(2);
        for (String id : oldTasks) {
            assertThat(task(id).lastStatus()).isEqualTo(TaskStatus.STOPPED);
            assertThat(Duration.between(deactivatingAt.get(id), stoppingAt.get(id))).as("drained before SIGTERM")
                    .isEqualTo(DELAY);
        }
        assertThat(lb.requestsServed(tg.arn())).hasSize(6);
        assertThat(service().runningCount()).isEqualTo(3);
    }

    // ------------------------------------------------------------------ unhealthy targets

    @Test
    void unhealthyTarget_isReplacedStartFirst_thenStopped_withEcsReasonAndEvent() {
        ecs.createService(web(2).build());
        clock.advanceUntil(this::steady, Duration.ofMinutes(1));
        Task sick = tasks().get(0);
        lb.healthCheck(t -> !t.taskArn().equals(sick.taskArn()));

        // probes every 5 s, unhealthy threshold 2: unhealthy within 10 s; a replacement starts, healthy 5 s later
        clock.advance(Duration.ofSeconds(10));
        assertThat(targetStates().get(sick.taskId())).isEqualTo(TargetHealthState.UNHEALTHY);
        String ec2 = ecs.findContainerInstance(null, sick.containerInstanceArn().id()).orElseThrow().ec2InstanceId();
        int port = sick.container("app").networkBindings().get(0).hostPort();
        assertThat(messages()).contains("(service web) (instance " + ec2 + ") (port " + port + ") is unhealthy in"
                + " (target-group " + tg.arn() + ") due to (reason Health checks failed).");
        assertThat(tasks()).hasSize(3);

        clock.advance(Duration.ofSeconds(10));
        Task stopped = task(sick.taskId());
        assertThat(stopped.desiredStatus().value()).isEqualTo("STOPPED");
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.SERVICE_SCHEDULER_INITIATED);
        assertThat(stopped.stoppedReason()).isEqualTo("Task failed ELB health checks in (target-group " + tg.arn()
                + ")");
        assertThat(tasks()).hasSize(2).extracting(Task::taskId).doesNotContain(sick.taskId());
        assertThat(task(sick.taskId()).lastStatus()).isEqualTo(TaskStatus.DEACTIVATING);
        clock.advance(DELAY);
        assertThat(task(sick.taskId()).lastStatus()).isEqualTo(TaskStatus.STOPPED);
    }

    @Test
    void unhealthyTarget_withinGracePeriod_isKeptUntilTheGracePeriodEnds() {
        Set<String> sick = ConcurrentHashMap.newKeySet();
        lb.healthCheck(t -> !sick.contains(t.taskArn().taskId()));
        ecs.createService(web(1).healthCheckGracePeriodSeconds(60).build());
        clock.runUntilIdle();
        Task t = tasks().get(0);
        sick.add(t.taskId());

        clock.advance(Duration.ofSeconds(59));
        assertThat(targetStates().get(t.taskId())).isEqualTo(TargetHealthState.UNHEALTHY);
        assertThat(tasks()).as("no replacement within the grace period").hasSize(1);

        clock.advance(Duration.ofSeconds(10));
        assertThat(task(t.taskId()).desiredStatus().value()).isEqualTo("STOPPED");
        assertThat(task(t.taskId()).stoppedReason()).startsWith("Task failed ELB health checks in (target-group ");
    }

    @Test
    void circuitBreaker_whenNewTargetsNeverGetHealthy_rollsBack_andTrafficStaysOnTheOldTasks() {
        ecs.createService(web(3).deploymentConfiguration(new DeploymentConfiguration(
                DeploymentCircuitBreaker.enabled(true), null, null)).build());
        clock.advanceUntil(this::steady, Duration.ofMinutes(1));
        ecs.registerTaskDefinition(EcsJson.readTaskDefinition(WEB.formatted("2")));
        lb.healthCheck(t -> task(t.taskArn().taskId()).taskDefinitionArn().revision() != 2);

        String bad = ecs.updateService(UpdateServiceRequest.builder("default", "web").taskDefinition("web").build())
                .deployments().get(0).id();
        List<Integer> served = new ArrayList<>();
        for (int second = 0; second < 300 && !(steady() && !service().deployments().get(0).id().equals(bad));
                second++) {
            served.addAll(routeAndCheck(5));
            clock.advance(Duration.ofSeconds(1));
        }

        Service s = service();
        assertThat(s.deployments()).hasSize(1);
        assertThat(s.deployments().get(0).taskDefinition().revision()).isEqualTo(1);
        assertThat(s.deployments().get(0).rolloutState()).isEqualTo(RolloutState.COMPLETED);
        assertThat(messages()).anyMatch(m -> m.startsWith("(service web) rolling back to deployment "));
        assertThat(served).containsOnly(1);
        assertThat(lb.failedRequests(tg.arn())).isZero();
        Set<String> reasons = new java.util.HashSet<>();
        for (String arn : ecs.listTasks(ListTasksRequest.builder().serviceName("web")
                .desiredStatus(io.ecs4j.model.DesiredStatus.STOPPED).build()).items()) {
            Task t = task(arn);
            if (t.taskDefinitionArn().revision() == 2) {
                reasons.add(t.stoppedReason());
            }
        }
        assertThat(reasons).contains("Task failed ELB health checks in (target-group " + tg.arn() + ")");
    }

    // ------------------------------------------------------------------ validation

    @Test
    void createService_withUnknownTargetGroup_isRejected() {
        String unknown = TargetGroup.arn("us-east-1", "000000000000", "nope", "0123456789abcdef");
        assertThatThrownBy(() -> ecs.createService(web(1)
                .loadBalancers(List.of(new LoadBalancer(unknown, null, "app", 8080))).build()))
                .isInstanceOfSatisfying(EcsException.class, e -> {
                    assertThat(e.code()).isEqualTo(EcsErrorCode.INVALID_PARAMETER);
                    assertThat(e.getMessage()).startsWith("Unable to assume role and validate the specified"
                            + " targetGroupArn.").contains(unknown);
                });
        assertThat(ecs.findService(null, "web")).isEmpty();
    }

    @Test
    void createService_withContainerOrPortNotInTheTaskDefinition_isRejected() {
        assertThatThrownBy(() -> ecs.createService(web(1)
                .loadBalancers(List.of(new LoadBalancer(tg.arn(), null, "nginx", 8080))).build()))
                .isInstanceOf(EcsException.class)
                .hasMessage("The container nginx does not exist in the task definition.");
        assertThatThrownBy(() -> ecs.createService(web(1)
                .loadBalancers(List.of(new LoadBalancer(tg.arn(), null, "app", 9090))).build()))
                .isInstanceOf(EcsException.class)
                .hasMessage("The container app did not have a container port 9090 defined.");
    }

    @Test
    void createService_withMoreThanFiveTargetGroups_orAClassicLoadBalancer_isRejected() {
        List<LoadBalancer> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(new LoadBalancer(lb.createTargetGroup("tg" + i).arn(), null, "app", 8080));
        }
        assertThatThrownBy(() -> ecs.createService(web(1).loadBalancers(six).build()))
                .isInstanceOf(EcsException.class).hasMessage("A service can have at most 5 target groups.");
        assertThatThrownBy(() -> ecs.createService(web(1)
                .loadBalancers(List.of(new LoadBalancer(null, "classic", "app", 8080))).build()))
                .isInstanceOf(EcsException.class).hasMessageContaining("Classic Load Balancers are not supported");
    }

    @Test
    void updateService_withUnknownTargetGroup_isRejected_andNothingChanges() {
        ecs.createService(web(1).build());
        String unknown = TargetGroup.arn("us-east-1", "000000000000", "nope", "0123456789abcdef");
        assertThatThrownBy(() -> ecs.updateService(UpdateServiceRequest.builder("default", "web")
                .loadBalancers(List.of(new LoadBalancer(unknown, null, "app", 8080))).build()))
                .isInstanceOf(EcsException.class).hasMessageContaining(unknown);
        assertThat(service().loadBalancers()).extracting(LoadBalancer::targetGroupArn).containsExactly(tg.arn());
    }
}
