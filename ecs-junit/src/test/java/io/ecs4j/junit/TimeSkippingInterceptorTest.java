package io.ecs4j.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecs4j.LocalEcs;
import io.ecs4j.server.EcsServer;
import io.ecs4j.time.TimeSource;
import io.ecs4j.time.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;

/** The interceptor on a client of one's own, and the injected client without time skipping. */
class TimeSkippingInterceptorTest {
    @RegisterExtension
    final LocalEcsExtension ecs = LocalEcsExtension.builder().instances(1).timeSkipping(false).build();

    static String runJob(LocalEcs ecs) {
        ecs.registerTaskDefinition(TestData.taskDefinition("job", "acme/job:1"));
        return ecs.runTask(io.ecs4j.request.RunTaskRequest.builder("default", "job").build()).tasks().get(0)
                .taskArn().toString();
    }

    @Test
    void injectedClient_withoutTimeSkipping_neverMovesTheClock(EcsClient client, LocalEcs ecs, VirtualClock clock) {
        DescribeTasksRequest describe = DescribeTasksRequest.builder().cluster("default").tasks(runJob(ecs)).build();

        for (int i = 0; i < 5; i++) {
            assertThat(client.describeTasks(describe).tasks().get(0).lastStatus()).isEqualTo("PENDING");
        }
        assertThat(clock.instant()).isEqualTo(VirtualClock.DEFAULT_START);
    }

    @Test
    void interceptor_onAClientOfOnesOwn_skipsTimeOnRepeatedReads(EcsServer server, LocalEcs ecs, VirtualClock clock) {
        String task = runJob(ecs);
        try (TimeSkippingInterceptor skipping = TimeSkippingInterceptor.create(ecs, Duration.ofMinutes(5));
             EcsClient own = EcsClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                     .credentialsProvider(AnonymousCredentialsProvider.create())
                     .overrideConfiguration(o -> o.addExecutionInterceptor(skipping)).build()) {
            DescribeTasksRequest describe = DescribeTasksRequest.builder().cluster("default").tasks(task).build();

            String first = own.describeTasks(describe).tasks().get(0).lastStatus();
            String second = own.describeTasks(describe).tasks().get(0).lastStatus();

            assertThat(first).isEqualTo("PENDING");
            assertThat(second).isEqualTo("RUNNING");
            assertThat(skipping.skips()).isEqualTo(1);
            assertThat(skipping.maxSkip()).isEqualTo(Duration.ofMinutes(5));
            Instant now = clock.instant();
            own.describeTasks(describe); // nothing is pending: time does not move
            assertThat(clock.instant()).isEqualTo(now);
        }
    }

    @Test
    void create_inRealTime_isRejected() {
        try (TimeSource system = TimeSource.system();
             LocalEcs real = LocalEcs.builder().timeSource(system).build().start()) {
            assertThatThrownBy(() -> TimeSkippingInterceptor.create(real))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a LocalEcs on a VirtualClock");
        }
    }

    @Test
    void isRead_coversDescribeListAndGet() {
        assertThat(TimeSkippingInterceptor.isRead("DescribeServices")).isTrue();
        assertThat(TimeSkippingInterceptor.isRead("ListTasks")).isTrue();
        assertThat(TimeSkippingInterceptor.isRead("GetTaskProtection")).isTrue();
        assertThat(TimeSkippingInterceptor.isRead("RunTask")).isFalse();
        assertThat(TimeSkippingInterceptor.isRead(null)).isFalse();
    }
}
