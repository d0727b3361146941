package io.ecs4j.junit;

import static io.ecs4j.junit.EcsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.LocalEcs;
import io.ecs4j.inmemory.ContainerBehaviour;
import io.ecs4j.inmemory.InMemoryRuntime;
import io.ecs4j.junit.LocalEcsTest.Lifecycle;
import io.ecs4j.model.ContainerInstance;
import io.ecs4j.request.ListContainerInstancesRequest;
import io.ecs4j.request.RegisterContainerInstanceRequest;
import io.ecs4j.request.RunTaskRequest;
import io.ecs4j.server.EcsServer;
import io.ecs4j.time.TimeSource;
import io.ecs4j.time.VirtualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * Test classes run by the tests of the extension through the JUnit Platform test kit (their names do not end in
 * {@code Test}, so the build does not run them on its own). Each records what it saw in {@link Recorder}.
 */
final class Scenarios {
    private Scenarios() {
    }

    static int instanceCount(LocalEcs ecs, String cluster) {
        return ecs.listContainerInstances(ListContainerInstancesRequest.builder().cluster(cluster).build()).items()
                .size();
    }

    /** Per method: each test gets a fresh LocalEcs with exactly the pre-registered instance. */
    @ScenarioOnly
    @LocalEcsTest(instances = 1)
    static class PerMethod {
        @Test
        void first(LocalEcs ecs) {
            check(ecs);
        }

        @Test
        void second(LocalEcs ecs) {
            check(ecs);
        }

        private static void check(LocalEcs ecs) {
            Recorder.record(ecs);
            assertThat(instanceCount(ecs, "default")).isEqualTo(1);
            ecs.registerContainerInstance(RegisterContainerInstanceRequest.builder().build()); // must not leak
            ecs.createCluster("made-by-a-test");
        }
    }

    /** Per class: @BeforeAll, the tests and a @Nested class share one LocalEcs. */
    @ScenarioOnly
    @LocalEcsTest(lifecycle = Lifecycle.PER_CLASS, instances = 2)
    static class PerClass {
        @BeforeAll
        static void setUp(LocalEcs ecs, EcsWait wait) {
            Recorder.record(ecs);
            TestData.service(ecs, "default", "web", "acme/web:1", 2);
            wait.untilSteadyState("default", "web");
        }

        @Test
        void first(LocalEcs ecs) {
            Recorder.record(ecs);
            assertThat(ecs.findService("default", "web").orElseThrow()).isSteady();
        }

        @Test
        void second(LocalEcs ecs) {
            Recorder.record(ecs);
            assertThat(ecs.findService("default", "web").orElseThrow()).hasRunningCount(2);
        }

        @Nested
        class Inner {
            @Test
            void nested(LocalEcs ecs) {
                Recorder.record(ecs);
                assertThat(ecs.findService("default", "web")).isPresent();
            }
        }
    }

    /** A per-method LocalEcs asked for in @BeforeAll: a clear configuration error. */
    @ScenarioOnly
    @LocalEcsTest
    static class PerMethodInBeforeAll {
        @BeforeAll
        static void setUp(LocalEcs ecs) {
            Recorder.record(ecs);
        }

        @Test
        void test() {
        }
    }

    /** The builder form in a static field: per class, with explicit settings. */
    @ScenarioOnly
    static class BuilderInStaticField {
        @RegisterExtension
        static final LocalEcsExtension ECS = LocalEcsExtension.builder()
                .region("eu-west-1")
                .accountId("123456789012")
                .cluster("prod")
                .instances(4, "eu-west-1a", "eu-west-1b")
                .instanceResources(4096, 16384)
                .inMemoryRuntime(r -> r.onImage("acme/job:1", ContainerBehaviour.exitsAfter(Duration.ofSeconds(7), 4)))
                .virtualClock(java.time.Instant.parse("2030-06-01T12:00:00Z"))
                .waitTimeout(Duration.ofMinutes(3))
                .configure(b -> b.defaultStopTimeout(Duration.ofSeconds(5)))
                .build();

        @BeforeAll
        static void setUp(LocalEcs ecs) {
            Recorder.record(ecs);
        }

        @Test
        void settings(LocalEcs ecs, VirtualClock clock, EcsWait wait) {
            Recorder.record(ecs);
            assertThat(ecs.region()).isEqualTo("eu-west-1");
            assertThat(ecs.accountId()).isEqualTo("123456789012");
            assertThat(clock.instant()).isEqualTo(java.time.Instant.parse("2030-06-01T12:00:00Z"));
            assertThat(wait.timeout()).isEqualTo(Duration.ofMinutes(3));
            List<ContainerInstance> instances = ecs.describeContainerInstances("prod", ecs.listContainerInstances(
                    ListContainerInstancesRequest.builder().cluster("prod").build()).items()).items();
            assertThat(instances).hasSize(4).extracting(ContainerInstance::availabilityZone)
                    .containsExactlyInAnyOrder("eu-west-1a", "eu-west-1b", "eu-west-1a", "eu-west-1b");
            instances.forEach(i -> assertThat(i).hasRegisteredCpu(4096).hasRegisteredMemory(16384));
        }

        @Test
        void scripts(LocalEcs ecs, EcsWait wait) {
            Recorder.record(ecs);
            ecs.registerTaskDefinition(TestData.taskDefinition("job", "acme/job:1"));
            var task = ecs.runTask(RunTaskRequest.builder("prod", "job").build()).tasks().get(0);
            assertThat(wait.untilTaskStopped(task)).hasContainerExitCode("app", 4);
        }
    }

    /** The builder form in an instance field: per method. */
    @ScenarioOnly
    static class BuilderInInstanceField {
        @RegisterExtension
        final LocalEcsExtension ecs = LocalEcsExtension.builder().instances(1).build();

        @Test
        void first(LocalEcs ecs) {
            Recorder.record(ecs);
            assertThat(instanceCount(ecs, "default")).isEqualTo(1);
            ecs.registerContainerInstance(RegisterContainerInstanceRequest.builder().build());
        }

        @Test
        void second(LocalEcs ecs) {
            Recorder.record(ecs);
            assertThat(instanceCount(ecs, "default")).isEqualTo(1);
            ecs.registerContainerInstance(RegisterContainerInstanceRequest.builder().build());
        }
    }

    /** Real time with the in-memory runtime: there is no VirtualClock to inject. */
    @ScenarioOnly
    static class RealTimeAskingForVirtualClock {
        @RegisterExtension
        final LocalEcsExtension ecs = LocalEcsExtension.builder().realTime().build();

        @Test
        void timeSource(TimeSource time, InMemoryRuntime runtime) {
            Recorder.record(time);
            assertThat(time).isNotInstanceOf(VirtualClock.class);
        }

        @Test
        void virtualClock(VirtualClock clock) {
        }
    }

    /** Everything the fixture starts: recorded, to be checked closed after the class. */
    @ScenarioOnly
    @LocalEcsTest
    static class Closing {
        @Test
        void everything(LocalEcs ecs, VirtualClock clock, EcsClient client, EcsServer server) {
            Recorder.record(ecs, clock, server, server.endpoint());
            assertThat(client.listClusters().clusterArns()).hasSize(1);
        }
    }

    /** Tests running concurrently, each with its own LocalEcs, each running a rolling deployment. */
    @ScenarioOnly
    @LocalEcsTest(instances = 3)
    static class Parallel {
        static final CountDownLatch TWO_AT_ONCE = new CountDownLatch(2);

        @RepeatedTest(8)
        void deploy(LocalEcs ecs, EcsWait wait, EcsClient client) throws InterruptedException {
            Recorder.enter();
            try {
                Recorder.record(ecs);
                TWO_AT_ONCE.countDown();
                assertThat(TWO_AT_ONCE.await(20, TimeUnit.SECONDS)).as("two tests ran at once").isTrue();
                assertThat(instanceCount(ecs, "default")).isEqualTo(3);
                TestData.service(ecs, "default", "web", "acme/web:1", 3);
                assertThat(wait.untilSteadyState("default", "web")).hasRunningCount(3);
                assertThat(client.listTasks(r -> r.cluster("default")).taskArns()).hasSize(3);
            } finally {
                Recorder.exit();
            }
        }
    }

    /** Tests running concurrently on one shared, per-class LocalEcs on a virtual clock. */
    @ScenarioOnly
    @LocalEcsTest(lifecycle = Lifecycle.PER_CLASS, instances = 3)
    static class ParallelSharingOneLocalEcs {
        static final CountDownLatch TWO_AT_ONCE = new CountDownLatch(2);

        @RepeatedTest(6)
        void deploy(LocalEcs ecs, EcsWait wait, org.junit.jupiter.api.RepetitionInfo repetition)
                throws InterruptedException {
            Recorder.enter();
            try {
                Recorder.record(ecs);
                TWO_AT_ONCE.countDown();
                assertThat(TWO_AT_ONCE.await(20, TimeUnit.SECONDS)).as("two tests ran at once").isTrue();
                String name = "web-" + repetition.getCurrentRepetition();
                TestData.service(ecs, "default", name, "acme/web:1", 1);
                assertThat(wait.untilSteadyState("default", name)).hasRunningCount(1);
            } finally {
                Recorder.exit();
            }
        }
    }
}
