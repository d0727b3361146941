package io.ecs4j.samples.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs the webapp rollout sample on Docker: zero failed requests out of at least 1,000 through the load balancer while
 * version 2 rolls out and version 3 is rolled back; every container removed. Skipped without Docker, except under
 * {@code CI=true}, where it fails (a skipped Docker test would hide a broken engine).
 */
@Tag("docker")
class WebappRolloutIT {

    @BeforeAll
    static void requireDocker() {
        String problem;
        try (WebappImages images = new WebappImages()) {
            problem = images.problem();
        }
        if (problem != null && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true requires Docker, but " + problem);
        }
        Assumptions.assumeTrue(problem == null, () -> "Docker tests skipped: " + problem);
    }

    @Test
    void run_rollsForwardAndBackThroughTheLoadBalancer_withZeroFailedRequests() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

        WebappRollout.Result result = WebappRollout.run(out);
        String output = buffer.toString(StandardCharsets.UTF_8);

        assertThat(result.failedRequests()).as(output).isZero();
        assertThat(result.totalRequests()).isGreaterThanOrEqualTo(1000);
        assertThat(result.perVersion()).containsKeys("webapp v1", "webapp v2").doesNotContainKey("webapp v3");
        assertThat(result.rolledBack()).isTrue();
        assertThat(result.finalRevision()).isEqualTo(2);
        assertThat(result.leftoverContainers()).isZero();
        assertThat(output)
                .containsPattern("registered \\d+ targets in \\(target-group targetgroup/webapp/")
                .contains("has begun draining connections on")
                .contains("is unhealthy in (target-group targetgroup/webapp/")
                .contains("due to (reason Health checks failed with these codes: [404]).")
                .contains("Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:")
                .contains("deployment failed: tasks failed to start.")
                .contains("rolling back to deployment")
                .contains("has reached a steady state.")
                .containsPattern("failed +0 of \\d+ requests sent during both deployments");
    }
}
