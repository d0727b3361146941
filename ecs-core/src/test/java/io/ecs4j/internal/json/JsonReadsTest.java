package io.ecs4j.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecs4j.EcsException;
import io.ecs4j.model.TaskDefinition;
import io.ecs4j.model.TaskDefinitionStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonReadsTest {

    private static ObjectNode parse(String json) {
        return (ObjectNode) Json.parse(json);
    }

    @Test
    void timestamp_whenEpochSecondsWithFraction_readsExactly() {
        assertThat(JsonReads.timestamp(parse("{\"t\":1534810931.659}"), "t", ""))
                .isEqualTo(Instant.parse("2018-08-21T00:22:11.659Z"));
        assertThat(JsonReads.timestamp(parse("{\"t\":1534810931}"), "t", "")).isEqualTo(Instant.ofEpochSecond(1534810931));
    }

    @Test
    void timestamp_whenIsoString_readsWithOrWithoutOffset() {
        assertThat(JsonReads.timestamp(parse("{\"t\":\"2024-01-05T02:48:18.158Z\"}"), "t", ""))
                .isEqualTo(Instant.parse("2024-01-05T02:48:18.158Z"));
        assertThat(JsonReads.timestamp(parse("{\"t\":\"2024-01-05T03:48:18.158+01:00\"}"), "t", ""))
                .isEqualTo(Instant.parse("2024-01-05T02:48:18.158Z"));
    }

    @Test
    void timestamp_whenNotATimestamp_namesPath() {
        assertThatThrownBy(() -> JsonReads.timestamp(parse("{\"t\":\"yesterday\"}"), "t", "td"))
                .isInstanceOf(EcsException.class)
                .hasMessage("Invalid value for 'td.t': expected epoch seconds or an ISO-8601 timestamp but found the string \"yesterday\".");
    }

    @Test
    void epochSeconds_whenWritten_roundTripsThroughTimestamp() {
        Instant instant = Instant.parse("2024-02-29T12:00:00.123456789Z");
        ObjectNode node = Json.object();
        JsonWrites.putTimestamp(node, "t", instant);
        assertThat(Json.write(node, false)).isEqualTo("{\"t\":1709208000.123456789}");
        assertThat(JsonReads.timestamp(parse(Json.write(node, false)), "t", "")).isEqualTo(instant);
        assertThat(JsonWrites.epochSeconds(Instant.ofEpochSecond(1700000000)).toPlainString()).isEqualTo("1700000000");
    }

    @Test
    void integer_whenOutOfIntRange_rejects() {
        assertThatThrownBy(() -> JsonReads.integer(parse("{\"n\":3000000000}"), "n", ""))
                .isInstanceOf(EcsException.class)
                .hasMessage("Invalid value for 'n': 3000000000 is out of range for an integer.");
    }

    @Test
    void readDescribed_whenDescribeOutput_keepsOutputOnlyMembers() {
        ObjectNode node = parse("{\"taskDefinitionArn\":\"arn:aws:ecs:us-east-1:123456789012:task-definition/web:3\","
                + "\"family\":\"web\",\"revision\":3,\"status\":\"INACTIVE\",\"registeredAt\":1534810931.659,"
                + "\"compatibilities\":[\"EC2\"],\"requiresAttributes\":[{\"name\":\"ecs.capability.task-eni\"}],"
                + "\"containerDefinitions\":[]}");
        TaskDefinition td = TaskDefinitionCodec.readDescribed(node, "");
        assertThat(td.revision()).isEqualTo(3);
        assertThat(td.status()).isEqualTo(TaskDefinitionStatus.INACTIVE);
        assertThat(td.taskDefinitionArn().familyRevision()).isEqualTo("web:3");
        assertThat(td.requiresAttributes()).hasSize(1);
        assertThat(TaskDefinitionCodec.readDescribed(TaskDefinitionCodec.write(td), "")).isEqualTo(td);
    }
}
