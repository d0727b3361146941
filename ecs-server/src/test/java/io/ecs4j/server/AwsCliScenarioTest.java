package io.ecs4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scripted scenario with the real AWS CLI ({@code /usr/bin/aws}, Debian's awscli v2) against the endpoint. Skipped
 * when the CLI is missing, except on CI ({@code CI=true}), where a missing CLI fails the test.
 */
class AwsCliScenarioTest {
    static final Path AWS = Path.of("/usr/bin/aws");
    static ServerFixture fixture;

    @TempDir
    static Path home;

    @BeforeAll
    static void start() {
        if (!Files.isExecutable(AWS)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("/usr/bin/aws is missing on CI: install Debian's awscli (apt-get install -y"
                        + " --no-install-recommends awscli) in .ci/run");
            }
            Assumptions.abort("/usr/bin/aws is not installed; skipping the AWS CLI scenario");
        }
        fixture = new ServerFixture();
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    /** Runs {@code aws ecs <args>} and returns its JSON output; fails on a non-zero exit. */
    static JsonNode aws(String... args) throws IOException, InterruptedException {
        Result r = run(args);
        assertThat(r.exit()).as("aws ecs %s\nstdout: %s\nstderr: %s", String.join(" ", args), r.out(), r.err())
                .isZero();
        return r.out().isBlank() ? RawHttp.JSON.createObjectNode() : RawHttp.JSON.readTree(r.out());
    }

    record Result(int exit, String out, String err) {
    }

    static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(AWS.toString(), "ecs"));
        command.addAll(List.of(args));
        command.addAll(List.of("--endpoint-url", fixture.endpoint().toString(), "--no-cli-pager", "--output", "json"));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.put("AWS_ACCESS_KEY_ID", "AKIDTEST");
        env.put("AWS_SECRET_ACCESS_KEY", "secret");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_PAGER", "");
        env.put("AWS_CONFIG_FILE", home.resolve("no-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("no-credentials").toString());
        env.put("HOME", home.toString());
        Path out = Files.createTempFile(home, "out", ".json");
        Path err = Files.createTempFile(home, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("aws ecs " + String.join(" ", args) + " did not finish in 120 s");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void taskLifecycle_withTheAwsCli() throws Exception {
        Path taskDef = Path.of("src/test/resources/cli/web-taskdef.json").toAbsolutePath();

        aws("create-cluster", "--cluster-name", "cli");
        aws("register-container-instance", "--cluster", "cli");
        JsonNode registered = aws("register-task-definition", "--cli-input-json", "file://" + taskDef);
        assertThat(registered.at("/taskDefinition/taskDefinitionArn").asText())
                .isEqualTo("arn:aws:ecs:us-east-1:000000000000:task-definition/cli-web:1");
        assertThat(registered.at("/tags/0/key").asText()).isEqualTo("origin");

        JsonNode run = aws("run-task", "--cluster", "cli", "--task-definition", "cli-web", "--count", "2");
        assertThat(run.path("failures")).isEmpty();
        List<String> arns = new ArrayList<>();
        run.path("tasks").forEach(t -> arns.add(t.path("taskArn").asText()));
        assertThat(arns).hasSize(2);

        List<String> waitRunning = new ArrayList<>(List.of("wait", "tasks-running", "--cluster", "cli", "--tasks"));
        waitRunning.addAll(arns);
        aws(waitRunning.toArray(String[]::new));
        JsonNode listed = aws("list-tasks", "--cluster", "cli", "--family", "cli-web");
        assertThat(listed.path("taskArns")).hasSize(2);

        for (String arn : arns) {
            JsonNode stopped = aws("stop-task", "--cluster", "cli", "--task", arn, "--reason", "scenario done");
            assertThat(stopped.at("/task/desiredStatus").asText()).isEqualTo("STOPPED");
        }
        List<String> waitStopped = new ArrayList<>(List.of("wait", "tasks-stopped", "--cluster", "cli", "--tasks"));
        waitStopped.addAll(arns);
        aws(waitStopped.toArray(String[]::new));

        JsonNode described = aws("describe-tasks", "--cluster", "cli", "--tasks", arns.get(0));
        assertThat(described.at("/tasks/0/lastStatus").asText()).isEqualTo("STOPPED");
        assertThat(described.at("/tasks/0/stoppedReason").asText()).isEqualTo("scenario done");
        assertThat(described.at("/tasks/0/stoppedAt").isMissingNode()).isFalse();

        JsonNode deregistered = aws("deregister-task-definition", "--task-definition", "cli-web:1");
        assertThat(deregistered.at("/taskDefinition/status").asText()).isEqualTo("INACTIVE");
    }

    @Test
    void serviceRollout_withTheAwsCli() throws Exception {
        Path taskDef = Path.of("src/test/resources/cli/web-taskdef.json").toAbsolutePath();
        aws("create-cluster", "--cluster-name", "cli-svc");
        for (int i = 0; i < 3; i++) {
            aws("register-container-instance", "--cluster", "cli-svc");
        }
        String first = aws("register-task-definition", "--cli-input-json", "file://" + taskDef)
                .at("/taskDefinition/taskDefinitionArn").asText();
        String second = aws("register-task-definition", "--cli-input-json", "file://" + taskDef)
                .at("/taskDefinition/taskDefinitionArn").asText();

        JsonNode created = aws("create-service", "--cluster", "cli-svc", "--service-name", "web",
                "--task-definition", first, "--desired-count", "2");
        assertThat(created.at("/service/status").asText()).isEqualTo("ACTIVE");
        aws("wait", "services-stable", "--cluster", "cli-svc", "--services", "web");

        JsonNode updated = aws("update-service", "--cluster", "cli-svc", "--service", "web",
                "--task-definition", second);
        assertThat(updated.at("/service/taskDefinition").asText()).isEqualTo(second);
        aws("wait", "services-stable", "--cluster", "cli-svc", "--services", "web");
        JsonNode described = aws("describe-services", "--cluster", "cli-svc", "--services", "web");
        assertThat(described.at("/services/0/runningCount").asInt()).isEqualTo(2);
        assertThat(described.at("/services/0/deployments")).hasSize(1);
        assertThat(described.at("/services/0/deployments/0/taskDefinition").asText()).isEqualTo(second);

        aws("update-service", "--cluster", "cli-svc", "--service", "web", "--desired-count", "0");
        JsonNode deleted = aws("delete-service", "--cluster", "cli-svc", "--service", "web");
        assertThat(deleted.at("/service/status").asText()).isIn("DRAINING", "INACTIVE");
        aws("wait", "services-inactive", "--cluster", "cli-svc", "--services", "web");
        assertThat(aws("list-services", "--cluster", "cli-svc").path("serviceArns")).isEmpty();
    }

    @Test
    void errors_exitWithCode254AndTheEcsErrorName() throws Exception {
        Result r = run("describe-task-definition", "--task-definition", "does-not-exist");

        assertThat(r.exit()).isEqualTo(254);
        assertThat(r.err()).contains("ClientException").contains("DescribeTaskDefinition")
                .contains("Unable to describe task definition.");
    }
}
