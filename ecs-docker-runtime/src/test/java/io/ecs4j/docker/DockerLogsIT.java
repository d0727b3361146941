package io.ecs4j.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.spi.runtime.ContainerHandle;
import io.ecs4j.spi.runtime.LogEntry;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@RequiresDocker
class DockerLogsIT {
    private DockerFixture fx;

    @BeforeEach
    void setUp() {
        fx = new DockerFixture();
    }

    @AfterEach
    void tearDown() throws Exception {
        fx.close();
    }

    @Test
    void logs_returnStdoutAndStderrLinesWithTimestampsInOrder() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        ContainerHandle h = fx.launch(fx.spec(fx.newTask(), "app",
                "echo one; echo two >&2; echo three").build());
        fx.awaitExited(h);

        List<LogEntry> logs = fx.runtime.logs(h).toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(logs).extracting(LogEntry::message).containsExactlyInAnyOrder("one", "two", "three");
        assertThat(logs).filteredOn(l -> l.stream() == LogEntry.Stream.STDERR).extracting(LogEntry::message)
                .containsExactly("two");
        assertThat(logs).filteredOn(l -> l.stream() == LogEntry.Stream.STDOUT).extracting(LogEntry::message)
                .containsExactly("one", "three");
        assertThat(logs).allSatisfy(l -> assertThat(l.timestamp()).isAfter(before).isBefore(Instant.now()));
        assertThat(logs).isSortedAccordingTo(java.util.Comparator.comparing(LogEntry::timestamp));
    }

    @Test
    void logs_ofUnknownHandle_failWithIllegalArgumentException() {
        var unknown = new ContainerHandle(fx.newTask(), "nope");

        assertThat(fx.runtime.logs(unknown).toCompletableFuture()).isCompletedExceptionally();
    }
}
