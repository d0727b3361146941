package io.ecs4j.server.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecs4j.LocalEcs;
import io.ecs4j.model.ContainerInstance;
import io.ecs4j.request.ListContainerInstancesRequest;
import io.ecs4j.server.EcsServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerCommandTest {

    @Test
    void parse_defaults() {
        ServerCommand.Options o = ServerCommand.parse(new String[0]);

        assertThat(o).isEqualTo(new ServerCommand.Options(8080, "127.0.0.1", "us-east-1", "000000000000", "in-memory", 0));
    }

    @Test
    void parse_allOptions_bothSyntaxes() {
        ServerCommand.Options o = ServerCommand.parse(new String[] {"--port", "0", "--host=localhost", "--region",
            "eu-west-1", "--runtime", "inmemory", "--instances=4", "--account", "123456789012"});

        assertThat(o).isEqualTo(new ServerCommand.Options(0, "localhost", "eu-west-1", "123456789012", "in-memory", 4));
    }

    @Test
    void parse_help_returnsNull() {
        assertThat(ServerCommand.parse(new String[] {"--help"})).isNull();
    }

    @Test
    void parse_badInput_namesTheProblem() {
        assertThatThrownBy(() -> ServerCommand.parse(new String[] {"--port", "x"})).hasMessageContaining("--port");
        assertThatThrownBy(() -> ServerCommand.parse(new String[] {"--port", "70000"})).hasMessageContaining("65535");
        assertThatThrownBy(() -> ServerCommand.parse(new String[] {"--bogus", "1"})).hasMessageContaining("--bogus");
        assertThatThrownBy(() -> ServerCommand.parse(new String[] {"--port"})).hasMessageContaining("needs a value");
    }

    @Test
    void run_badOption_exitsWith2AndPrintsUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = ServerCommand.run(new String[] {"--nope"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --nope").contains("Usage:");
    }

    @Test
    void start_withInstances_registersThemOverThreeZones() {
        ServerCommand.Options o = new ServerCommand.Options(0, "127.0.0.1", "us-west-2", "000000000000", "in-memory", 4);

        try (EcsServer server = ServerCommand.start(o)) {
            LocalEcs ecs = server.localEcs("us-west-2");
            List<String> arns = ecs.listContainerInstances(ListContainerInstancesRequest.builder().build()).items();
            List<ContainerInstance> instances = ecs.describeContainerInstances(null, arns).items();

            assertThat(server.endpoint().toString()).startsWith("http://127.0.0.1:");
            assertThat(instances).extracting(ContainerInstance::availabilityZone)
                    .containsExactlyInAnyOrder("us-west-2a", "us-west-2b", "us-west-2c", "us-west-2a");
            assertThat(ecs.state()).isEqualTo(LocalEcs.State.RUNNING);
        }
    }

    @Test
    void provider_unknownRuntime_namesTheAvailableOnes() {
        assertThatThrownBy(() -> ServerCommand.provider("podman"))
                .hasMessageContaining("no container runtime named 'podman'")
                .hasMessageContaining("in-memory")
                .hasMessageContaining("docker");
    }

    @Test
    void provider_bundledRuntimes_areFound() {
        assertThat(ServerCommand.provider("in-memory").name()).isEqualTo("in-memory");
        assertThat(ServerCommand.provider("docker").name()).isEqualTo("docker");
    }
}
