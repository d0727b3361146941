package io.ecs4j.services;

import static io.ecs4j.services.ServiceTestSupport.ecsError;
import static io.ecs4j.services.ServiceTestSupport.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.EcsErrorCode;
import io.ecs4j.EcsException;
import io.ecs4j.model.AwsVpcConfiguration;
import io.ecs4j.model.DeploymentConfiguration;
import io.ecs4j.model.DeploymentControllerType;
import io.ecs4j.model.DeploymentStatus;
import io.ecs4j.model.LaunchType;
import io.ecs4j.model.NetworkConfiguration;
import io.ecs4j.model.NetworkMode;
import io.ecs4j.model.PlacementStrategy;
import io.ecs4j.model.RolloutState;
import io.ecs4j.model.SchedulingStrategy;
import io.ecs4j.model.Service;
import io.ecs4j.model.ServiceStatus;
import io.ecs4j.model.Tag;
import io.ecs4j.model.Task;
import io.ecs4j.model.TaskDefinition;
import io.ecs4j.request.CreateServiceRequest;
import io.ecs4j.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CreateService: defaults, identity of service tasks, and ECS's validation rules and wording. */
class CreateServiceTest {
    private final ServiceTestSupport env = new ServiceTestSupport();

    @BeforeEach
    void setUp() {
        env.instance("us-east-1a");
        env.taskDefinition("web");
    }

    @AfterEach
    void tearDown() {
        env.close();
    }

    @Test
    void createService_withoutOptions_appliesEcsDefaults() {
        Service s = env.create(service("web", "web", 2));

        assertThat(s.status()).isEqualTo(ServiceStatus.ACTIVE);
        assertThat(s.schedulingStrategy()).isEqualTo(SchedulingStrategy.REPLICA);
        assertThat(s.launchType()).isEqualTo(LaunchType.EC2);
        assertThat(s.deploymentController()).isEqualTo(DeploymentControllerType.ECS);
        assertThat(s.deploymentConfiguration().minimumHealthyPercent()).isEqualTo(100);
        assertThat(s.deploymentConfiguration().maximumPercent()).isEqualTo(200);
        assertThat(s.deploymentConfiguration().deploymentCircuitBreaker()).isNull();
        assertThat(s.healthCheckGracePeriodSeconds()).isZero();
        assertThat(s.propagateTags()).isEqualTo("NONE");
        assertThat(s.serviceArn().toString()).isEqualTo("arn:aws:ecs:us-east-1:000000000000:service/default/web");
        assertThat(s.taskDefinition().toString()).endsWith(":task-definition/web:1");
        assertThat(s.runningCount()).isZero();
        assertThat(s.deployments()).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo(DeploymentStatus.PRIMARY);
            assertThat(d.id()).matches("ecs-svc/\\d{19}");
            assertThat(d.rolloutState()).isEqualTo(RolloutState.IN_PROGRESS);
            assertThat(d.rolloutStateReason()).isEqualTo("ECS deployment " + d.id() + " in progress.");
            assertThat(d.desiredCount()).isEqualTo(2);
        });
    }

    @Test
    void createService_launchesTasksWithServiceIdentity() {
        Service s = env.create(service("web", "web", 2));

        List<Task> tasks = env.tasks("web");
        assertThat(tasks).hasSize(2).allSatisfy(t -> {
            assertThat(t.group()).isEqualTo("service:web");
            assertThat(t.startedBy()).isEqualTo(s.deployments().get(0).id());
        });
        assertThat(env.service("web").runningCount()).isEqualTo(2);
        assertThat(env.messages("web")).containsExactly("(service web) has started 2 tasks: (task "
                + tasks.get(0).taskId() + ") (task " + tasks.get(1).taskId() + ").");
    }

    @Test
    void createService_giveTasksTheServiceNameAsNetworkAlias() {
        io.ecs4j.testing.RecordingRuntime recording = new io.ecs4j.testing.RecordingRuntime().autoStart();
        try (var ecs = Fixtures.localEcs(io.ecs4j.time.VirtualClock.create(), recording)) {
            ecs.registerContainerInstance(Fixtures.instance("default", "us-east-1a").build());
            ecs.registerTaskDefinition(Fixtures.taskDefinition("web").build());
            ecs.createService(service("web", "web", 1).build());
            Task task = ecs.describeTasks(null, ecs.listTasks(io.ecs4j.request.ListTasksRequest.builder().build())
                    .items()).items().get(0);
            assertThat(recording.sandbox(task.taskArn()).networkAliases()).containsExactly("web");
        }
    }

    @Test
    void createService_updatesClusterActiveServicesCount() {
        env.create(service("web", "web", 1));
        env.create(service("api", "web", 1));

        assertThat(env.ecs.findCluster("default").orElseThrow().activeServicesCount()).isEqualTo(2);
    }

    @Test
    void createService_whenNameTakenByActiveService_isNotIdempotent() {
        env.create(service("web", "web", 1));

        EcsException e = ecsError(() -> env.create(service("web", "web", 1)));
        assertThat(e.code()).isEqualTo(EcsErrorCode.INVALID_PARAMETER);
        assertThat(e.getMessage()).isEqualTo("Creation of service was not idempotent.");
    }

    @Test
    void createService_withSameClientTokenAndRequest_returnsTheExistingService() {
        Service first = env.create(service("web", "web", 1).clientToken("token-1"));

        Service again = env.create(service("web", "web", 1).clientToken("token-1"));

        assertThat(again.serviceArn()).isEqualTo(first.serviceArn());
        assertThat(env.tasks("web")).hasSize(1);
        assertThat(ecsError(() -> env.create(service("web", "web", 2).clientToken("token-1"))).getMessage())
                .isEqualTo("Creation of service was not idempotent.");
    }

    @Test
    void createService_whenTaskDefinitionUnknown_throwsClientException() {
        EcsException e = ecsError(() -> env.create(service("web", "nope", 1)));
        assertThat(e.code()).isEqualTo(EcsErrorCode.CLIENT);
        assertThat(e.getMessage()).isEqualTo("TaskDefinition not found.");
        assertThat(env.ecs.findService("default", "web")).isEmpty();
    }

    @Test
    void createService_whenClusterUnknownOrInactive_throws() {
        EcsException missing = ecsError(() -> env.ecs.createService(
                CreateServiceRequest.builder("nope", "web", "web").desiredCount(1).build()));
        assertThat(missing.code()).isEqualTo(EcsErrorCode.CLUSTER_NOT_FOUND);

        env.ecs.createCluster("old");
        env.ecs.deleteCluster("old");
        EcsException inactive = ecsError(() -> env.ecs.createService(
                CreateServiceRequest.builder("old", "web", "web").desiredCount(1).build()));
        assertThat(inactive.getMessage())
                .isEqualTo("The specified cluster is inactive. Specify an active cluster and try again.");
    }

    @Test
    void createService_whenNameInvalidOrDesiredCountNegative_rejects() {
        assertThat(ecsError(() -> env.create(service("bad name", "web", 1))).field()).isEqualTo("serviceName");
        EcsException negative = ecsError(() -> env.create(service("web", "web", -1)));
        assertThat(negative.code()).isEqualTo(EcsErrorCode.INVALID_PARAMETER);
        assertThat(negative.field()).isEqualTo("desiredCount");
    }

    @Test
    void createService_whenPercentagesOutOfRange_rejects() {
        assertThat(ecsError(() -> env.create(service("web", "web", 1)
                .deploymentConfiguration(DeploymentConfiguration.of(101, 200)))).field())
                .isEqualTo("deploymentConfiguration.minimumHealthyPercent");
        assertThat(ecsError(() -> env.create(service("web", "web", 1)
                .deploymentConfiguration(DeploymentConfiguration.of(50, 90)))).field())
                .isEqualTo("deploymentConfiguration.maximumPercent");
    }

    @Test
    void createDaemonService_withDesiredCount_rejectsWithEcsMessage() {
        EcsException e = ecsError(() -> env.create(CreateServiceRequest.builder("default", "agent", "web")
                .schedulingStrategy(SchedulingStrategy.DAEMON).desiredCount(1)));
        assertThat(e.code()).isEqualTo(EcsErrorCode.INVALID_PARAMETER);
        assertThat(e.getMessage()).isEqualTo("The daemon scheduling strategy does not support a desired count for"
                + " services. Remove the desired count value and try again");
    }

    @Test
    void createDaemonService_withMaximumPercentAbove100_rejectsWithEcsMessage() {
        EcsException e = ecsError(() -> env.create(CreateServiceRequest.builder("default", "agent", "web")
                .schedulingStrategy(SchedulingStrategy.DAEMON)
                .deploymentConfiguration(DeploymentConfiguration.of(0, 200))));
        assertThat(e.getMessage()).isEqualTo("The daemon scheduling strategy does not support values above 100 for"
                + " maximumPercent on a deployment configuration. Change the maximumPercent value to 100, and try again");
    }

    @Test
    void createDaemonService_withStrategiesOrFargate_rejects() {
        assertThat(ecsError(() -> env.create(CreateServiceRequest.builder("default", "agent", "web")
                .schedulingStrategy(SchedulingStrategy.DAEMON)
                .placementStrategy(PlacementStrategy.binpack("memory")))).field()).isEqualTo("placementStrategy");
        assertThat(ecsError(() -> env.create(CreateServiceRequest.builder("default", "agent", "web")
                .schedulingStrategy(SchedulingStrategy.DAEMON).launchType(LaunchType.FARGATE))).field())
                .isEqualTo("launchType");
    }

    @Test
    void createDaemonService_defaultsToZeroAndHundredPercent() {
        Service s = env.create(CreateServiceRequest.builder("default", "agent", "web")
                .schedulingStrategy(SchedulingStrategy.DAEMON));
        assertThat(s.deploymentConfiguration().minimumHealthyPercent()).isZero();
        assertThat(s.deploymentConfiguration().maximumPercent()).isEqualTo(100);
    }

    @Test
    void createService_withAwsvpcTaskDefinition_requiresNetworkConfiguration() {
        env.ecs.registerTaskDefinition(TaskDefinition.builder("vpc").networkMode(NetworkMode.AWSVPC)
                .containerDefinitions(Fixtures.container("app").build()).build());

        EcsException e = ecsError(() -> env.create(service("web", "vpc", 1)));
        assertThat(e.getMessage())
                .isEqualTo("Network Configuration must be provided when networkMode 'awsvpc' is specified.");

        NetworkConfiguration nc = new NetworkConfiguration(new AwsVpcConfiguration(List.of("subnet-1"), List.of(),
                null));
        Service s = env.create(service("web", "vpc", 1).networkConfiguration(nc));
        assertThat(s.networkConfiguration()).isEqualTo(nc);
        assertThat(s.deployments().get(0).networkConfiguration()).isEqualTo(nc);
        assertThat(ecsError(() -> env.create(service("api", "web", 1).networkConfiguration(nc))).getMessage())
                .isEqualTo("Network Configuration is not valid for the given networkMode of this task definition.");
    }

    @Test
    void createService_whenLaunchTypeUnsupportedByTaskDefinition_rejects() {
        EcsException e = ecsError(() -> env.create(service("web", "web", 1).launchType(LaunchType.FARGATE)));
        assertThat(e.getMessage()).isEqualTo("Task definition does not support launch_type FARGATE.");
    }

    @Test
    void createService_withPropagatedAndManagedTags_tagsItsTasks() {
        env.create(service("web", "web", 1).tags(Tag.of("team", "blue")).propagateTags("SERVICE")
                .enableECSManagedTags(true));

        assertThat(env.tasks("web").get(0).tags()).containsExactly(Tag.of("team", "blue"),
                Tag.of("aws:ecs:serviceName", "web"), Tag.of("aws:ecs:clusterName", "default"));
    }

    @Test
    void createService_withLoadBalancerOnUnknownContainer_rejects() {
        EcsException e = ecsError(() -> env.create(service("web", "web", 1).loadBalancers(
                new io.ecs4j.model.LoadBalancer("arn:aws:elasticloadbalancing:tg/x", null, "nope", 80))));
        assertThat(e.field()).isEqualTo("loadBalancers[0].containerName");
    }

    @Test
    void createFargateService_launchesAwsvpcTasksAcrossZones() {
        env.ecs.registerTaskDefinition(TaskDefinition.builder("fg").networkMode(NetworkMode.AWSVPC).cpu("256")
                .memory("512").requiresCompatibilities(LaunchType.FARGATE)
                .containerDefinitions(Fixtures.container("app").build()).build());
        NetworkConfiguration nc = new NetworkConfiguration(new AwsVpcConfiguration(List.of("subnet-1"), List.of(),
                null));

        Service s = env.create(service("web", "fg", 3).launchType(LaunchType.FARGATE).networkConfiguration(nc));

        assertThat(s.platformVersion()).isEqualTo("LATEST");
        assertThat(env.tasks("web")).hasSize(3).allSatisfy(t -> {
            assertThat(t.launchType()).isEqualTo(LaunchType.FARGATE);
            assertThat(t.containerInstanceArn()).isNull();
        });
        assertThat(env.tasks("web")).extracting(Task::availabilityZone).doesNotHaveDuplicates();
        env.awaitSteady("web");
    }

    @Test
    void createService_withDistinctInstance_placesOnePerInstanceAndReportsTheRest() {
        env.instance("us-east-1b");

        env.create(service("web", "web", 3).placementConstraints(
                io.ecs4j.model.PlacementConstraint.distinctInstance()));

        List<Task> tasks = env.tasks("web");
        assertThat(tasks).hasSize(2);
        assertThat(tasks).extracting(Task::containerInstanceArn).doesNotHaveDuplicates();
        assertThat(env.messages("web").get(0)).startsWith("(service web) was unable to place a task because no"
                + " container instance met all of its requirements.");
    }
}
