package io.ecs4j.server.internal.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One JSON object of a request, read member by member with its path known, so every error names the member
 * ({@code overrides.containerOverrides[1].cpu}). Absent members and JSON {@code null} read as Java {@code null} (or an
 * empty list); unknown members are ignored, as AWS does.
 *
 * <p>Errors: a member of the wrong JSON type is a {@code SerializationException}; a missing required member or a value
 * outside its enum is an {@code InvalidParameterException}. Not thread-safe (used by one request).
 */
public final class WireInput {
    private final ObjectNode node;
    private final String path;

    private WireInput(ObjectNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The request body (already parsed) as the root input. */
    public static WireInput root(JsonNode body) {
        if (!(body instanceof ObjectNode object)) {
            throw WireException.serialization("The request body must be a JSON object, but it is "
                    + describe(body) + ".");
        }
        return new WireInput(object, "");
    }

    /** The path of this object ({@code ""} for the request). */
    public String path() {
        return path;
    }

    /** Whether the member is present and not null. */
    public boolean has(String member) {
        return value(member) != null;
    }

    /** The underlying node (for codecs shared with ecs-core). */
    public ObjectNode node() {
        return node;
    }

    // ------------------------------------------------------------------ scalars

    /** A string member, or null. */
    public String string(String member) {
        JsonNode v = value(member);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            throw typeError(child(member), "a string", v);
        }
        return v.textValue();
    }

    /** A required string member. */
    public String requiredString(String member) {
        String s = string(member);
        if (s == null) {
            throw missing(member);
        }
        return s;
    }

    /** An integer member, or null. */
    public Integer integer(String member) {
        JsonNode v = value(member);
        return v == null ? null : integer(v, child(member));
    }

    /** A long member, or null. */
    public Long longValue(String member) {
        JsonNode v = value(member);
        if (v == null) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isNumber() && isWhole(v.decimalValue())) {
            try {
                return v.decimalValue().longValueExact();
            } catch (ArithmeticException e) {
                // fall through
            }
        }
        throw typeError(child(member), "a long integer", v);
    }

    /** A double member, or null. */
    public Double doubleValue(String member) {
        JsonNode v = value(member);
        if (v == null) {
            return null;
        }
        if (!v.isNumber()) {
            throw typeError(child(member), "a number", v);
        }
        return v.doubleValue();
    }

    /** A boolean member, or null. */
    public Boolean bool(String member) {
        JsonNode v = value(member);
        if (v == null) {
            return null;
        }
        if (!v.isBoolean()) {
            throw typeError(child(member), "a boolean", v);
        }
        return v.booleanValue();
    }

    /** A boolean member, or {@code defaultValue} when absent. */
    public boolean bool(String member, boolean defaultValue) {
        Boolean b = bool(member);
        return b == null ? defaultValue : b;
    }

    /**
     * A string member whose value must be one of {@code values} (the model's enum), or null.
     *
     * @param values wire value to Java value
     */
    public <E> E enumValue(String member, Map<String, E> values) {
        String s = string(member);
        if (s == null) {
            return null;
        }
        E e = values.get(s);
        if (e == null) {
            throw invalidEnum(child(member), s, values.keySet());
        }
        return e;
    }

    /** A required enum member. */
    public <E> E requiredEnum(String member, Map<String, E> values) {
        E e = enumValue(member, values);
        if (e == null) {
            throw missing(member);
        }
        return e;
    }

    // ------------------------------------------------------------------ structures and lists

    /** A structure member, or null. */
    public WireInput object(String member) {
        JsonNode v = value(member);
        if (v == null) {
            return null;
        }
        String p = child(member);
        if (!(v instanceof ObjectNode o)) {
            throw typeError(p, "an object", v);
        }
        return new WireInput(o, p);
    }

    /** A list of strings; empty when absent. */
    public List<String> strings(String member) {
        return list(member, (v, p) -> {
            if (!v.isTextual()) {
                throw typeError(p, "a string", v);
            }
            return v.textValue();
        });
    }

    /** A required list of strings (may be empty). */
    public List<String> requiredStrings(String member) {
        if (!has(member)) {
            throw missing(member);
        }
        return strings(member);
    }

    /** A list of enum values; empty when absent. */
    public <E> List<E> enums(String member, Map<String, E> values) {
        return list(member, (v, p) -> {
            if (!v.isTextual()) {
                throw typeError(p, "a string", v);
            }
            E e = values.get(v.textValue());
            if (e == null) {
                throw invalidEnum(p, v.textValue(), values.keySet());
            }
            return e;
        });
    }

    /** A list of structures, each read by {@code reader}; empty when absent. */
    public <T> List<T> objects(String member, Function<WireInput, T> reader) {
        return list(member, (v, p) -> {
            if (!(v instanceof ObjectNode o)) {
                throw typeError(p, "an object", v);
            }
            return reader.apply(new WireInput(o, p));
        });
    }

    /** A map of strings to strings; empty when absent. */
    public Map<String, String> stringMap(String member) {
        JsonNode v = value(member);
        if (v == null) {
            return Map.of();
        }
        String p = child(member);
        if (!(v instanceof ObjectNode o)) {
            throw typeError(p, "an object", v);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNull()) {
                continue;
            }
            if (!e.getValue().isTextual()) {
                throw typeError(p + "." + e.getKey(), "a string", e.getValue());
            }
            out.put(e.getKey(), e.getValue().textValue());
        }
        return out;
    }

    private interface ElementReader<T> {
        T read(JsonNode value, String path);
    }

    private <T> List<T> list(String member, ElementReader<T> reader) {
        JsonNode v = value(member);
        if (v == null) {
            return List.of();
        }
        String p = child(member);
        if (!v.isArray()) {
            throw typeError(p, "a list", v);
        }
        List<T> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            String ip = p + "[" + i + "]";
            if (item == null || item.isNull()) {
                throw typeError(ip, "a value", item);
            }
            out.add(reader.read(item, ip));
        }
        return out;
    }

    // ------------------------------------------------------------------ errors

    /** The path of member {@code member} of this object. */
    public String child(String member) {
        return path.isEmpty() ? member : path + "." + member;
    }

    /** An {@code InvalidParameterException} for a required member that is absent. */
    public WireException missing(String member) {
        return WireException.invalidParameter("Missing required parameter '" + child(member) + "'.");
    }

    /** An {@code InvalidParameterException} naming {@code member}. */
    public WireException invalid(String member, String problem) {
        return WireException.invalidParameter("Invalid value for '" + child(member) + "': " + problem);
    }

    static WireException invalidEnum(String path, String value, Collection<String> allowed) {
        return WireException.invalidParameter("Invalid value '" + value + "' for '" + path + "'. Valid values: "
                + String.join(", ", allowed) + ".");
    }

    static WireException typeError(String path, String expected, JsonNode actual) {
        return WireException.serialization("Cannot read '" + path + "': expected " + expected + " but found "
                + describe(actual) + ".");
    }

    private static int integer(JsonNode v, String path) {
        if (v.isNumber()) {
            if (v.isIntegralNumber() && v.canConvertToInt()) {
                return v.intValue();
            }
            BigDecimal d = v.decimalValue();
            if (isWhole(d)) {
                try {
                    return d.intValueExact();
                } catch (ArithmeticException e) {
                    throw WireException.serialization("Cannot read '" + path + "': " + d.toPlainString()
                            + " is out of range for an integer.");
                }
            }
        }
        throw typeError(path, "an integer", v);
    }

    private static boolean isWhole(BigDecimal d) {
        return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return "null";
        }
        String text = node.toString();
        if (text.length() > 40) {
            text = text.substring(0, 37) + "...";
        }
        switch (node.getNodeType()) {
            case STRING:
                return "the string " + text;
            case NUMBER:
                return "the number " + text;
            case BOOLEAN:
                return "the boolean " + text;
            case ARRAY:
                return "a list";
            case OBJECT:
                return "an object";
            default:
                return text;
        }
    }

    private JsonNode value(String member) {
        JsonNode v = node.get(member);
        return v == null || v.isNull() || v.isMissingNode() ? null : v;
    }
}
