package io.ecs4j.samples.testing;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DeploymentRolloutState;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.waiters.EcsWaiter;

/**
 * Rolls a new image out to an ECS service, the way deployment scripts and pipelines do it with the AWS SDK:
 * <ol>
 *   <li>read the service's current task definition and register a new revision with the new image;</li>
 *   <li>{@code UpdateService} to that revision, which starts a new PRIMARY deployment;</li>
 *   <li>poll {@code DescribeServices} until the deployment is COMPLETED (success) or FAILED; a deployment whose
 *       circuit breaker rolls back is replaced by a rollback deployment, so "our deployment is gone and the service
 *       runs another revision" also means failure;</li>
 *   <li>after a rollback, wait with the SDK's {@code services-stable} waiter until the service is stable again.</li>
 * </ol>
 *
 * <p>Nothing here knows about ecs4j: in production the {@link EcsClient} talks to Amazon ECS. The tests of this
 * sample give it a client pointed at an embedded ecs4j, on virtual time, and a zero poll interval, so that a rollout
 * that takes minutes in ECS is checked in milliseconds ({@code DeployerTest}).
 *
 * <p>Run the sample's tests with
 * {@code mvn -q -Ptesting-ecs-code -DskipTests -DskipITs -pl samples/testing-ecs-code -am verify}.
 */
public final class Deployer {

    /** How a deployment ended. */
    public enum Outcome {
        /** The new revision runs: its deployment COMPLETED and it is the service's only deployment. */
        DEPLOYED,
        /** The deployment failed and the circuit breaker rolled the service back to the previous revision. */
        ROLLED_BACK,
        /** The deployment failed and nothing rolled it back. */
        FAILED,
        /** Neither happened within the polls allowed. */
        TIMED_OUT
    }

    /**
     * What {@link #deploy} did.
     *
     * @param outcome           how it ended
     * @param taskDefinitionArn the revision it registered
     * @param deploymentId      the deployment it started
     * @param reason            why it failed (ECS's words), or null
     * @param polls             how many times it described the service
     */
    public record Result(Outcome outcome, String taskDefinitionArn, String deploymentId, String reason, int polls) {
    }

    private final EcsClient ecs;
    private final Duration pollInterval;
    private final int maxPolls;

    /**
     * @param ecs          the client
     * @param pollInterval the pause between two polls (ECS's own waiters use 15 seconds)
     * @param maxPolls     how many polls before giving up
     */
    public Deployer(EcsClient ecs, Duration pollInterval, int maxPolls) {
        this.ecs = Objects.requireNonNull(ecs, "ecs");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        if (maxPolls < 1) {
            throw new IllegalArgumentException("maxPolls must be positive: " + maxPolls);
        }
        this.maxPolls = maxPolls;
    }

    /**
     * Deploys {@code image} as the image of container {@code container} of {@code service}.
     *
     * @throws IllegalArgumentException if the service's task definition has no such container
     */
    public Result deploy(String cluster, String service, String container, String image) {
        Service current = describe(cluster, service);
        TaskDefinition running = ecs.describeTaskDefinition(r -> r.taskDefinition(current.taskDefinition()))
                .taskDefinition();
        if (running.containerDefinitions().stream().noneMatch(c -> c.name().equals(container))) {
            throw new IllegalArgumentException("task definition " + running.taskDefinitionArn() + " has no container "
                    + container);
        }
        List<ContainerDefinition> containers = running.containerDefinitions().stream()
                .map(c -> c.name().equals(container) ? c.toBuilder().image(image).build() : c)
                .toList();
        String revision = ecs.registerTaskDefinition(r -> r
                        .family(running.family())
                        .containerDefinitions(containers)
                        .networkMode(running.networkMode())
                        .cpu(running.cpu())
                        .memory(running.memory())
                        .requiresCompatibilities(running.requiresCompatibilities())
                        .taskRoleArn(running.taskRoleArn())
                        .executionRoleArn(running.executionRoleArn())
                        .volumes(running.volumes())
                        .placementConstraints(running.placementConstraints()))
                .taskDefinition().taskDefinitionArn();

        Service updated = ecs.updateService(r -> r.cluster(cluster).service(service).taskDefinition(revision))
                .service();
        String deploymentId = updated.deployments().stream().filter(d -> "PRIMARY".equals(d.status())).findFirst()
                .orElseThrow(() -> new IllegalStateException("UpdateService returned no PRIMARY deployment"))
                .id();
        return watch(cluster, service, revision, deploymentId);
    }

    private Result watch(String cluster, String service, String revision, String deploymentId) {
        for (int poll = 1; poll <= maxPolls; poll++) {
            Service s = describe(cluster, service);
            Optional<Deployment> ours = s.deployments().stream().filter(d -> d.id().equals(deploymentId)).findFirst();
            if (ours.isPresent()) {
                Deployment d = ours.get();
                if (d.rolloutState() == DeploymentRolloutState.COMPLETED && s.deployments().size() == 1) {
                    return new Result(Outcome.DEPLOYED, revision, deploymentId, null, poll);
                }
                if (d.rolloutState() == DeploymentRolloutState.FAILED && !rollsBack(s)) {
                    return new Result(Outcome.FAILED, revision, deploymentId, d.rolloutStateReason(), poll);
                }
            } else if (!revision.equals(s.taskDefinition())) {
                // Our deployment was replaced: the circuit breaker rolled back (or someone deployed over us).
                String reason = failureEvent(s, deploymentId).orElse("deployment " + deploymentId + " was replaced");
                int polls = poll + awaitStable(cluster, service);
                return new Result(Outcome.ROLLED_BACK, revision, deploymentId, reason, polls);
            }
            pause();
        }
        return new Result(Outcome.TIMED_OUT, revision, deploymentId, null, maxPolls);
    }

    private static boolean rollsBack(Service s) {
        var breaker = s.deploymentConfiguration() == null ? null
                : s.deploymentConfiguration().deploymentCircuitBreaker();
        return breaker != null && Boolean.TRUE.equals(breaker.enable()) && Boolean.TRUE.equals(breaker.rollback());
    }

    /** ECS's event about the failure, for example "(service web) (deployment ecs-svc/1) deployment failed: ...". */
    private static Optional<String> failureEvent(Service s, String deploymentId) {
        return s.events().stream().map(ServiceEvent::message)
                .filter(m -> m.contains("(deployment " + deploymentId + ") deployment failed"))
                .findFirst();
    }

    /** Waits for the rollback to settle with the SDK's waiter; returns the attempts it made. */
    private int awaitStable(String cluster, String service) {
        WaiterOverrideConfiguration config = WaiterOverrideConfiguration.builder()
                .backoffStrategyV2(pollInterval.isZero() ? BackoffStrategy.retryImmediately()
                        : BackoffStrategy.fixedDelay(pollInterval))
                .maxAttempts(maxPolls)
                .build();
        try (EcsWaiter waiter = ecs.waiter()) {
            WaiterResponse<DescribeServicesResponse> stable = waiter.waitUntilServicesStable(
                    DescribeServicesRequest.builder().cluster(cluster).services(service).build(), config);
            return stable.attemptsExecuted();
        }
    }

    private Service describe(String cluster, String service) {
        DescribeServicesResponse response = ecs.describeServices(r -> r.cluster(cluster).services(service));
        if (response.services().isEmpty()) {
            throw new IllegalArgumentException("no service " + service + " in cluster " + cluster + ": "
                    + response.failures());
        }
        return response.services().get(0);
    }

    private void pause() {
        if (pollInterval.isZero()) {
            return;
        }
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while watching a deployment", e);
        }
    }
}
