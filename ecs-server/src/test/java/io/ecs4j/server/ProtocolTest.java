package io.ecs4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Flow;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The AWS JSON 1.1 protocol over raw HTTP: headers, error shapes, limits and input checking. */
class ProtocolTest {
    static ServerFixture fixture;
    static RawHttp http;

    @BeforeAll
    static void start() {
        fixture = new ServerFixture();
        http = new RawHttp(fixture.endpoint());
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    static void assertError(RawHttp.Reply r, int status, String type) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.errorType()).as(r.body()).isEqualTo(type);
        assertThat(r.header("X-Amzn-ErrorType")).isEqualTo(type);
        assertThat(r.header("x-amzn-RequestId")).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(r.header("Content-Type")).isEqualTo("application/x-amz-json-1.1");
        assertThat(r.body()).doesNotContain("\tat ").doesNotContain("Exception:");
    }

    @Test
    void success_hasJsonContentTypeAndRequestId() {
        RawHttp.Reply r = http.post("ListClusters", "{}");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/x-amz-json-1.1");
        assertThat(r.header("x-amzn-RequestId")).hasSize(36);
        assertThat(r.header("X-Amzn-ErrorType")).isNull();
        assertThat(r.json().path("clusterArns").get(0).asText())
                .isEqualTo("arn:aws:ecs:us-east-1:000000000000:cluster/default");
    }

    @Test
    void requestIds_differ() {
        assertThat(http.post("ListClusters", "{}").header("x-amzn-RequestId"))
                .isNotEqualTo(http.post("ListClusters", "{}").header("x-amzn-RequestId"));
    }

    @Test
    void emptyBody_readsAsEmptyObject() {
        assertThat(http.post("ListClusters", "").status()).isEqualTo(200);
    }

    @Test
    void unknownMembers_areIgnored() {
        RawHttp.Reply r = http.post("DescribeClusters", "{\"clusters\":[\"default\"],\"futureMember\":{\"x\":1}}");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("clusters")).hasSize(1);
    }

    @Test
    void malformedJson_isSerializationException() {
        RawHttp.Reply r = http.post("ListClusters", "{\"maxResults\": ");

        assertError(r, 400, "SerializationException");
        assertThat(r.message()).contains("not valid JSON");
    }

    @Test
    void trailingGarbage_isSerializationException() {
        assertError(http.post("ListClusters", "{} {}"), 400, "SerializationException");
    }

    @Test
    void nonObjectBody_isSerializationException() {
        RawHttp.Reply r = http.post("ListClusters", "[1,2]");

        assertError(r, 400, "SerializationException");
        assertThat(r.message()).contains("JSON object");
    }

    @Test
    void wrongMemberType_isSerializationExceptionNamingTheMember() {
        RawHttp.Reply list = http.post("DescribeClusters", "{\"clusters\": \"default\"}");
        RawHttp.Reply number = http.post("ListClusters", "{\"maxResults\": \"ten\"}");
        RawHttp.Reply fraction = http.post("ListClusters", "{\"maxResults\": 1.5}");
        RawHttp.Reply element = http.post("DescribeClusters", "{\"clusters\": [\"default\", 7]}");

        assertError(list, 400, "SerializationException");
        assertThat(list.message()).contains("'clusters'").contains("expected a list");
        assertError(number, 400, "SerializationException");
        assertThat(number.message()).contains("'maxResults'").contains("expected an integer");
        assertError(fraction, 400, "SerializationException");
        assertError(element, 400, "SerializationException");
        assertThat(element.message()).contains("'clusters[1]'");
    }

    @Test
    void wrongNestedType_namesThePath() {
        RawHttp.Reply r = http.post("RunTask", "{\"taskDefinition\":\"x\",\"overrides\":{\"containerOverrides\":"
                + "[{\"name\":\"a\",\"cpu\":\"lots\"}]}}");

        assertError(r, 400, "SerializationException");
        assertThat(r.message()).contains("'overrides.containerOverrides[0].cpu'");
    }

    @Test
    void wrongTypeInTaskDefinition_isSerializationExceptionNamingThePath() {
        RawHttp.Reply r = http.post("RegisterTaskDefinition", "{\"family\":\"f\",\"containerDefinitions\":"
                + "[{\"name\":\"a\",\"image\":\"b\",\"memory\":\"much\"}]}");

        assertError(r, 400, "SerializationException");
        assertThat(r.message()).contains("containerDefinitions[0].memory");
    }

    @Test
    void missingRequiredMember_isInvalidParameterNamingIt() {
        RawHttp.Reply tasks = http.post("DescribeTasks", "{}");
        RawHttp.Reply stop = http.post("StopTask", "{\"cluster\":\"default\"}");
        RawHttp.Reply td = http.post("RegisterTaskDefinition", "{\"family\":\"f\"}");
        RawHttp.Reply state = http.post("UpdateContainerInstancesState", "{\"containerInstances\":[\"x\"]}");

        assertError(tasks, 400, "InvalidParameterException");
        assertThat(tasks.message()).contains("'tasks'");
        assertError(stop, 400, "InvalidParameterException");
        assertThat(stop.message()).contains("'task'");
        assertError(td, 400, "InvalidParameterException");
        assertThat(td.message()).contains("'containerDefinitions'");
        assertError(state, 400, "InvalidParameterException");
        assertThat(state.message()).contains("'status'");
    }

    @Test
    void unknownEnumValue_isInvalidParameterNamingMemberAndValidValues() {
        RawHttp.Reply desired = http.post("ListTasks", "{\"desiredStatus\":\"SLEEPING\"}");
        RawHttp.Reply launch = http.post("RunTask", "{\"taskDefinition\":\"x\",\"launchType\":\"MOON\"}");
        RawHttp.Reply include = http.post("DescribeClusters", "{\"include\":[\"EVERYTHING\"]}");

        assertError(desired, 400, "InvalidParameterException");
        assertThat(desired.message()).contains("'desiredStatus'").contains("SLEEPING").contains("RUNNING, PENDING, STOPPED");
        assertError(launch, 400, "InvalidParameterException");
        assertThat(launch.message()).contains("'launchType'").contains("FARGATE");
        assertError(include, 400, "InvalidParameterException");
        assertThat(include.message()).contains("'include[0]'");
    }

    @Test
    void unknownTarget_isUnknownOperationException() {
        RawHttp.Reply other = http.send("AmazonSQS.ListQueues", "{}", "us-east-1");
        RawHttp.Reply typo = http.post("ListClustersPlease", "{}");
        RawHttp.Reply missing = http.send(null, "{}", "us-east-1");

        assertError(other, 400, "UnknownOperationException");
        assertError(typo, 400, "UnknownOperationException");
        assertThat(typo.message()).contains("ListClustersPlease");
        assertError(missing, 400, "UnknownOperationException");
        assertThat(missing.message()).contains("X-Amz-Target");
    }

    @Test
    void modelOperationNotImplemented_isUnsupportedFeatureNamingIt() {
        RawHttp.Reply r = http.post("ExecuteCommand", "{}");

        assertError(r, 400, "UnsupportedFeatureException");
        assertThat(r.message()).contains("ExecuteCommand").contains("Supported operations:").contains("RunTask");
    }

    @Test
    void oversizedBody_is413() {
        char[] big = new char[(1 << 20) + 10];
        Arrays.fill(big, ' ');
        RawHttp.Reply r = http.post("ListClusters", "{" + new String(big) + "}");

        assertError(r, 413, "RequestEntityTooLargeException");
        assertThat(r.message()).contains("1048576");
    }

    @Test
    void oversizedChunkedBody_is413() {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) ' ');
        List<ByteBuffer> chunks = new java.util.ArrayList<>();
        chunks.add(ByteBuffer.wrap("{".getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i < 20; i++) {
            chunks.add(ByteBuffer.wrap(chunk));
        }
        HttpRequest.BodyPublisher unknownLength = new HttpRequest.BodyPublisher() {
            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
                HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofByteArrays(chunks.stream().map(ByteBuffer::array).toList()))
                        .subscribe(subscriber);
            }
        };
        RawHttp.Reply r = http.send(HttpRequest.newBuilder(fixture.endpoint())
                .header("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.ListClusters")
                .POST(unknownLength).build());

        assertError(r, 413, "RequestEntityTooLargeException");
    }

    @Test
    void malformedHttp_isAnsweredInTheAwsErrorShapeAndClosed() throws Exception {
        try (java.net.Socket socket = new java.net.Socket(fixture.endpoint().getHost(), fixture.endpoint().getPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n{}"
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 400").contains("X-Amzn-ErrorType: SerializationException")
                    .contains("\"__type\":\"SerializationException\"").containsIgnoringCase("connection: close");
        }
    }

    @Test
    void pipelinedRequests_areAnsweredInOrder() throws Exception {
        String create = "{\"clusterName\":\"pipelined\"}";
        String request = "POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: AmazonEC2ContainerServiceV20141113.%s\r\n"
                + "Content-Type: application/x-amz-json-1.1\r\nContent-Length: %d\r\n%s\r\n%s";
        String all = String.format(request, "CreateCluster", create.length(), "", create)
                + String.format(request, "DescribeClusters", 2, "Connection: close\r\n", "{}");
        try (java.net.Socket socket = new java.net.Socket(fixture.endpoint().getHost(), fixture.endpoint().getPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(all.getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            int first = answer.indexOf("\"cluster\":{");
            int second = answer.indexOf("\"clusters\":[");
            assertThat(first).isPositive();
            assertThat(second).isGreaterThan(first);
        }
    }

    @Test
    void get_is405WithAwsErrorShape() {
        RawHttp.Reply r = http.send(HttpRequest.newBuilder(fixture.endpoint()).GET().build());

        assertError(r, 405, "UnknownOperationException");
        assertThat(r.header("Allow")).isEqualTo("POST");
    }

    @Test
    void unsignedRequest_usesTheDefaultRegion() {
        RawHttp.Reply r = http.send("AmazonEC2ContainerServiceV20141113.ListClusters", "{}", null);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("arn:aws:ecs:us-east-1:");
    }

    @Test
    void otherRegion_isClientException() {
        RawHttp.Reply r = http.send("AmazonEC2ContainerServiceV20141113.ListClusters", "{}", "ap-south-2");

        assertError(r, 400, "ClientException");
        assertThat(r.message()).contains("ap-south-2").contains("us-east-1");
    }

    @Test
    void ecsError_hasTypeHeaderAndMessage() {
        RawHttp.Reply r = http.post("DeleteCluster", "{\"cluster\":\"ghost\"}");

        assertError(r, 400, "ClusterNotFoundException");
        assertThat(r.message()).isEqualTo("Cluster not found.");
    }

    @Test
    void timestamps_areEpochSecondsNumbers() {
        RawHttp.Reply r = http.post("RegisterContainerInstance", "{}");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("containerInstance").path("registeredAt").isNumber()).isTrue();
    }
}
