package io.ecs4j.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.ecs4j.LocalEcs;
import io.ecs4j.server.EcsServer;
import io.ecs4j.time.VirtualClock;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The extension's lifecycle, isolation and clean-up, observed by running scenario classes with the test kit. */
class ExtensionLifecycleTest {

    @BeforeEach
    void reset() {
        Recorder.reset();
    }

    static EngineExecutionResults run(Class<?> scenario) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter(ScenarioOnly.PARAMETER, "true").selectors(selectClass(scenario)).execute();
    }

    @Test
    void perMethod_eachTestGetsItsOwnLocalEcs_closedAfterIt() {
        run(Scenarios.PerMethod.class).testEvents().assertStatistics(s -> s.started(2).succeeded(2));

        List<LocalEcs> seen = Recorder.seen(LocalEcs.class);
        assertThat(seen).hasSize(2).doesNotHaveDuplicates();
        assertThat(seen).allSatisfy(ecs -> assertThat(ecs.state()).isEqualTo(LocalEcs.State.TERMINATED));
    }

    @Test
    void perClass_beforeAllTestsAndNestedClassesShareOneLocalEcs_closedAfterTheClass() {
        run(Scenarios.PerClass.class).testEvents().assertStatistics(s -> s.started(3).succeeded(3));

        List<LocalEcs> seen = Recorder.seen(LocalEcs.class);
        assertThat(seen).hasSize(4);
        assertThat(seen.stream().distinct()).hasSize(1);
        assertThat(seen.get(0).state()).isEqualTo(LocalEcs.State.TERMINATED);
    }

    @Test
    void perMethod_injectedIntoBeforeAll_failsWithAnExplanation() {
        run(Scenarios.PerMethodInBeforeAll.class).containerEvents().assertThatEvents().haveExactly(1,
                event(finishedWithFailure(instanceOf(ParameterResolutionException.class),
                        message(m -> m.contains("the LocalEcs is per test method here")
                                && m.contains("@LocalEcsTest(lifecycle = PER_CLASS)")))));
        assertThat(Recorder.seen).isEmpty();
    }

    @Test
    void builderInAStaticField_isPerClass_withItsSettings() {
        run(Scenarios.BuilderInStaticField.class).testEvents().assertStatistics(s -> s.started(2).succeeded(2));

        assertThat(Recorder.seen(LocalEcs.class).stream().distinct()).hasSize(1);
    }

    @Test
    void builderInAnInstanceField_isPerMethod() {
        run(Scenarios.BuilderInInstanceField.class).testEvents().assertStatistics(s -> s.started(2).succeeded(2));

        assertThat(Recorder.seen(LocalEcs.class)).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void realTime_hasNoVirtualClockToInject() {
        EngineExecutionResults results = run(Scenarios.RealTimeAskingForVirtualClock.class);

        results.testEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1));
        results.testEvents().assertThatEvents().haveExactly(1, event(test("virtualClock"),
                finishedWithFailure(instanceOf(ParameterResolutionException.class),
                        message(m -> m.contains("runs in real time")))));
    }

    @Test
    void afterTheTest_theClientServerLocalEcsAndClockAreClosed() {
        run(Scenarios.Closing.class).testEvents().assertStatistics(s -> s.started(1).succeeded(1));

        LocalEcs ecs = Recorder.seen(LocalEcs.class).get(0);
        VirtualClock clock = Recorder.seen(VirtualClock.class).get(0);
        EcsServer server = Recorder.seen(EcsServer.class).get(0);
        URI endpoint = Recorder.seen(URI.class).get(0);
        assertThat(ecs.state()).isEqualTo(LocalEcs.State.TERMINATED);
        assertThatThrownBy(() -> clock.newLoop("after")).isInstanceOf(RejectedExecutionException.class);
        assertThatThrownBy(server::port).isInstanceOf(IllegalStateException.class).hasMessageContaining("CLOSED");
        assertThatThrownBy(() -> new Socket(endpoint.getHost(), endpoint.getPort()).close())
                .isInstanceOf(IOException.class);
    }
}
