package io.ecs4j.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.ecs4j.LocalEcs;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** JUnit's parallel mode: concurrent tests, each with its own LocalEcs, or sharing a per-class one. */
class ParallelExecutionTest {

    @BeforeEach
    void reset() {
        Recorder.reset();
    }

    static EngineExecutionResults runConcurrently(Class<?> scenario) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter(ScenarioOnly.PARAMETER, "true")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
                .selectors(selectClass(scenario))
                .execute();
    }

    @Test
    void concurrentTests_eachGetAnIsolatedLocalEcs_andAllOfThemAreClosed() {
        runConcurrently(Scenarios.Parallel.class).testEvents()
                .assertStatistics(s -> s.started(8).succeeded(8).failed(0));

        List<LocalEcs> seen = Recorder.seen(LocalEcs.class);
        assertThat(seen).hasSize(8).doesNotHaveDuplicates();
        assertThat(seen).allSatisfy(ecs -> assertThat(ecs.state()).isEqualTo(LocalEcs.State.TERMINATED));
        assertThat(Recorder.maxRunning.get()).isGreaterThanOrEqualTo(2);
        assertThat(Recorder.threads.stream().distinct().count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void concurrentTests_canShareAPerClassLocalEcsOnAVirtualClock() {
        runConcurrently(Scenarios.ParallelSharingOneLocalEcs.class).testEvents()
                .assertStatistics(s -> s.started(6).succeeded(6).failed(0));

        assertThat(Recorder.seen(LocalEcs.class).stream().distinct()).hasSize(1);
        assertThat(Recorder.maxRunning.get()).isGreaterThanOrEqualTo(2);
        assertThat(Recorder.seen(LocalEcs.class).get(0).state()).isEqualTo(LocalEcs.State.TERMINATED);
    }
}
