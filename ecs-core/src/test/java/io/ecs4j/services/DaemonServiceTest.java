package io.ecs4j.services;

import static io.ecs4j.services.ServiceTestSupport.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.model.Attribute;
import io.ecs4j.model.ContainerInstance;
import io.ecs4j.model.ContainerInstanceStatus;
import io.ecs4j.model.DockerVolumeConfiguration;
import io.ecs4j.model.SchedulingStrategy;
import io.ecs4j.model.Service;
import io.ecs4j.model.Task;
import io.ecs4j.model.TaskDefinition;
import io.ecs4j.model.TaskStatus;
import io.ecs4j.model.Volume;
import io.ecs4j.request.CreateServiceRequest;
import io.ecs4j.request.UpdateServiceRequest;
import io.ecs4j.testing.Fixtures;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** DAEMON services (ecs-semantics §5.6): one task per eligible ACTIVE instance, following the instances. */
class DaemonServiceTest {
    private final ServiceTestSupport env = new ServiceTestSupport();

    @AfterEach
    void tearDown() {
        env.close();
    }

    private Service daemon() {
        env.taskDefinition("agent");
        return env.create(CreateServiceRequest.builder("default", "agent", "agent")
                .schedulingStrategy(SchedulingStrategy.DAEMON));
    }

    private long on(ContainerInstance instance) {
        return env.tasks("agent").stream()
                .filter(t -> t.containerInstanceArn().equals(instance.containerInstanceArn())).count();
    }

    @Test
    void daemon_runsOneTaskPerActiveInstance() {
        ContainerInstance a = env.instance("us-east-1a");
        ContainerInstance b = env.instance("us-east-1b");

        daemon();

        assertThat(on(a)).isEqualTo(1);
        assertThat(on(b)).isEqualTo(1);
        Service s = env.service("agent");
        assertThat(s.desiredCount()).isEqualTo(2);
        assertThat(s.runningCount()).isEqualTo(2);
        env.awaitSteady("agent");
    }

    @Test
    void daemon_followsInstances_newOnesGetATask_drainedAndDeregisteredOnesLoseIt() {
        ContainerInstance a = env.instance("us-east-1a");
        daemon();
        env.awaitSteady("agent");

        ContainerInstance b = env.instance("us-east-1b");
        ContainerInstance c = env.instance("us-east-1c");
        assertThat(on(b)).isEqualTo(1);
        assertThat(on(c)).isEqualTo(1);
        assertThat(env.service("agent").desiredCount()).isEqualTo(3);

        env.ecs.updateContainerInstancesState("default", List.of(b.id()), ContainerInstanceStatus.DRAINING);
        assertThat(on(b)).isZero();
        assertThat(env.service("agent").desiredCount()).isEqualTo(2);

        env.ecs.deregisterContainerInstance("default", c.id(), true);
        assertThat(on(c)).isZero();
        assertThat(on(a)).isEqualTo(1);
        env.awaitSteady("agent");
        assertThat(env.service("agent").runningCount()).isEqualTo(1);
        assertThat(env.service("agent").desiredCount()).isEqualTo(1);

        env.ecs.updateContainerInstancesState("default", List.of(b.id()), ContainerInstanceStatus.ACTIVE);
        assertThat(on(b)).isEqualTo(1);
    }

    @Test
    void daemon_onDrainingInstance_isStoppedAfterTheReplicaTasksThere() {
        ContainerInstance a = env.instance("us-east-1a");
        daemon();
        env.taskDefinition("web");
        env.create(service("web", "web", 1));
        env.awaitSteady("web");
        env.instance("us-east-1b");

        env.ecs.updateContainerInstancesState("default", List.of(a.id()), ContainerInstanceStatus.DRAINING);

        // The web task on the draining instance stays until its replacement is healthy; the daemon task stays too.
        assertThat(on(a)).isEqualTo(1);
        env.clock.advance(Duration.ofSeconds(40));
        assertThat(env.tasks("web")).noneMatch(t -> t.containerInstanceArn().equals(a.containerInstanceArn()));
        assertThat(on(a)).isZero();
    }

    @Test
    void daemon_skipsInstancesMissingARequiredAttribute() {
        env.ecs.registerContainerInstance(Fixtures.instance("default", "us-east-1a").build());
        ContainerInstance withPlugin = env.ecs.registerContainerInstance(Fixtures.instance("default", "us-east-1b")
                .attributes(Attribute.of("ecs.capability.docker-plugin.rexray", null)).build());
        // A volume of the rexray driver makes the task definition require ecs.capability.docker-plugin.rexray.
        env.ecs.registerTaskDefinition(TaskDefinition.builder("agent")
                .containerDefinitions(Fixtures.container("app").build())
                .volumes(new Volume("data", null, DockerVolumeConfiguration.builder().driver("rexray")
                        .scope("shared").autoprovision(true).build(), null)).build());

        env.create(CreateServiceRequest.builder("default", "agent", "agent")
                .schedulingStrategy(SchedulingStrategy.DAEMON));

        assertThat(env.tasks("agent")).singleElement()
                .satisfies(t -> assertThat(t.containerInstanceArn()).isEqualTo(withPlugin.containerInstanceArn()));
        assertThat(env.service("agent").desiredCount()).isEqualTo(1);
    }

    @Test
    void daemon_honoursMemberOfConstraints() {
        ContainerInstance big = env.ecs.registerContainerInstance(Fixtures.instance("default", "us-east-1a")
                .instanceType("m5.xlarge").build());
        env.ecs.registerContainerInstance(Fixtures.instance("default", "us-east-1b").instanceType("t3.small").build());
        env.taskDefinition("agent");

        env.create(CreateServiceRequest.builder("default", "agent", "agent")
                .schedulingStrategy(SchedulingStrategy.DAEMON)
                .placementConstraints(io.ecs4j.model.PlacementConstraint.memberOf(
                        "attribute:ecs.instance-type =~ m5.*")));

        assertThat(env.tasks("agent")).singleElement()
                .satisfies(t -> assertThat(t.containerInstanceArn()).isEqualTo(big.containerInstanceArn()));
        assertThat(env.service("agent").desiredCount()).isEqualTo(1);
    }

    @Test
    void daemon_whenAnInstanceHasNoRoom_reportsItAndRunsEverywhereElse() {
        ContainerInstance full = env.instance("us-east-1a", 128, 8192);
        ContainerInstance ok = env.instance("us-east-1b");

        daemon();

        assertThat(on(full)).isZero();
        assertThat(on(ok)).isEqualTo(1);
        assertThat(env.messages("agent")).anyMatch(m -> m.equals("(service agent) was unable to place a task because"
                + " no container instance met all of its requirements. The closest matching (container-instance "
                + full.id() + ") has insufficient CPU units available. For more information, see the Troubleshooting"
                + " section of the Amazon ECS Developer Guide."));
    }

    @Test
    void daemon_newDeployment_replacesTasksInstanceByInstance() {
        ContainerInstance a = env.instance("us-east-1a");
        ContainerInstance b = env.instance("us-east-1b");
        daemon();
        env.awaitSteady("agent");
        env.taskDefinition("agent");

        env.ecs.updateService(UpdateServiceRequest.builder("default", "agent").taskDefinition("agent:2").build());

        List<Task> tasks = env.tasks("agent");
        assertThat(tasks).hasSize(2).allMatch(t -> t.taskDefinitionArn().toString().endsWith("agent:2"));
        assertThat(on(a)).isEqualTo(1);
        assertThat(on(b)).isEqualTo(1);
        env.awaitSteady("agent");
        assertThat(env.service("agent").deployments()).hasSize(1);
    }

    @Test
    void daemon_replacesATaskThatStops() {
        ContainerInstance a = env.instance("us-east-1a");
        daemon();
        Task first = env.tasks("agent").get(0);

        env.runtime.crash(first.taskArn(), 1);
        env.clock.runUntilIdle();

        assertThat(env.tasks("agent")).singleElement().satisfies(t -> {
            assertThat(t.taskId()).isNotEqualTo(first.taskId());
            assertThat(t.lastStatus()).isEqualTo(TaskStatus.RUNNING);
            assertThat(t.containerInstanceArn()).isEqualTo(a.containerInstanceArn());
        });
    }
}
