package io.ecs4j.services;

import static io.ecs4j.services.ServiceTestSupport.ecsError;
import static io.ecs4j.services.ServiceTestSupport.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.EcsErrorCode;
import io.ecs4j.EcsException;
import io.ecs4j.model.DeploymentStatus;
import io.ecs4j.model.Failure;
import io.ecs4j.model.LaunchType;
import io.ecs4j.model.SchedulingStrategy;
import io.ecs4j.model.Service;
import io.ecs4j.model.ServiceStatus;
import io.ecs4j.model.TaskStatus;
import io.ecs4j.model.TaskStopCode;
import io.ecs4j.request.CreateServiceRequest;
import io.ecs4j.request.DescribeResult;
import io.ecs4j.request.ListServicesRequest;
import io.ecs4j.request.Page;
import io.ecs4j.request.UpdateServiceRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** UpdateService, DeleteService, DescribeServices, ListServices and what the cluster says about its services. */
class ServiceLifecycleTest {
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

    private Service update(UpdateServiceRequest.Builder request) {
        return env.ecs.updateService(request.build());
    }

    private static UpdateServiceRequest.Builder update(String service) {
        return UpdateServiceRequest.builder("default", service);
    }

    @Test
    void updateService_desiredCountOnly_scalesWithoutNewDeployment() {
        env.create(service("web", "web", 1));
        env.awaitSteady("web");
        String deployment = env.service("web").deployments().get(0).id();

        update(update("web").desiredCount(3));

        Service s = env.service("web");
        assertThat(s.deployments()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(deployment);
            assertThat(d.desiredCount()).isEqualTo(3);
        });
        assertThat(s.runningCount()).isEqualTo(3);
        assertThat(env.tasks("web")).allMatch(t -> t.startedBy().equals(deployment));
    }

    @Test
    void updateService_newTaskDefinition_startsNewPrimaryDeployment() {
        env.create(service("web", "web", 2));
        env.awaitSteady("web");
        String first = env.service("web").deployments().get(0).id();
        env.taskDefinition("web");

        Service updated = update(update("web").taskDefinition("web"));

        assertThat(updated.taskDefinition().toString()).endsWith("web:2");
        assertThat(updated.deployments()).hasSize(2);
        assertThat(updated.deployments().get(0).status()).isEqualTo(DeploymentStatus.PRIMARY);
        assertThat(updated.deployments().get(1).status()).isEqualTo(DeploymentStatus.ACTIVE);
        assertThat(updated.deployments().get(1).id()).isEqualTo(first);
        env.awaitSteady("web");
        Service done = env.service("web");
        assertThat(done.deployments()).singleElement().satisfies(d -> assertThat(d.id()).isNotEqualTo(first));
        assertThat(env.tasks("web")).hasSize(2).allMatch(t -> t.taskDefinitionArn().toString().endsWith("web:2"));
    }

    @Test
    void updateService_sameTaskDefinition_doesNotDeploy_butForceNewDeploymentDoes() {
        env.create(service("web", "web", 1));
        env.awaitSteady("web");

        assertThat(update(update("web").taskDefinition("web:1")).deployments()).hasSize(1);
        assertThat(update(update("web").forceNewDeployment(true)).deployments()).hasSize(2);
    }

    @Test
    void updateService_placementChange_startsNewDeployment() {
        env.create(service("web", "web", 1));
        env.awaitSteady("web");

        var linuxOnly = io.ecs4j.model.PlacementConstraint.memberOf("attribute:ecs.os-type == linux");
        Service updated = update(update("web").placementConstraints(linuxOnly));

        assertThat(updated.deployments()).hasSize(2);
        assertThat(updated.placementConstraints()).containsExactly(linuxOnly);
        env.awaitSteady("web");
    }

    @Test
    void updateService_deploymentConfigurationOrGracePeriodOnly_doesNotDeploy() {
        env.create(service("web", "web", 1));
        env.awaitSteady("web");

        Service updated = update(update("web").healthCheckGracePeriodSeconds(30)
                .deploymentConfiguration(io.ecs4j.model.DeploymentConfiguration.of(50, 150)));

        assertThat(updated.deployments()).hasSize(1);
        assertThat(updated.healthCheckGracePeriodSeconds()).isEqualTo(30);
        assertThat(updated.deploymentConfiguration().minimumHealthyPercent()).isEqualTo(50);
        assertThat(updated.deploymentConfiguration().maximumPercent()).isEqualTo(150);
    }

    @Test
    void deleteService_whenServiceUnknown_throwsServiceNotFound() {
        assertThat(ecsError(() -> env.ecs.deleteService("default", "nope", true)).code())
                .isEqualTo(EcsErrorCode.SERVICE_NOT_FOUND);
    }

    @Test
    void steadyState_isReportedToListenersAsServiceAction() {
        List<io.ecs4j.model.EcsEvent.ServiceAction> actions = new java.util.concurrent.CopyOnWriteArrayList<>();
        env.ecs.subscribe(e -> {
            if (e instanceof io.ecs4j.model.EcsEvent.ServiceAction a) {
                actions.add(a);
            }
        });
        env.create(service("web", "web", 1));
        env.awaitSteady("web");

        assertThat(actions).extracting(io.ecs4j.model.EcsEvent.ServiceAction::type).containsExactly(
                io.ecs4j.model.ServiceActionType.SERVICE_DEPLOYMENT_IN_PROGRESS,
                io.ecs4j.model.ServiceActionType.SERVICE_DEPLOYMENT_COMPLETED,
                io.ecs4j.model.ServiceActionType.SERVICE_STEADY_STATE);
        assertThat(actions.get(2).reason()).isEqualTo("(service web) has reached a steady state.");
        assertThat(actions.get(2).service().isStable()).isTrue();
    }

    @Test
    void steadyService_repeatsItsSteadyStateEventEvery6Hours_untilDeleted() {
        env.create(service("web", "web", 1));
        env.awaitSteady("web");
        java.time.Instant steadyAt = env.service("web").events().get(0).createdAt();

        env.clock.advance(java.time.Duration.ofHours(13));

        List<io.ecs4j.model.ServiceEvent> events = env.service("web").events();
        assertThat(events.subList(0, 3)).extracting(io.ecs4j.model.ServiceEvent::message)
                .containsOnly("(service web) has reached a steady state.");
        assertThat(events.subList(0, 3)).extracting(io.ecs4j.model.ServiceEvent::createdAt).containsExactly(
                steadyAt.plus(java.time.Duration.ofHours(12)), steadyAt.plus(java.time.Duration.ofHours(6)), steadyAt);

        update(update("web").desiredCount(0));
        env.ecs.deleteService("default", "web", false);
        env.clock.advance(java.time.Duration.ofHours(13));
        assertThat(env.service("web").events()).noneMatch(e -> e.createdAt().isAfter(
                steadyAt.plus(java.time.Duration.ofHours(13))) && e.message().endsWith("steady state."));
    }

    @Test
    void updateService_whenServiceUnknown_throwsServiceNotFound() {
        EcsException e = ecsError(() -> update(update("nope").desiredCount(1)));
        assertThat(e.code()).isEqualTo(EcsErrorCode.SERVICE_NOT_FOUND);
        assertThat(e.getMessage()).isEqualTo("Service not found.");
    }

    @Test
    void updateService_whenServiceDeleted_throwsServiceNotActive() {
        env.create(service("web", "web", 0));
        env.ecs.deleteService("default", "web", false);

        EcsException e = ecsError(() -> update(update("web").desiredCount(1)));
        assertThat(e.code()).isEqualTo(EcsErrorCode.SERVICE_NOT_ACTIVE);
    }

    @Test
    void updateService_daemonDesiredCount_rejects() {
        env.create(CreateServiceRequest.builder("default", "agent", "web").schedulingStrategy(SchedulingStrategy.DAEMON));
        assertThat(ecsError(() -> update(update("agent").desiredCount(2))).getMessage())
                .startsWith("The daemon scheduling strategy does not support a desired count");
    }

    @Test
    void deleteService_whenScaledAboveZero_refusesWithoutForce() {
        env.create(service("web", "web", 1));

        EcsException e = ecsError(() -> env.ecs.deleteService("default", "web", false));
        assertThat(e.code()).isEqualTo(EcsErrorCode.INVALID_PARAMETER);
        assertThat(e.getMessage()).isEqualTo("The service cannot be stopped while it is scaled above 0.");
        assertThat(env.service("web").status()).isEqualTo(ServiceStatus.ACTIVE);
    }

    @Test
    void deleteService_withForce_drainsThenBecomesInactive() {
        env.create(service("web", "web", 2));
        env.awaitSteady("web");
        List<String> taskIds = env.tasks("web").stream().map(t -> t.taskId()).toList();

        Service deleted = env.ecs.deleteService("default", "web", true);

        assertThat(deleted.status()).isEqualTo(ServiceStatus.DRAINING);
        assertThat(deleted.desiredCount()).isZero();
        Service after = env.service("web");
        assertThat(after.status()).isEqualTo(ServiceStatus.INACTIVE);
        for (String id : taskIds) {
            var task = env.ecs.findTask("default", id).orElseThrow();
            assertThat(task.lastStatus()).isEqualTo(TaskStatus.STOPPED);
            assertThat(task.stopCode()).isEqualTo(TaskStopCode.SERVICE_SCHEDULER_INITIATED);
        }
        assertThat(env.ecs.findCluster("default").orElseThrow().activeServicesCount()).isZero();
    }

    @Test
    void deleteService_whileTasksStillStopping_staysDrainingUntilTheyStop() {
        env.runtime.stopDelay = h -> java.time.Duration.ofSeconds(10);
        env.create(service("web", "web", 1));
        env.awaitSteady("web");

        env.ecs.deleteService("default", "web", true);

        // The task is STOPPING: the service is INACTIVE once every task is at least STOPPING.
        assertThat(env.service("web").status()).isEqualTo(ServiceStatus.INACTIVE);
        assertThat(env.ecs.listServices(ListServicesRequest.builder().build()).items()).isEmpty();
    }

    @Test
    void deleteService_thenCreateAgain_isAllowed() {
        env.create(service("web", "web", 0));
        env.ecs.deleteService("default", "web", false);

        Service again = env.create(service("web", "web", 1));

        assertThat(again.status()).isEqualTo(ServiceStatus.ACTIVE);
        assertThat(env.service("web").runningCount()).isEqualTo(1);
    }

    @Test
    void deleteCluster_withActiveService_isRefused() {
        env.create(service("web", "web", 0));
        for (String arn : env.ecs.listContainerInstances(
                io.ecs4j.request.ListContainerInstancesRequest.builder().build()).items()) {
            env.ecs.deregisterContainerInstance("default", arn, true);
        }

        EcsException e = ecsError(() -> env.ecs.deleteCluster("default"));
        assertThat(e.code()).isEqualTo(EcsErrorCode.CLUSTER_CONTAINS_SERVICES);
        assertThat(e.getMessage()).isEqualTo("The Cluster cannot be deleted while Services are active.");
    }

    @Test
    void describeServices_reportsMissingAndShowsDeletedServices() {
        env.create(service("web", "web", 0));
        env.create(service("old", "web", 0));
        env.ecs.deleteService("default", "old", false);

        DescribeResult<Service> r = env.ecs.describeServices("default", List.of("web", "old", "nope",
                "arn:aws:ecs:us-east-1:000000000000:service/other/web"));

        assertThat(r.items()).extracting(Service::serviceName).containsExactly("web", "old");
        assertThat(r.items().get(1).status()).isEqualTo(ServiceStatus.INACTIVE);
        assertThat(r.failures()).extracting(Failure::arn).containsExactly(
                "arn:aws:ecs:us-east-1:000000000000:service/default/nope",
                "arn:aws:ecs:us-east-1:000000000000:service/other/web");
        assertThat(r.failures()).extracting(Failure::reason).containsOnly("MISSING");
    }

    @Test
    void describeServices_acceptsArnsAndRejectsMoreThanTen() {
        Service web = env.create(service("web", "web", 0));
        assertThat(env.ecs.describeServices("default", List.of(web.serviceArn().toString())).items()).hasSize(1);

        List<String> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add("s" + i);
        }
        assertThat(ecsError(() -> env.ecs.describeServices("default", eleven)).code())
                .isEqualTo(EcsErrorCode.INVALID_PARAMETER);
        assertThat(ecsError(() -> env.ecs.describeServices("default", List.of())).code())
                .isEqualTo(EcsErrorCode.INVALID_PARAMETER);
        assertThat(ecsError(() -> env.ecs.describeServices("nope", List.of("web"))).code())
                .isEqualTo(EcsErrorCode.CLUSTER_NOT_FOUND);
    }

    @Test
    void listServices_hidesDeletedServicesAndPagesByTen() {
        for (int i = 0; i < 12; i++) {
            env.create(service("s" + i, "web", 0));
        }
        env.ecs.deleteService("default", "s0", false);

        Page<String> first = env.ecs.listServices(ListServicesRequest.builder().build());
        assertThat(first.items()).hasSize(10);
        assertThat(first.items().get(0)).endsWith("service/default/s1");
        Page<String> second = env.ecs.listServices(ListServicesRequest.builder().nextToken(first.nextToken()).build());
        assertThat(second.items()).hasSize(1);
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void listServices_filtersByLaunchTypeAndSchedulingStrategy() {
        env.create(service("web", "web", 0));
        env.create(CreateServiceRequest.builder("default", "agent", "web").schedulingStrategy(SchedulingStrategy.DAEMON));

        assertThat(env.ecs.listServices(ListServicesRequest.builder()
                .schedulingStrategy(SchedulingStrategy.DAEMON).build()).items())
                .containsExactly("arn:aws:ecs:us-east-1:000000000000:service/default/agent");
        assertThat(env.ecs.listServices(ListServicesRequest.builder().launchType(LaunchType.FARGATE).build()).items())
                .isEmpty();
    }
}
