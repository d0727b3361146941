package io.ecs4j.services;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.model.ContainerInstance;
import io.ecs4j.model.ContainerInstanceStatus;
import io.ecs4j.model.DeploymentCircuitBreaker;
import io.ecs4j.model.DeploymentConfiguration;
import io.ecs4j.model.HealthStatus;
import io.ecs4j.model.RolloutState;
import io.ecs4j.model.Service;
import io.ecs4j.model.Task;
import io.ecs4j.request.CreateServiceRequest;
import io.ecs4j.request.UpdateServiceRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * 1,000 seeded random scenarios of a REPLICA service: random desired counts and percentages, slow and fast starts and
 * stops, deployments of good, failing and unhealthy revisions, crashes, unhealthy tasks, scaling, draining and
 * instance loss. At every published transition the {@link InvariantMonitor} checks the bounds; at the end each
 * scenario must reach a steady state or a failed rollout.
 *
 * <p>Exceptions the checks allow, because ECS allows them:
 * <ul>
 *   <li>healthy tasks may drop below ⌈D × min / 100⌉ when the drop is not the scheduler's choice: a task crashes,
 *       fails its health checks, or its instance is deregistered (the minimum constrains the scheduler's stops only,
 *       which are checked every time);</li>
 *   <li>right after the desired count is lowered, the tasks above the new ⌊D × max / 100⌋ are being stopped: the
 *       bound is checked against the old count until the excess has stopped, and nothing may be launched meanwhile;</li>
 *   <li>configurations where ⌊D × max / 100⌋ == ⌈D × min / 100⌉ (for D &gt; 0) cannot deploy at all - ECS reports them
 *       as blocked - so the generator avoids them (RollingUpdateTest covers the blocked event).</li>
 * </ul>
 */
class RollingUpdatePropertyTest {
    private static final int SCENARIOS = Integer.getInteger("ecs4j.propertyScenarios", 1000);
    private static final int[] MIN = {0, 25, 50, 75, 100};
    private static final int[] MAX = {100, 125, 150, 200};

    @Test
    void randomScenarios_keepTheBounds_andEndSteadyOrFailed() {
        List<String> failures = new ArrayList<>();
        int endedFailed = 0;
        int healthyStops = 0;
        int surges = 0;
        for (int seed = 0; seed < SCENARIOS; seed++) {
            Scenario scenario = new Scenario(seed);
            try {
                String problem = scenario.run();
                endedFailed += scenario.endedFailed ? 1 : 0;
                healthyStops += scenario.monitor.schedulerStopsOfHealthyTasks;
                surges += scenario.monitor.maxActiveSeen > scenario.desired ? 1 : 0;
                if (problem != null) {
                    failures.add("seed " + seed + ": " + problem + "\n  " + String.join("\n  ", scenario.log));
                }
            } catch (RuntimeException | AssertionError e) {
                failures.add("seed " + seed + ": " + e + "\n  " + String.join("\n  ", scenario.log));
            } finally {
                scenario.close();
            }
            if (failures.size() >= 3) {
                break;
            }
        }
        assertThat(failures).isEmpty();
        // The scenarios do exercise what they check: failed rollouts, surges above D, stops bounded by the minimum.
        assertThat(endedFailed).as("scenarios ending in a failed rollout").isPositive();
        assertThat(surges).as("scenarios surging above the desired count").isPositive();
        assertThat(healthyStops).as("scheduler stops of healthy tasks checked").isGreaterThan(SCENARIOS);
    }

    private static final class Scenario implements AutoCloseable {
        final SplittableRandom random;
        final ScriptedRuntime runtime = new ScriptedRuntime();
        final ServiceTestSupport env;
        final List<String> log = new ArrayList<>();
        final boolean healthCheck;
        final int min;
        final int max;
        final boolean breaker;
        int desired;
        int revision = 1;
        String image = "good";
        InvariantMonitor monitor;
        boolean endedFailed;

        Scenario(int seed) {
            random = new SplittableRandom(seed * 7919L + 17);
            runtime.behave("bad", ScriptedRuntime.Behaviour.FAIL).behave("sick", ScriptedRuntime.Behaviour.UNHEALTHY);
            SplittableRandom delays = random.split();
            int startMax = delays.nextInt(4) * 10;
            int stopMax = delays.nextInt(3) * 10;
            runtime.startDelay = spec -> Duration.ofSeconds(startMax == 0 ? 0 : delays.nextInt(startMax + 1));
            runtime.stopDelay = h -> Duration.ofSeconds(stopMax == 0 ? 0 : delays.nextInt(stopMax + 1));
            env = new ServiceTestSupport(runtime);
            healthCheck = random.nextBoolean();
            breaker = random.nextInt(3) > 0;
            int[] percents = percents();
            min = percents[0];
            max = percents[1];
            log.add("healthCheck=" + healthCheck + " breaker=" + breaker + " min=" + min + " max=" + max
                    + " start<=" + startMax + "s stop<=" + stopMax + "s");
        }

        private int[] percents() {
            while (true) {
                int mn = MIN[random.nextInt(MIN.length)];
                int mx = MAX[random.nextInt(MAX.length)];
                if (mn <= mx) {
                    return new int[] {mn, mx};
                }
            }
        }

        private boolean canDeploy(int d) {
            return d == 0 || InvariantMonitor.maxTasks(d, max) > InvariantMonitor.minHealthy(d, min);
        }

        private int randomDesired() {
            while (true) {
                int d = random.nextInt(11);
                if (canDeploy(d)) {
                    return d;
                }
            }
        }

        private void register(String image) {
            if (healthCheck) {
                env.checkedTaskDefinition("web", image);
            } else {
                env.taskDefinition("web", image);
            }
        }

        private ContainerInstance addInstance() {
            String zone = "us-east-1" + (char) ('a' + random.nextInt(3));
            return env.instance(zone, 8192, 16384);
        }

        String run() {
            for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                addInstance();
            }
            register("good");
            desired = randomDesired();
            monitor = new InvariantMonitor("web", env.clock, healthCheck, desired, min, max);
            env.ecs.subscribe(monitor);
            DeploymentCircuitBreaker cb = breaker ? DeploymentCircuitBreaker.enabled(random.nextBoolean()) : null;
            log.add("create desired=" + desired + " cb=" + cb);
            env.ecs.createService(CreateServiceRequest.builder("default", "web", "web").desiredCount(desired)
                    .deploymentConfiguration(new DeploymentConfiguration(cb, max, min)).build());
            for (int step = 0, steps = 4 + random.nextInt(8); step < steps; step++) {
                env.clock.advance(Duration.ofSeconds(random.nextInt(61)));
                act();
                if (!monitor.violations().isEmpty()) {
                    return "bounds violated: " + monitor.violations();
                }
            }
            RolloutState state = env.service("web").deployments().get(0).rolloutState();
            if (!image.equals("good") && state != RolloutState.FAILED || random.nextInt(4) == 0) {
                // A broken revision whose deployment completed (at desired count 0, before any task failed) is out
                // of the circuit breaker's reach and is retried forever, as in ECS: end such scenarios on a good
                // revision. Sometimes end on one anyway, so that recovering from a failed rollout is covered.
                revision++;
                image = "good";
                register(image);
                deploy();
            }
            boolean done = env.clock.advanceUntil(this::finished, Duration.ofHours(3));
            endedFailed = env.service("web").deployments().get(0).rolloutState() == RolloutState.FAILED;
            if (!monitor.violations().isEmpty()) {
                return "bounds violated: " + monitor.violations();
            }
            if (!done) {
                Service s = env.service("web");
                List<String> events = env.messages("web");
                return "neither steady nor failed after 3 h: running=" + s.runningCount() + " desired="
                        + s.desiredCount() + " deployments=" + s.deployments() + " latest events="
                        + events.subList(0, Math.min(8, events.size()));
            }
            return null;
        }

        boolean finished() {
            Service s = env.service("web");
            RolloutState state = s.deployments().get(0).rolloutState();
            boolean steady = s.isStable() && state == RolloutState.COMPLETED
                    && env.liveOrStopping("web").size() == s.desiredCount();
            return steady || state == RolloutState.FAILED;
        }

        private void deploy() {
            log.add(env.clock.instant() + " deploy web:" + revision);
            env.ecs.updateService(UpdateServiceRequest.builder("default", "web").taskDefinition("web:" + revision)
                    .build());
        }

        private void act() {
            List<Task> tasks = env.tasks("web");
            int roll = random.nextInt(100);
            if (roll < 30) {
                image = "good";
                if (breaker) {
                    int kind = random.nextInt(6);
                    image = kind == 0 ? "bad" : kind == 1 && healthCheck ? "sick" : "good";
                }
                revision++;
                register(image);
                log.add(env.clock.instant() + " (" + image + ")");
                deploy();
            } else if (roll < 45 && !tasks.isEmpty()) {
                Task t = tasks.get(random.nextInt(tasks.size()));
                log.add(env.clock.instant() + " crash " + t.taskId());
                runtime.crash(t.taskArn(), 1);
            } else if (roll < 55 && healthCheck && !tasks.isEmpty()) {
                Task t = tasks.get(random.nextInt(tasks.size()));
                log.add(env.clock.instant() + " unhealthy " + t.taskId());
                runtime.health(t.taskArn(), HealthStatus.UNHEALTHY);
            } else if (roll < 70) {
                int d = randomDesired();
                log.add(env.clock.instant() + " scale " + desired + " -> " + d);
                monitor.desiredChanged(d);
                desired = d;
                env.ecs.updateService(UpdateServiceRequest.builder("default", "web").desiredCount(d).build());
            } else if (roll < 85) {
                List<ContainerInstance> active = activeInstances();
                ContainerInstance victim = active.get(random.nextInt(active.size()));
                addInstance();
                if (random.nextBoolean()) {
                    log.add(env.clock.instant() + " drain " + victim.id());
                    env.ecs.updateContainerInstancesState("default", List.of(victim.id()),
                            ContainerInstanceStatus.DRAINING);
                } else {
                    log.add(env.clock.instant() + " lose " + victim.id());
                    env.ecs.deregisterContainerInstance("default", victim.id(), true);
                }
            }
            env.clock.runUntilIdle();
        }

        private List<ContainerInstance> activeInstances() {
            List<ContainerInstance> out = new ArrayList<>();
            for (String arn : env.ecs.listContainerInstances(io.ecs4j.request.ListContainerInstancesRequest.builder()
                    .status(ContainerInstanceStatus.ACTIVE).build()).items()) {
                out.add(env.ecs.findContainerInstance("default", arn).orElseThrow());
            }
            return out;
        }

        @Override
        public void close() {
            env.close();
        }
    }
}
