package io.ecs4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecs4j.LocalEcs;
import io.ecs4j.time.VirtualClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden JSON, one file per step of a scenario that uses every supported operation ({@code golden/NN-Operation.json}:
 * {@code request}, expected {@code status} and {@code response}). The LocalEcs runs on a virtual clock with a seeded
 * random source, so ids and timestamps are stable. Steps run in file order against one server.
 *
 * <p>To regenerate after an intended change: {@code -Dgolden.update=true}, then review the diff.
 */
class GoldenJsonTest {
    static final Path DIR = Path.of("src/test/resources/golden");
    static VirtualClock clock;
    static LocalEcs ecs;
    static EcsServer server;
    static RawHttp http;

    @BeforeAll
    static void start() {
        clock = VirtualClock.create();
        ecs = LocalEcs.builder().timeSource(clock).random(new SplittableRandom(7)).runtime(io.ecs4j.inmemory.InMemoryRuntime.create())
                .build().start();
        server = EcsServer.builder().localEcs(ecs).build().start();
        http = new RawHttp(server.endpoint());
    }

    @AfterAll
    static void stop() {
        server.close();
        ecs.close();
        clock.close();
    }

    @TestFactory
    Stream<DynamicTest> everyOperation_matchesItsGoldenResponse() throws IOException {
        List<Path> steps;
        try (Stream<Path> files = Files.list(DIR)) {
            steps = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(steps).as("golden files in " + DIR.toAbsolutePath()).isNotEmpty();
        return steps.stream().map(step -> DynamicTest.dynamicTest(step.getFileName().toString(), () -> run(step)));
    }

    private static void run(Path file) throws IOException {
        ObjectNode step = (ObjectNode) RawHttp.JSON.readTree(file.toFile());
        if (step.has("advanceSeconds")) {
            clock.advance(Duration.ofSeconds(step.get("advanceSeconds").asLong()));
        }
        String operation = step.get("operation").asText();
        RawHttp.Reply reply = http.post(operation, RawHttp.JSON.writeValueAsString(step.get("request")));
        JsonNode actual = reply.json();
        if (Boolean.getBoolean("golden.update")) {
            step.put("status", reply.status());
            step.set("response", actual);
            Files.writeString(file, RawHttp.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(step) + "\n");
            return;
        }
        assertThat(reply.status()).as(reply.body()).isEqualTo(step.get("status").asInt());
        assertThat(pretty(actual)).isEqualTo(pretty(step.get("response")));
    }

    private static String pretty(JsonNode node) {
        try {
            return RawHttp.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
