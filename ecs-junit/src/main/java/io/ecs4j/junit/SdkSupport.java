package io.ecs4j.junit;

import io.ecs4j.LocalEcs;
import io.ecs4j.server.EcsServer;
import io.ecs4j.time.VirtualClock;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.EcsClientBuilder;

/**
 * The embedded {@link EcsServer} of a fixture and the SDK client pointed at it. Only loaded when a test asks for an
 * {@code EcsClient} or {@code EcsServer} (both libraries are optional dependencies). Thread-safe.
 */
final class SdkSupport implements AutoCloseable {
    static final String CLIENT_CLASS = "software.amazon.awssdk.services.ecs.EcsClient";
    static final String SERVER_CLASS = "io.ecs4j.server.EcsServer";
    private static final String APACHE5_CLASS = "software.amazon.awssdk.http.apache5.Apache5HttpClient";

    /** The access key id of the injected client's dummy credentials. */
    static final String ACCESS_KEY_ID = "AKIDECS4JTEST";

    private final LocalEcs ecs;
    private final EcsServer server;
    private final boolean timeSkipping;
    private EcsClient client;
    private TimeSkippingInterceptor interceptor;

    private SdkSupport(LocalEcs ecs, EcsServer server, boolean timeSkipping) {
        this.ecs = ecs;
        this.server = server;
        this.timeSkipping = timeSkipping;
    }

    static SdkSupport start(LocalEcs ecs, boolean timeSkipping) {
        EcsServer server = EcsServer.builder().localEcs(ecs).port(0).build().start();
        return new SdkSupport(ecs, server, timeSkipping);
    }

    EcsServer server() {
        return server;
    }

    /** The fixture's client, made on first use. */
    synchronized EcsClient client() {
        if (client == null) {
            ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                    // never read ~/.aws/config or ~/.aws/credentials: the fixture is the whole world
                    .defaultProfileFile(ProfileFile.aggregator().build())
                    .defaultProfileName("default");
            if (timeSkipping && ecs.timeSource() instanceof VirtualClock) {
                interceptor = TimeSkippingInterceptor.create(ecs);
                override.addExecutionInterceptor(interceptor);
            }
            EcsClientBuilder builder = EcsClient.builder()
                    .endpointOverride(server.endpoint())
                    .region(Region.of(ecs.region()))
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(ACCESS_KEY_ID, "ecs4j-test-secret")))
                    .overrideConfiguration(override.build());
            if (present(APACHE5_CLASS)) {
                builder.httpClientBuilder(software.amazon.awssdk.http.apache5.Apache5HttpClient.builder());
            }
            client = builder.build();
        }
        return client;
    }

    static boolean present(String className) {
        try {
            Class.forName(className, false, SdkSupport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (client != null) {
                client.close();
            }
            if (interceptor != null) {
                interceptor.close();
            }
        } finally {
            server.close();
        }
    }
}
