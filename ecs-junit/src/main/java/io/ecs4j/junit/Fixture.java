package io.ecs4j.junit;

import io.ecs4j.LocalEcs;
import io.ecs4j.inmemory.InMemoryRuntime;
import io.ecs4j.request.RegisterContainerInstanceRequest;
import io.ecs4j.spi.runtime.ContainerRuntime;
import io.ecs4j.time.TimeSource;
import io.ecs4j.time.VirtualClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One embedded ECS for a test method or a test class: the {@code LocalEcs}, its time source and runtime, and - made on
 * first use - the embedded server and SDK client. Lives in the JUnit {@code Store}, which closes it.
 *
 * <p>It implements both JUnit's {@code CloseableResource} (closed by JUnit 5.x before 5.13) and {@code AutoCloseable}
 * (5.13 and later); {@link #close()} is idempotent, so being closed through both is harmless. Thread-safe.
 */
@SuppressWarnings("deprecation") // Store.CloseableResource: deprecated in JUnit 5.13 for AutoCloseable; kept for older
final class Fixture implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    private final LocalEcs ecs;
    private final TimeSource ownedTime;
    private final EcsWait wait;
    private final FixtureSettings settings;
    private final AutoCloseable dockerCleanup;
    private AutoCloseable sdk;
    private boolean closed;

    private Fixture(LocalEcs ecs, TimeSource ownedTime, FixtureSettings settings, AutoCloseable dockerCleanup) {
        this.ecs = ecs;
        this.ownedTime = ownedTime;
        this.settings = settings;
        this.dockerCleanup = dockerCleanup;
        EcsWait w = EcsWait.on(ecs);
        this.wait = settings.waitTimeout() != null ? w.withTimeout(settings.waitTimeout()) : w;
    }

    /** Builds and starts a fixture; on failure, closes whatever was started and rethrows. */
    static Fixture start(FixtureSettings settings) {
        TimeSource ownedTime = null;
        TimeSource time;
        switch (settings.clockMode()) {
            case SHARED -> time = settings.sharedTimeSource();
            case REAL -> time = ownedTime = TimeSource.system();
            default -> {
                if (settings.newVirtualClock()) {
                    time = ownedTime = settings.clockStart() != null ? VirtualClock.startingAt(settings.clockStart())
                            : VirtualClock.create();
                } else {
                    time = ownedTime = TimeSource.system();
                }
            }
        }
        String dockerRunId = null;
        LocalEcs ecs = null;
        try {
            ContainerRuntime runtime;
            if (settings.runtimeFactory() != null) {
                runtime = settings.runtimeFactory().get();
            } else if (settings.docker()) {
                dockerRunId = DockerSupport.newRunId();
                runtime = DockerSupport.newRuntime(dockerRunId);
            } else {
                InMemoryRuntime.Builder b = InMemoryRuntime.builder();
                if (settings.inMemory() != null) {
                    settings.inMemory().accept(b);
                }
                runtime = b.build();
            }
            LocalEcs.Builder builder = LocalEcs.builder().timeSource(time).runtime(runtime).region(settings.region());
            if (settings.accountId() != null) {
                builder.accountId(settings.accountId());
            }
            if (settings.configurer() != null) {
                settings.configurer().accept(builder);
            }
            ecs = builder.start();
            prepare(ecs, settings);
            String runId = dockerRunId;
            return new Fixture(ecs, ownedTime, settings, runId == null ? null : () -> DockerSupport.removeAll(runId));
        } catch (RuntimeException | Error e) {
            closeQuietly(ecs, e);
            if (dockerRunId != null) {
                String runId = dockerRunId;
                closeQuietly(() -> DockerSupport.removeAll(runId), e);
            }
            closeQuietly(ownedTime, e);
            throw e;
        }
    }

    private static void prepare(LocalEcs ecs, FixtureSettings settings) {
        String cluster = settings.cluster();
        if (!"default".equals(cluster)) {
            ecs.createCluster(cluster);
        }
        List<String> zones = settings.zonesOrDefault();
        for (int i = 0; i < settings.instances(); i++) {
            RegisterContainerInstanceRequest.Builder request = RegisterContainerInstanceRequest.builder()
                    .cluster(cluster).availabilityZone(zones.get(i % zones.size()));
            if (settings.instanceCpu() != null) {
                request.cpu(settings.instanceCpu());
            }
            if (settings.instanceMemory() != null) {
                request.memory(settings.instanceMemory());
            }
            ecs.registerContainerInstance(request.build());
        }
        if (ecs.timeSource() instanceof VirtualClock clock) {
            clock.runUntilIdle(); // the instances' registration settles before the test starts
        }
    }

    LocalEcs ecs() {
        return ecs;
    }

    EcsWait await() {
        return wait;
    }

    FixtureSettings settings() {
        return settings;
    }

    /** The server-and-client support, made (and the server started) on first use. */
    synchronized SdkSupport sdk() {
        if (closed) {
            throw new IllegalStateException("this ecs4j fixture is closed");
        }
        if (sdk == null) {
            sdk = SdkSupport.start(ecs, settings.timeSkipping());
        }
        return (SdkSupport) sdk;
    }

    /** Closes the SDK client, the server, the {@code LocalEcs} (and its runtime), then the clock if owned. */
    @Override
    public void close() {
        AutoCloseable sdkToClose;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            sdkToClose = sdk;
        }
        List<Throwable> failures = new ArrayList<>();
        closeInto(sdkToClose, failures);
        closeInto(ecs, failures);
        closeInto(dockerCleanup, failures);
        closeInto(ownedTime, failures);
        if (!failures.isEmpty()) {
            IllegalStateException e = new IllegalStateException("closing the ecs4j test fixture failed",
                    failures.get(0));
            failures.stream().skip(1).forEach(e::addSuppressed);
            throw e;
        }
    }

    private static void closeInto(AutoCloseable resource, List<Throwable> failures) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception | Error e) {
            failures.add(e);
        }
    }

    private static void closeQuietly(AutoCloseable resource, Throwable primary) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception | Error e) {
            primary.addSuppressed(e);
        }
    }
}
