package io.ecs4j.server;

import io.ecs4j.LocalEcs;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;

/** A real-time LocalEcs on the instant runtime behind an EcsServer, and SDK clients for it. */
final class ServerFixture implements AutoCloseable {
    final LocalEcs ecs;
    final EcsServer server;

    ServerFixture() {
        ecs = LocalEcs.builder().runtime(io.ecs4j.inmemory.InMemoryRuntime.create()).build().start();
        server = EcsServer.builder().localEcs(ecs).port(0).build().start();
    }

    URI endpoint() {
        return server.endpoint();
    }

    EcsClient client() {
        return client(Region.US_EAST_1);
    }

    EcsClient client(Region region) {
        return EcsClient.builder()
                .endpointOverride(server.endpoint())
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClientBuilder(Apache5HttpClient.builder())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(RetryMode.STANDARD)
                        .apiCallTimeout(Duration.ofSeconds(30))
                        .build())
                .build();
    }

    @Override
    public void close() {
        server.close();
        ecs.close();
    }
}
