package io.ecs4j.server.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.EcsException;
import io.ecs4j.LocalEcs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The protocol core without HTTP: region selection and error mapping. */
class WireProtocolTest {
    static final String PREFIX = WireProtocol.TARGET_PREFIX;
    final List<String> regionsAsked = new ArrayList<>();

    final RegionRouter router = new RegionRouter() {
        @Override
        public String defaultRegion() {
            return "eu-central-1";
        }

        @Override
        public LocalEcs forRegion(String region) {
            regionsAsked.add(region);
            return null;
        }
    };

    WireProtocol protocol(Operation.Handler handler) {
        return new WireProtocol(router, Map.of("ListClusters", new Operation("ListClusters", false, handler)));
    }

    static String body(WireResponse r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void region_comesFromTheCredentialScope() {
        WireProtocol p = protocol((ecs, in) -> WireJson.object());

        p.handle(PREFIX + "ListClusters", "AWS4-HMAC-SHA256 Credential=AKID/20261121/ap-southeast-2/ecs/aws4_request,"
                + " SignedHeaders=host, Signature=abc", new byte[0]);
        p.handle(PREFIX + "ListClusters", null, new byte[0]);
        p.handle(PREFIX + "ListClusters", "Bearer token", new byte[0]);

        assertThat(regionsAsked).containsExactly("ap-southeast-2", "eu-central-1", "eu-central-1");
    }

    @Test
    void region_thatIsNotARegionName_isClientException() {
        WireResponse r = protocol((ecs, in) -> WireJson.object()).handle(PREFIX + "ListClusters",
                "AWS4-HMAC-SHA256 Credential=AKID/20261121/../ecs/aws4_request", new byte[0]);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorType()).isEqualTo("ClientException");
    }

    @Test
    void ecsException_keepsItsWireNameAndMessage() {
        WireResponse r = protocol((ecs, in) -> {
            throw EcsException.clusterNotFound();
        }).handle(PREFIX + "ListClusters", null, new byte[0]);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorType()).isEqualTo("ClusterNotFoundException");
        assertThat(body(r)).isEqualTo("{\"__type\":\"ClusterNotFoundException\",\"message\":\"Cluster not found.\"}");
    }

    @Test
    void illegalArgument_isInvalidParameter() {
        WireResponse r = protocol((ecs, in) -> {
            throw new IllegalArgumentException("count must be 1..10");
        }).handle(PREFIX + "ListClusters", null, new byte[0]);

        assertThat(r.errorType()).isEqualTo("InvalidParameterException");
        assertThat(body(r)).contains("count must be 1..10");
    }

    @Test
    void bug_isServerException500WithoutStackTrace() {
        WireResponse r = protocol((ecs, in) -> {
            throw new NullPointerException("secret internals");
        }).handle(PREFIX + "ListClusters", null, new byte[0]);

        assertThat(r.status()).isEqualTo(500);
        assertThat(r.errorType()).isEqualTo("ServerException");
        assertThat(body(r)).doesNotContain("secret internals").doesNotContain("at io.ecs4j");
    }

    @Test
    void serverErrorTypes_onlyServerExceptionIs500() {
        assertThat(WireProtocol.error(WireException.invalidParameter("x")).status()).isEqualTo(400);
        assertThat(WireProtocol.error(WireException.of(new EcsException(io.ecs4j.EcsErrorCode.SERVER, "x")))
                .status()).isEqualTo(500);
    }

    @Test
    void isBlocking_followsTheOperation() {
        WireProtocol p = new WireProtocol(router, Map.of(
                "RunTask", new Operation("RunTask", true, (ecs, in) -> WireJson.object()),
                "ListTasks", new Operation("ListTasks", false, (ecs, in) -> WireJson.object())));

        assertThat(p.isBlocking(PREFIX + "RunTask")).isTrue();
        assertThat(p.isBlocking(PREFIX + "ListTasks")).isFalse();
        assertThat(p.isBlocking(PREFIX + "Nope")).isFalse();
        assertThat(p.isBlocking(null)).isFalse();
    }

    @Test
    void supportedAndUnsupported_coverTheModel() {
        WireProtocol p = new WireProtocol(router);

        assertThat(p.supportedOperations()).doesNotContainAnyElementsOf(p.unsupportedOperations());
        assertThat(p.supportedOperations().size() + p.unsupportedOperations().size()).isEqualTo(77);
        assertThat(ModelOperations.ALL).containsAll(p.supportedOperations());
    }
}
