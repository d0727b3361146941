package io.ecs4j.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Raw AWS JSON 1.1 requests with the JDK HttpClient, as an SDK would send them (minus the signature). */
final class RawHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String AUTH = "AWS4-HMAC-SHA256 Credential=AKIDTEST/20261121/%s/ecs/aws4_request,"
            + " SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=00";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;

    RawHttp(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** A reply. */
    record Reply(int status, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String body() {
            return raw.body();
        }

        JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String errorType() {
            return json().path("__type").asText(null);
        }

        String message() {
            return json().path("message").asText(null);
        }
    }

    Reply post(String operation, String body) {
        return send("AmazonEC2ContainerServiceV20141113." + operation, body, "us-east-1");
    }

    Reply send(String target, String body, String region) {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (target != null) {
            b.header("X-Amz-Target", target);
        }
        if (region != null) {
            b.header("Authorization", String.format(AUTH, region));
        }
        return send(b.build());
    }

    Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
