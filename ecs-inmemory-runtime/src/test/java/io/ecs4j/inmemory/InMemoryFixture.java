package io.ecs4j.inmemory;

import io.ecs4j.spi.runtime.ContainerLaunchSpec;
import io.ecs4j.spi.runtime.ContainerRuntime;
import io.ecs4j.tck.RuntimeFixture;
import io.ecs4j.time.TimeSource;
import io.ecs4j.time.VirtualClock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/** The contract suite's fixture for the in-memory runtime: a virtual clock, and recipes as per-handle scripts. */
final class InMemoryFixture implements RuntimeFixture {

    private final VirtualClock clock = VirtualClock.create();
    private InMemoryRuntime runtime;

    @Override
    public ContainerRuntime createRuntime() {
        runtime = InMemoryRuntime.create();
        return runtime;
    }

    @Override
    public TimeSource timeSource() {
        return clock;
    }

    @Override
    public boolean awaitUntil(BooleanSupplier condition, Duration timeout) {
        return clock.advanceUntil(condition, timeout);
    }

    @Override
    public void letTimePass(Duration duration) {
        clock.advance(duration);
    }

    @Override
    public int freeHostPort() {
        return 18080;
    }

    @Override
    public ContainerLaunchSpec runsUntilStopped(ContainerLaunchSpec spec) {
        return script(spec, ContainerBehaviour.defaultBehaviour());
    }

    @Override
    public ContainerLaunchSpec exitsAfterAboutOneSecond(ContainerLaunchSpec spec, int exitCode) {
        return script(spec, ContainerBehaviour.exitsAfter(Duration.ofSeconds(1), exitCode));
    }

    @Override
    public ContainerLaunchSpec ignoresSigterm(ContainerLaunchSpec spec) {
        return script(spec, ContainerBehaviour.ignoresSigterm());
    }

    @Override
    public ContainerLaunchSpec passesHealthCheck(ContainerLaunchSpec spec) {
        return script(spec, ContainerBehaviour.builder().healthProbes(HealthProbe.PASS).build());
    }

    @Override
    public ContainerLaunchSpec failsHealthCheck(ContainerLaunchSpec spec) {
        return script(spec, ContainerBehaviour.failsHealthChecks());
    }

    @Override
    public ContainerLaunchSpec failsToPull(ContainerLaunchSpec spec) {
        return script(spec, ContainerBehaviour.failsToPull());
    }

    @Override
    public ContainerLaunchSpec writesLogLines(ContainerLaunchSpec spec, List<LogLine> lines) {
        ContainerBehaviour.Builder behaviour = ContainerBehaviour.builder();
        for (int i = 0; i < lines.size(); i++) {
            LogLine line = lines.get(i);
            behaviour.logLine(new ContainerBehaviour.LogLine(Duration.ofMillis(100L * i), line.stream(),
                    line.message()));
        }
        return script(spec, behaviour.build());
    }

    @Override
    public ContainerLaunchSpec runsOutOfMemory(ContainerLaunchSpec spec) {
        return script(spec.toBuilder().memoryLimitMiB(16).build(), ContainerBehaviour.oomKilledAfter(Duration.ofSeconds(1)));
    }

    @Override
    public void close() {
        clock.close();
    }

    private ContainerLaunchSpec script(ContainerLaunchSpec spec, ContainerBehaviour behaviour) {
        runtime.onContainer(spec.handle(), behaviour);
        return spec;
    }
}
