package io.ecs4j.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class with an isolated, embedded Amazon ECS: a fresh {@link io.ecs4j.LocalEcs} for every
 * test method (or one for the whole class), on the in-memory runtime and a {@link io.ecs4j.time.VirtualClock} unless
 * told otherwise. Test methods, constructors and lifecycle methods declare what they need as parameters:
 *
 * <ul>
 *   <li>{@link io.ecs4j.LocalEcs} — the embedded ECS (the Java API);</li>
 *   <li>{@link EcsWait} — waits (on virtual time: advances it) until a service is steady, tasks run or stop...;</li>
 *   <li>{@link io.ecs4j.time.VirtualClock} and {@link io.ecs4j.inmemory.InMemoryRuntime} — to move time and to script
 *       containers (not available with {@link RuntimeType#DOCKER});</li>
 *   <li>{@link io.ecs4j.time.TimeSource} — the time source, whichever it is;</li>
 *   <li>{@code software.amazon.awssdk.services.ecs.EcsClient} — an AWS SDK client already pointed at an embedded
 *       {@code EcsServer} serving the same {@code LocalEcs} (dummy credentials, the fixture's region), with
 *       {@linkplain TimeSkippingInterceptor time skipping} on a virtual clock; and {@code io.ecs4j.server.EcsServer}
 *       itself. Both need {@code io.ecs4j:ecs-server} and {@code software.amazon.awssdk:ecs} on the test class path;
 *       the server starts on the first request for either.</li>
 * </ul>
 *
 * {@snippet :
 * @LocalEcsTest(instances = 3)
 * class WebServiceTest {
 *     @Test
 *     void createService_reachesSteadyState(LocalEcs ecs, EcsWait wait) {
 *         ecs.registerTaskDefinition(EcsJson.readTaskDefinition(WEB_JSON));
 *         ecs.createService(CreateServiceRequest.builder("default", "web", "web").desiredCount(3).build());
 *         assertThat(wait.untilSteadyState("default", "web")).hasRunningCount(3).isSteady();
 *     }
 * }
 * }
 *
 * <p>Everything the extension starts is closed after the test (or the class): the SDK client, the server, the
 * {@code LocalEcs} and its runtime, and the clock. Tests may run in parallel (JUnit's parallel mode): each
 * {@code LocalEcs} is isolated, and a per-class one is thread-safe.
 *
 * <p>For settings beyond these attributes (a custom clock, runtime scripts, instance sizes, other {@code LocalEcs}
 * options), register the extension with {@link LocalEcsExtension#builder()} and {@code @RegisterExtension} instead;
 * do not use both on one class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LocalEcsExtension.class)
public @interface LocalEcsTest {

    /** Whether each test method gets its own {@code LocalEcs} (the default) or the class shares one. */
    Lifecycle lifecycle() default Lifecycle.PER_METHOD;

    /**
     * The runtime. {@link RuntimeType#IN_MEMORY} (the default) runs on a virtual clock;
     * {@link RuntimeType#DOCKER} runs real containers in real time.
     */
    RuntimeType runtime() default RuntimeType.IN_MEMORY;

    /**
     * How many container instances to register in {@link #cluster()} before the test, spread round-robin over the
     * availability zones {@code <region>a}, {@code <region>b} and {@code <region>c}; each is ECS's default m5.large
     * (2,048 CPU units, 7,680 MiB). Default 0.
     */
    int instances() default 0;

    /** The cluster the instances join; created before the test if it is not {@code default}. Default {@code default}. */
    String cluster() default "default";

    /** The region of ARNs (and of the SDK client). Default {@code us-east-1}. */
    String region() default "us-east-1";

    /** When an embedded {@code LocalEcs} is created and closed. */
    enum Lifecycle {
        /** A new {@code LocalEcs} for every test method, closed after it. */
        PER_METHOD,
        /**
         * One {@code LocalEcs} for the test class (and its {@code @Nested} classes), created before
         * {@code @BeforeAll} methods and closed after {@code @AfterAll} methods. Tests of the class share its state.
         */
        PER_CLASS
    }

    /** Which container runtime the embedded {@code LocalEcs} uses. */
    enum RuntimeType {
        /** The in-memory runtime on a {@link io.ecs4j.time.VirtualClock}: deterministic, no Docker, milliseconds. */
        IN_MEMORY,
        /**
         * Real Docker containers ({@code io.ecs4j:ecs-docker-runtime} must be on the test class path), in real time.
         * Without a Docker engine the tests are skipped, except when the environment variable {@code CI} is
         * {@code true}: then they fail, so that a broken CI engine cannot hide behind skipped tests.
         */
        DOCKER
    }
}
