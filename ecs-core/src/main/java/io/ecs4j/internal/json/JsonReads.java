package io.ecs4j.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecs4j.EcsException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Typed, path-aware access to members of a JSON object. Absent members and JSON {@code null} read as Java
 * {@code null} (or an empty collection); a member of the wrong type is a {@code ClientException} whose
 * {@link EcsException#field()} is the member's path, e.g. {@code containerDefinitions[0].portMappings[1].protocol}.
 *
 * <p>Stateless and thread-safe.
 */
public final class JsonReads {
    private JsonReads() {
    }

    /** The path of member {@code member} of the object at {@code path} ({@code ""} is the root). */
    public static String child(String path, String member) {
        return path == null || path.isEmpty() ? member : path + "." + member;
    }

    /** The path of element {@code index} of the array at {@code path}. */
    public static String element(String path, int index) {
        return path + "[" + index + "]";
    }

    /** {@code node} as an object, or a type error naming {@code path}. */
    public static ObjectNode object(JsonNode node, String path) {
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw typeError(path, "an object", node);
    }

    /** Member {@code member} as an object, or null when absent. */
    public static ObjectNode object(ObjectNode parent, String member, String path) {
        JsonNode node = value(parent, member);
        return node == null ? null : object(node, child(path, member));
    }

    /** Member {@code member} as a string, or null when absent. */
    public static String string(ObjectNode parent, String member, String path) {
        JsonNode node = value(parent, member);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw typeError(child(path, member), "a string", node);
        }
        return node.textValue();
    }

    /** Member {@code member} as a string; a {@code ClientException} when it is absent. */
    public static String requiredString(ObjectNode parent, String member, String path) {
        String value = string(parent, member, path);
        if (value == null) {
            throw missing(child(path, member));
        }
        return value;
    }

    /** Member {@code member} as an int (a JSON number without fraction), or null when absent. */
    public static Integer integer(ObjectNode parent, String member, String path) {
        JsonNode node = value(parent, member);
        return node == null ? null : integer(node, child(path, member));
    }

    /** {@code node} as an int. */
    public static int integer(JsonNode node, String path) {
        if (node.isNumber()) {
            BigDecimal decimal = node.decimalValue();
            try {
                if (decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0) {
                    return decimal.intValueExact();
                }
            } catch (ArithmeticException e) {
                throw EcsException.client(path,
                        "Invalid value for '" + path + "': " + decimal.toPlainString() + " is out of range for an integer.");
            }
        }
        throw typeError(path, "an integer", node);
    }

    /** Member {@code member} as a boolean, or null when absent. */
    public static Boolean bool(ObjectNode parent, String member, String path) {
        JsonNode node = value(parent, member);
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            throw typeError(child(path, member), "a boolean", node);
        }
        return node.booleanValue();
    }

    /** Member {@code member} as a list of strings; empty when absent. */
    public static List<String> strings(ObjectNode parent, String member, String path) {
        return list(parent, member, path, (node, p) -> {
            if (!node.isTextual()) {
                throw typeError(p, "a string", node);
            }
            return node.textValue();
        });
    }

    /** Member {@code member} as a list of ints; empty when absent. */
    public static List<Integer> integers(ObjectNode parent, String member, String path) {
        return list(parent, member, path, JsonReads::integer);
    }

    /**
     * Member {@code member} as a list, each element mapped by {@code reader(elementNode, elementPath)}; empty when
     * absent. A JSON {@code null} element is a type error.
     */
    public static <T> List<T> list(ObjectNode parent, String member, String path,
                                   BiFunction<JsonNode, String, T> reader) {
        JsonNode node = value(parent, member);
        if (node == null) {
            return List.of();
        }
        String arrayPath = child(path, member);
        if (!node.isArray()) {
            throw typeError(arrayPath, "an array", node);
        }
        List<T> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String itemPath = element(arrayPath, i);
            if (item.isNull()) {
                throw typeError(itemPath, "a value", item);
            }
            out.add(reader.apply(item, itemPath));
        }
        return out;
    }

    /** Member {@code member} as a string-to-string map (insertion order kept); empty when absent. */
    public static Map<String, String> stringMap(ObjectNode parent, String member, String path) {
        ObjectNode object = object(parent, member, path);
        if (object == null) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            if (!value.isTextual()) {
                throw typeError(child(child(path, member), field.getKey()), "a string", value);
            }
            out.put(field.getKey(), value.textValue());
        }
        return out;
    }

    /**
     * Member {@code member} converted by {@code fromValue} (an enum's {@code fromValue}), or null when absent.
     *
     * @param allowed the allowed values, for the error message
     */
    public static <E> E enumValue(ObjectNode parent, String member, String path, Function<String, E> fromValue,
                                  Collection<String> allowed) {
        String text = string(parent, member, path);
        if (text == null) {
            return null;
        }
        try {
            return fromValue.apply(text);
        } catch (IllegalArgumentException e) {
            throw invalidEnum(child(path, member), text, allowed);
        }
    }

    /** Member {@code member} as a string that must be one of {@code allowed}, or null when absent. */
    public static String stringEnum(ObjectNode parent, String member, String path, Collection<String> allowed) {
        String text = string(parent, member, path);
        if (text != null && !allowed.contains(text)) {
            throw invalidEnum(child(path, member), text, allowed);
        }
        return text;
    }

    /**
     * Member {@code member} as an ECS timestamp: epoch seconds (fractional allowed) or an ISO-8601 string; null
     * when absent.
     */
    public static Instant timestamp(ObjectNode parent, String member, String path) {
        JsonNode node = value(parent, member);
        if (node == null) {
            return null;
        }
        String p = child(path, member);
        if (node.isNumber()) {
            BigDecimal seconds = node.decimalValue();
            BigDecimal whole = new BigDecimal(seconds.toBigInteger());
            int nanos = seconds.subtract(whole).movePointRight(9).intValue();
            try {
                return Instant.ofEpochSecond(whole.longValueExact(), nanos);
            } catch (ArithmeticException | DateTimeException e) {
                throw typeError(p, "epoch seconds or an ISO-8601 timestamp", node);
            }
        }
        if (node.isTextual()) {
            String text = node.textValue();
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeException e) {
                try {
                    return Instant.parse(text);
                } catch (DateTimeException e2) {
                    throw typeError(p, "epoch seconds or an ISO-8601 timestamp", node);
                }
            }
        }
        throw typeError(p, "epoch seconds or an ISO-8601 timestamp", node);
    }

    /**
     * Member {@code member} as ECS's string-typed task size ({@code "1024"}, {@code "1 vCPU"}, {@code "2GB"}); a JSON
     * number is accepted and turned into its decimal string. Null when absent.
     */
    public static String stringOrNumber(ObjectNode parent, String member, String path) {
        JsonNode node = value(parent, member);
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber()) {
            return node.decimalValue().stripTrailingZeros().toPlainString();
        }
        throw typeError(child(path, member), "a string or a number", node);
    }

    /** A {@code ClientException} for a required member that is absent. */
    public static EcsException missing(String path) {
        return EcsException.client(path, "Missing required member '" + path + "'.");
    }

    /** A {@code ClientException} for a value that is not one of {@code allowed}. */
    public static EcsException invalidEnum(String path, String value, Collection<String> allowed) {
        return EcsException.client(path, "Invalid value '" + value + "' for '" + path + "': expected one of "
                + String.join(", ", allowed) + ".");
    }

    /** A {@code ClientException} for a value of the wrong JSON type. */
    public static EcsException typeError(String path, String expected, JsonNode actual) {
        String where = path == null || path.isEmpty() ? "the document" : "'" + path + "'";
        return EcsException.client(path == null || path.isEmpty() ? null : path,
                "Invalid value for " + where + ": expected " + expected + " but found " + describe(actual) + ".");
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
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
                return "an array";
            case OBJECT:
                return "an object";
            case NULL:
                return "null";
            default:
                return text;
        }
    }

    /** The member's node, or null when absent or JSON null. */
    private static JsonNode value(ObjectNode parent, String member) {
        JsonNode node = parent.get(member);
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }

    /**
     * The members of {@code o} not named in {@code known}, as JSON-like Java values (String, Number, Boolean, null, List,
     * Map; unmodifiable), in document order.
     */
    public static Map<String, Object> otherMembers(ObjectNode o, java.util.Set<String> known) {
        Map<String, Object> others = new java.util.LinkedHashMap<>();
        var fields = o.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (!known.contains(field.getKey())) {
                others.put(field.getKey(), plain(field.getValue()));
            }
        }
        return others.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(others);
    }

    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new java.util.LinkedHashMap<>();
            node.fields().forEachRemaining(e -> map.put(e.getKey(), plain(e.getValue())));
            return java.util.Collections.unmodifiableMap(map);
        }
        if (node.isArray()) {
            List<Object> list = new java.util.ArrayList<>();
            node.forEach(e -> list.add(plain(e)));
            return java.util.Collections.unmodifiableList(list);
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        return null;
    }
}
