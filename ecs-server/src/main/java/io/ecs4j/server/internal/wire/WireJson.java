package io.ecs4j.server.internal.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * JSON of the wire protocol: parsing request bodies, printing responses, and the output helpers (nulls omitted,
 * timestamps as epoch seconds with milliseconds, as ECS prints them: {@code 1534810931.659}). Thread-safe.
 */
public final class WireJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    private static final ObjectWriter WRITER = MAPPER.writer();

    static {
        // Bodies are bounded by the HTTP layer; keep Jackson's own nesting limit modest as well.
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(100).build());
    }

    private WireJson() {
    }

    /**
     * Parses a request body. An empty body reads as {@code {}} (AWS JSON clients send {@code {}}, but an empty body
     * is harmless).
     *
     * @throws WireException {@code SerializationException} when the body is not one JSON document
     */
    public static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return MAPPER.createObjectNode();
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                return MAPPER.createObjectNode();
            }
            return node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw WireException.serialization("The request body is not valid JSON" + where + ": "
                    + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw WireException.serialization("The request body could not be read: " + e.getMessage());
        }
    }

    /** Prints {@code node} as compact UTF-8 JSON. */
    public static byte[] write(JsonNode node) {
        try {
            return WRITER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bug: a JSON tree could not be printed", e);
        }
    }

    /** Prints {@code node} as a compact string. */
    public static String toString(JsonNode node) {
        return new String(write(node), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A new empty object. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** A new empty array. */
    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    // ------------------------------------------------------------------ output helpers

    /** Puts {@code value} unless null. */
    public static void put(ObjectNode o, String member, String value) {
        if (value != null) {
            o.put(member, value);
        }
    }

    /** Puts {@code value} unless null. */
    public static void put(ObjectNode o, String member, Integer value) {
        if (value != null) {
            o.put(member, value);
        }
    }

    /** Puts {@code value} unless null. */
    public static void put(ObjectNode o, String member, Long value) {
        if (value != null) {
            o.put(member, value);
        }
    }

    /** Puts {@code value} unless null. */
    public static void put(ObjectNode o, String member, Double value) {
        if (value != null) {
            o.put(member, value);
        }
    }

    /** Puts {@code value} unless null. */
    public static void put(ObjectNode o, String member, Boolean value) {
        if (value != null) {
            o.put(member, value);
        }
    }

    /** Puts {@code value.toString()} (an ecs4j enum prints its wire value) unless null. */
    public static void putValue(ObjectNode o, String member, Object value) {
        if (value != null) {
            o.put(member, value.toString());
        }
    }

    /** Puts a number as ECS's string-typed size ({@code "256"}) unless null. */
    public static void putNumberString(ObjectNode o, String member, Integer value) {
        if (value != null) {
            o.put(member, Integer.toString(value));
        }
    }

    /** Puts {@code instant} as epoch seconds with milliseconds, unless null. */
    public static void putTimestamp(ObjectNode o, String member, Instant instant) {
        if (instant != null) {
            o.put(member, epochSeconds(instant));
        }
    }

    /** Epoch seconds with millisecond precision, without trailing zeros ({@code 1534810931.659}). */
    public static BigDecimal epochSeconds(Instant instant) {
        BigDecimal value = BigDecimal.valueOf(instant.getEpochSecond())
                .add(BigDecimal.valueOf(instant.getNano() / 1_000_000, 3))
                .stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    /** Puts the strings as an array; when empty, an empty array if {@code always}, else nothing. */
    public static void putStrings(ObjectNode o, String member, Collection<String> values, boolean always) {
        if (values == null || (values.isEmpty() && !always)) {
            return;
        }
        ArrayNode a = o.putArray(member);
        values.forEach(a::add);
    }

    /** Puts {@code values} mapped by {@code writer}; when empty, an empty array if {@code always}, else nothing. */
    public static <T> void putList(ObjectNode o, String member, List<T> values, boolean always,
                                   Function<? super T, ? extends JsonNode> writer) {
        if (values == null || (values.isEmpty() && !always)) {
            return;
        }
        ArrayNode a = o.putArray(member);
        for (T v : values) {
            a.add(writer.apply(v));
        }
    }

    /** Puts a string map as an object; nothing when empty. */
    public static void putMap(ObjectNode o, String member, Map<String, String> values) {
        if (values != null && !values.isEmpty()) {
            ObjectNode m = o.putObject(member);
            values.forEach(m::put);
        }
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unexpected input";
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
