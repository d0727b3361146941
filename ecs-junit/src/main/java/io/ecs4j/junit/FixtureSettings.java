package io.ecs4j.junit;

import io.ecs4j.LocalEcs;
import io.ecs4j.inmemory.InMemoryRuntime;
import io.ecs4j.junit.LocalEcsTest.Lifecycle;
import io.ecs4j.junit.LocalEcsTest.RuntimeType;
import io.ecs4j.spi.runtime.ContainerRuntime;
import io.ecs4j.time.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a {@link Fixture} is made of: the attributes of {@link LocalEcsTest}, or the settings of a
 * {@link LocalEcsExtension.Builder}. Immutable.
 *
 * @param lifecycle         PER_METHOD or PER_CLASS, or null: per class when registered on the class (annotation or
 *                          static field), per method otherwise (instance field)
 * @param runtimeType       the runtime when {@code runtimeFactory} is null
 * @param inMemory          customises the in-memory runtime's builder, or null
 * @param runtimeFactory    makes the runtime of each fixture, or null
 * @param clockMode         how each fixture gets its time source
 * @param clockStart        the start of a new virtual clock
 * @param sharedTimeSource  the caller's time source (never closed), when {@code clockMode} is SHARED
 * @param region            the region
 * @param accountId         the account id
 * @param cluster           the cluster instances join
 * @param instances         how many instances to register
 * @param zones             their availability zones, round-robin; null means {@code <region>a,b,c}
 * @param instanceCpu       CPU units per instance, or null (ECS's default)
 * @param instanceMemory    MiB per instance, or null (ECS's default)
 * @param configurer        customises the {@code LocalEcs} builder, or null
 * @param waitTimeout       {@link EcsWait}'s timeout, or null for its default
 * @param timeSkipping      whether injected SDK clients skip virtual time
 */
record FixtureSettings(
        Lifecycle lifecycle,
        RuntimeType runtimeType,
        Consumer<InMemoryRuntime.Builder> inMemory,
        Supplier<? extends ContainerRuntime> runtimeFactory,
        ClockMode clockMode,
        Instant clockStart,
        TimeSource sharedTimeSource,
        String region,
        String accountId,
        String cluster,
        int instances,
        List<String> zones,
        Integer instanceCpu,
        Integer instanceMemory,
        Consumer<LocalEcs.Builder> configurer,
        Duration waitTimeout,
        boolean timeSkipping) {

    /** How a fixture gets its time source. */
    enum ClockMode {
        /** The default: virtual for the in-memory runtime and custom runtimes, real for Docker. */
        DEFAULT,
        /** A new virtual clock per fixture, owned (closed) by it. */
        VIRTUAL,
        /** A new {@link TimeSource#system()} per fixture, owned (closed) by it. */
        REAL,
        /** The caller's time source; never closed. */
        SHARED
    }

    static FixtureSettings of(LocalEcsTest annotation) {
        return new FixtureSettings(annotation.lifecycle(), annotation.runtime(), null, null, ClockMode.DEFAULT,
                null, null, annotation.region(), null, annotation.cluster(), annotation.instances(), null, null,
                null, null, null, true);
    }

    /** The annotation's defaults. */
    static final FixtureSettings DEFAULTS = new FixtureSettings(Lifecycle.PER_METHOD, RuntimeType.IN_MEMORY, null,
            null, ClockMode.DEFAULT, null, null, "us-east-1", null, "default", 0, null, null, null, null, null, true);

    /** Whether each fixture gets a virtual clock of its own. */
    boolean newVirtualClock() {
        return clockMode == ClockMode.VIRTUAL
                || clockMode == ClockMode.DEFAULT && (runtimeFactory != null || runtimeType == RuntimeType.IN_MEMORY);
    }

    boolean docker() {
        return runtimeFactory == null && runtimeType == RuntimeType.DOCKER;
    }

    List<String> zonesOrDefault() {
        return zones != null ? zones : List.of(region + "a", region + "b", region + "c");
    }
}
