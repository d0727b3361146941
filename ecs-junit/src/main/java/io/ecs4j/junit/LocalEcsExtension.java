package io.ecs4j.junit;

import io.ecs4j.LocalEcs;
import io.ecs4j.inmemory.InMemoryRuntime;
import io.ecs4j.junit.FixtureSettings.ClockMode;
import io.ecs4j.junit.LocalEcsTest.Lifecycle;
import io.ecs4j.junit.LocalEcsTest.RuntimeType;
import io.ecs4j.spi.runtime.ContainerRuntime;
import io.ecs4j.time.TimeSource;
import io.ecs4j.time.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.TestAbortedException;

/**
 * The JUnit 5 extension behind {@link LocalEcsTest}: an isolated, embedded Amazon ECS per test method or per test
 * class, and parameters to drive it (see {@link LocalEcsTest} for the parameter types).
 *
 * <p>Two forms. The zero-config one is the {@link LocalEcsTest} annotation. The explicit one is a field:
 * {@snippet :
 * class DeployerTest {
 *     @RegisterExtension
 *     static final LocalEcsExtension ECS = LocalEcsExtension.builder()
 *             .cluster("prod").instances(6)                         // 6 m5.large over us-east-1a, b and c
 *             .inMemoryRuntime(r -> r.onImage("acme/web:broken", ContainerBehaviour.exitsAfter(Duration.ofSeconds(5), 1)))
 *             .lifecycle(LocalEcsTest.Lifecycle.PER_METHOD)
 *             .build();
 * }
 * }
 * Without {@link Builder#lifecycle}, an extension in a {@code static} field gives the class one {@code LocalEcs}
 * (created before {@code @BeforeAll} methods), and one in an instance field gives each test method its own.
 *
 * <p>State lives in JUnit's {@link ExtensionContext.Store} (per class or per test method), never in the extension:
 * the same extension serves tests running in parallel, each with its own fixture, and JUnit closes each fixture when
 * its scope ends (SDK client, server, {@code LocalEcs} and runtime, then the clock if the fixture made it). A clock or
 * runtime given to the builder as an instance is never closed.
 *
 * <p>With {@link RuntimeType#DOCKER}, tests are skipped when no Docker engine answers, except when the environment
 * variable {@code CI} is {@code true}: then they fail.
 *
 * <p>Thread-safe; immutable once built.
 */
public final class LocalEcsExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver,
        ExecutionCondition {
    private static final Namespace GLOBAL = Namespace.create(LocalEcsExtension.class);
    private static final String FIXTURE = "fixture";

    /** The builder's settings; null for the annotation form (read from {@link LocalEcsTest} per test class). */
    private final FixtureSettings settings;

    /** The zero-config form: settings come from the {@link LocalEcsTest} annotation of the test class. */
    public LocalEcsExtension() {
        this(null);
    }

    private LocalEcsExtension(FixtureSettings settings) {
        this.settings = settings;
    }

    /** A builder for the {@code @RegisterExtension} form; every setting has the default of {@link LocalEcsTest}. */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ callbacks

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!settings(context).docker() || !SdkSupport.present(DockerSupport.RUNTIME_CLASS)) {
            return ConditionEvaluationResult.enabled("no Docker needed (or a configuration error reported later)");
        }
        return dockerCondition(dockerProblem(context), underCi());
    }

    /** Enabled with Docker; without, disabled, except under CI, where the test runs and fails in its set-up. */
    static ConditionEvaluationResult dockerCondition(String problem, boolean ci) {
        if (problem == null) {
            return ConditionEvaluationResult.enabled("Docker is available");
        }
        if (ci) {
            return ConditionEvaluationResult.enabled("CI=true: Docker is required, the test will fail");
        }
        return ConditionEvaluationResult.disabled("Docker tests skipped: " + problem
                + "; start an engine (for example `bash .ci/run setup`)");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        FixtureSettings s = settings(context);
        // Called only when registered on the class (annotation or static field): per class unless told otherwise.
        if (s.lifecycle() == Lifecycle.PER_METHOD || findFixture(context) != null) {
            return;
        }
        startIn(context, s);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (findFixture(context) != null) {
            return; // the class's fixture
        }
        FixtureSettings s = settings(context);
        if (s.lifecycle() == Lifecycle.PER_CLASS) {
            throw new ExtensionConfigurationException("LocalEcsExtension with lifecycle PER_CLASS must be registered"
                    + " in a static field (or with @LocalEcsTest): an instance field is registered per test");
        }
        startIn(context, s);
    }

    // ------------------------------------------------------------------ parameters

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == LocalEcs.class || type == EcsWait.class || type == VirtualClock.class
                || type == TimeSource.class || type == InMemoryRuntime.class
                || type.getName().equals(SdkSupport.CLIENT_CLASS) || type.getName().equals(SdkSupport.SERVER_CLASS);
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        Fixture fixture = findFixture(extensionContext);
        if (fixture == null) {
            throw new ParameterResolutionException("No ecs4j fixture for " + parameterContext.getDeclaringExecutable()
                    + ": the LocalEcs is per test method here, so it can be injected into test methods and"
                    + " @BeforeEach/@AfterEach methods only. For @BeforeAll methods or constructors use"
                    + " @LocalEcsTest(lifecycle = PER_CLASS) or a static @RegisterExtension field.");
        }
        LocalEcs ecs = fixture.ecs();
        if (type == LocalEcs.class) {
            return ecs;
        }
        if (type == EcsWait.class) {
            return fixture.await();
        }
        if (type == TimeSource.class) {
            return ecs.timeSource();
        }
        if (type == VirtualClock.class) {
            if (ecs.timeSource() instanceof VirtualClock clock) {
                return clock;
            }
            throw new ParameterResolutionException("This ecs4j fixture runs in real time (" + ecs.timeSource()
                    + "), so there is no VirtualClock to inject; ask for a TimeSource, or use the in-memory runtime"
                    + " on a virtual clock");
        }
        if (type == InMemoryRuntime.class) {
            if (ecs.runtime() instanceof InMemoryRuntime runtime) {
                return runtime;
            }
            throw new ParameterResolutionException("This ecs4j fixture runs on the " + ecs.runtime().name()
                    + " runtime, so there is no InMemoryRuntime to inject");
        }
        if (!SdkSupport.present(SdkSupport.SERVER_CLASS)) {
            throw new ParameterResolutionException("Injecting " + type.getSimpleName() + " needs the embedded ECS"
                    + " endpoint: add io.ecs4j:ecs-server (test scope) to the test class path");
        }
        if (type.getName().equals(SdkSupport.SERVER_CLASS)) {
            return fixture.sdk().server();
        }
        return fixture.sdk().client();
    }

    // ------------------------------------------------------------------ internals

    private Namespace namespace() {
        return Namespace.create(LocalEcsExtension.class, this);
    }

    /** The fixture of this context: its own (per method) or an enclosing one (per class), or null. */
    private Fixture findFixture(ExtensionContext context) {
        return context.getStore(namespace()).get(FIXTURE, Fixture.class);
    }

    private void startIn(ExtensionContext context, FixtureSettings s) {
        if (s.docker()) {
            checkDocker(context);
        }
        context.getStore(namespace()).getOrComputeIfAbsent(FIXTURE, key -> Fixture.start(s), Fixture.class);
    }

    private void checkDocker(ExtensionContext context) {
        if (!SdkSupport.present(DockerSupport.RUNTIME_CLASS)) {
            throw new ExtensionConfigurationException("RuntimeType.DOCKER needs io.ecs4j:ecs-docker-runtime on the"
                    + " test class path");
        }
        String problem = dockerProblem(context);
        if (problem == null) {
            return;
        }
        if (underCi()) {
            throw new IllegalStateException("CI=true requires Docker, but " + problem);
        }
        throw new TestAbortedException("Docker tests skipped: " + problem);
    }

    /** Checked once per test run (cached in the root store). */
    private static String dockerProblem(ExtensionContext context) {
        return context.getRoot().getStore(GLOBAL)
                .getOrComputeIfAbsent("docker", key -> new DockerCheck(DockerSupport.problem()), DockerCheck.class)
                .problem();
    }

    private record DockerCheck(String problem) {
    }

    static boolean underCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    private FixtureSettings settings(ExtensionContext context) {
        if (settings != null) {
            return settings;
        }
        Optional<Class<?>> testClass = context.getTestClass();
        Class<?> type = testClass.orElse(null);
        while (type != null) {
            Optional<LocalEcsTest> annotation = AnnotationSupport.findAnnotation(type, LocalEcsTest.class);
            if (annotation.isPresent()) {
                return FixtureSettings.of(annotation.get());
            }
            type = type.getEnclosingClass(); // @Nested classes inherit the annotation of their enclosing class
        }
        return FixtureSettings.DEFAULTS; // @ExtendWith(LocalEcsExtension.class) without the annotation
    }

    // ------------------------------------------------------------------ builder

    /**
     * Builds a {@link LocalEcsExtension} with explicit settings. Every setting has a default: the in-memory runtime on
     * a new {@link VirtualClock} per {@code LocalEcs}, region {@code us-east-1}, no container instance, the
     * {@code default} cluster. Not thread-safe.
     */
    public static final class Builder {
        private Lifecycle lifecycle;
        private RuntimeType runtimeType = RuntimeType.IN_MEMORY;
        private Consumer<InMemoryRuntime.Builder> inMemory;
        private Supplier<? extends ContainerRuntime> runtimeFactory;
        private ClockMode clockMode = ClockMode.DEFAULT;
        private Instant clockStart;
        private TimeSource sharedTimeSource;
        private String region = "us-east-1";
        private String accountId;
        private String cluster = "default";
        private int instances;
        private List<String> zones;
        private Integer instanceCpu;
        private Integer instanceMemory;
        private Consumer<LocalEcs.Builder> configurer;
        private Duration waitTimeout;
        private boolean timeSkipping = true;

        private Builder() {
        }

        /**
         * Per test method or per class. Default: per class in a {@code static} field, per method in an instance
         * field.
         */
        public Builder lifecycle(Lifecycle lifecycle) {
            this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
            return this;
        }

        /**
         * The runtime. Default {@link RuntimeType#IN_MEMORY}. {@link RuntimeType#DOCKER} runs in real time: with
         * Docker, do not ask for a virtual clock.
         */
        public Builder runtime(RuntimeType runtimeType) {
            this.runtimeType = Objects.requireNonNull(runtimeType, "runtimeType");
            this.runtimeFactory = null;
            return this;
        }

        /**
         * The in-memory runtime, built by each fixture from a builder this customiser sees first (scripts for images
         * or container names, port ranges...). Scripts can also be changed later through the injected
         * {@link InMemoryRuntime}.
         */
        public Builder inMemoryRuntime(Consumer<InMemoryRuntime.Builder> customizer) {
            this.inMemory = Objects.requireNonNull(customizer, "customizer");
            return runtime(RuntimeType.IN_MEMORY);
        }

        /**
         * Any runtime: {@code factory} makes a new one for each fixture, which the fixture's {@code LocalEcs} starts
         * and closes. Runs on a virtual clock unless {@link #realTime()} is set.
         */
        public Builder runtime(Supplier<? extends ContainerRuntime> factory) {
            this.runtimeFactory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /** A new {@link VirtualClock} per fixture, starting at {@link VirtualClock#DEFAULT_START}. */
        public Builder virtualClock() {
            return virtualClock(VirtualClock.DEFAULT_START);
        }

        /** A new {@link VirtualClock} per fixture, starting at {@code start}. */
        public Builder virtualClock(Instant start) {
            this.clockStart = Objects.requireNonNull(start, "start");
            this.clockMode = ClockMode.VIRTUAL;
            this.sharedTimeSource = null;
            return this;
        }

        /** Real time ({@link TimeSource#system()}), a new one per fixture. The default with Docker. */
        public Builder realTime() {
            this.clockMode = ClockMode.REAL;
            this.sharedTimeSource = null;
            return this;
        }

        /**
         * This time source, for every fixture of this extension; it is never closed by the extension. With a
         * per-method lifecycle, consecutive tests then share the clock (but not the {@code LocalEcs}).
         */
        public Builder timeSource(TimeSource timeSource) {
            this.sharedTimeSource = Objects.requireNonNull(timeSource, "timeSource");
            this.clockMode = ClockMode.SHARED;
            return this;
        }

        /** The region of ARNs and of the SDK client. Default {@code us-east-1}. */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /** The account id of ARNs. Default {@code 000000000000}. */
        public Builder accountId(String accountId) {
            this.accountId = Objects.requireNonNull(accountId, "accountId");
            return this;
        }

        /** The cluster container instances join; created before the test unless {@code default}. Default {@code default}. */
        public Builder cluster(String cluster) {
            this.cluster = Objects.requireNonNull(cluster, "cluster");
            return this;
        }

        /**
         * Container instances to register before the test, round-robin over {@code <region>a}, {@code b} and
         * {@code c}. Default 0.
         */
        public Builder instances(int count) {
            return instances(count, (String[]) null);
        }

        /** Container instances to register before the test, round-robin over these availability zones. */
        public Builder instances(int count, String... zones) {
            if (count < 0) {
                throw new IllegalArgumentException("instances must not be negative: " + count);
            }
            if (zones != null && zones.length == 0) {
                throw new IllegalArgumentException("zones must not be empty");
            }
            this.instances = count;
            this.zones = zones == null ? null : List.of(zones);
            return this;
        }

        /** The resources each pre-registered instance registers with. Default ECS's m5.large: 2,048 CPU, 7,680 MiB. */
        public Builder instanceResources(int cpu, int memoryMiB) {
            if (cpu <= 0 || memoryMiB <= 0) {
                throw new IllegalArgumentException("cpu and memory must be positive: " + cpu + ", " + memoryMiB);
            }
            this.instanceCpu = cpu;
            this.instanceMemory = memoryMiB;
            return this;
        }

        /**
         * Any other {@link LocalEcs.Builder} setting (secrets, stop timeout, task retention, random source...).
         * Called after the extension's own settings; do not set the time source or the runtime here.
         */
        public Builder configure(Consumer<LocalEcs.Builder> configurer) {
            this.configurer = Objects.requireNonNull(configurer, "configurer");
            return this;
        }

        /** The timeout of the injected {@link EcsWait}. Default: 30 minutes of virtual time, or 2 minutes real. */
        public Builder waitTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("waitTimeout must be positive: " + timeout);
            }
            this.waitTimeout = timeout;
            return this;
        }

        /**
         * Whether the injected SDK client {@linkplain TimeSkippingInterceptor skips virtual time} on repeated reads.
         * Default true (it has no effect in real time).
         */
        public Builder timeSkipping(boolean timeSkipping) {
            this.timeSkipping = timeSkipping;
            return this;
        }

        /**
         * The extension.
         *
         * @throws IllegalArgumentException when the Docker runtime is combined with a virtual clock
         */
        public LocalEcsExtension build() {
            if (runtimeFactory == null && runtimeType == RuntimeType.DOCKER
                    && (clockMode == ClockMode.VIRTUAL
                    || clockMode == ClockMode.SHARED && sharedTimeSource instanceof VirtualClock)) {
                throw new IllegalArgumentException("the Docker runtime runs in real time: remove virtualClock(...)");
            }
            return new LocalEcsExtension(new FixtureSettings(lifecycle, runtimeType, inMemory, runtimeFactory,
                    clockMode, clockStart, sharedTimeSource, region, accountId, cluster, instances, zones,
                    instanceCpu, instanceMemory, configurer, waitTimeout, timeSkipping));
        }
    }
}
