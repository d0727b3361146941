package io.ecs4j.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Enables Docker tests when an engine answers and the test image exists; skips them otherwise, but fails them when
 * the environment variable {@code CI} is {@code true}.
 */
final class DockerAvailability implements ExecutionCondition, BeforeAllCallback {
    /** Why Docker is unusable, or null when it is usable; computed once per JVM. */
    private static volatile String problem;
    private static volatile boolean checked;

    static boolean underCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    private static synchronized String problem() {
        if (!checked) {
            problem = check();
            checked = true;
        }
        return problem;
    }

    private static String check() {
        try (DockerClient docker = TestDocker.client()) {
            docker.pingCmd().exec();
            try {
                docker.inspectImageCmd(DockerFixture.IMAGE).exec();
            } catch (NotFoundException e) {
                return "the test image " + DockerFixture.IMAGE + " is missing (build it with `bash .ci/run setup`)";
            }
            return null;
        } catch (Exception e) {
            return "no Docker engine answers (" + e.getMessage() + "); start one with `bash .ci/run setup`";
        }
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String p = problem();
        if (p == null) {
            return ConditionEvaluationResult.enabled("Docker is available");
        }
        if (underCi()) {
            return ConditionEvaluationResult.enabled("CI=true: Docker is required, failing in beforeAll");
        }
        return ConditionEvaluationResult.disabled("Docker tests skipped: " + p);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        String p = problem();
        if (p != null) {
            throw new IllegalStateException("CI=true requires Docker, but " + p);
        }
    }
}
