package io.ecs4j.internal.json;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecs4j.EcsException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The one configured Jackson {@link ObjectMapper} of ecs4j's ECS JSON mapping, and parsing/printing on top of it.
 * Thread-safe. Parse errors become {@code ClientException}s carrying the path where parsing stopped; callers never see
 * a Jackson exception.
 */
public final class Json {
    /**
     * Floats are read as {@link java.math.BigDecimal} so fractional epoch seconds survive exactly; big decimals are
     * written in plain notation ({@code 1534810931.659}, never {@code 1.534810931659E+9}).
     */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private static final ObjectWriter COMPACT = MAPPER.writer();
    private static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

    private Json() {
    }

    /** A new empty object node. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** A new empty array node. */
    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /**
     * Parses one JSON document.
     *
     * @throws EcsException {@code ClientException} when the text is not one well-formed JSON document
     */
    public static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            throw EcsException.client("Malformed JSON: the input is empty.");
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
    }

    /**
     * Parses one JSON document from {@code reader} (not closed).
     *
     * @throws EcsException         {@code ClientException} when the text is not one well-formed JSON document
     * @throws UncheckedIOException when reading fails
     */
    public static JsonNode parse(Reader reader) {
        try {
            JsonNode node = MAPPER.readTree(reader);
            if (node == null || node.isMissingNode()) {
                throw EcsException.client("Malformed JSON: the input is empty.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prints {@code node}, compact or indented. */
    public static String write(JsonNode node, boolean pretty) {
        try {
            return (pretty ? PRETTY : COMPACT).writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bug: a tree node could not be printed", e);
        }
    }

    private static EcsException malformed(JsonProcessingException e) {
        String path = null;
        if (e.getProcessor() instanceof JsonParser parser) {
            path = pathOf(parser.getParsingContext());
        }
        StringBuilder message = new StringBuilder("Malformed JSON");
        JsonLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            message.append(" at line ").append(location.getLineNr()).append(", column ").append(location.getColumnNr());
        }
        if (path != null) {
            message.append(" (in '").append(path).append("')");
        }
        message.append(": ").append(firstLine(e.getOriginalMessage()));
        return EcsException.client(path, message.toString());
    }

    /** The context's path in ecs4j's notation ({@code a.b[2].c}), or null at the root. */
    private static String pathOf(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                parts.push("." + c.getCurrentName());
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        String joined = String.join("", parts);
        return joined.startsWith(".") ? joined.substring(1) : joined;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unexpected input";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
