package io.ecs4j.internal.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Helpers that build ECS-shaped JSON: nulls are omitted, timestamps are epoch seconds with a fraction
 * ({@code 1534810931.659}). Stateless and thread-safe.
 */
public final class JsonWrites {
    private JsonWrites() {
    }

    /** Puts {@code value} unless it is null. */
    public static void put(ObjectNode target, String member, String value) {
        if (value != null) {
            target.put(member, value);
        }
    }

    /** Puts {@code value} unless it is null. */
    public static void put(ObjectNode target, String member, Integer value) {
        if (value != null) {
            target.put(member, value);
        }
    }

    /** Puts {@code value} unless it is null. */
    public static void put(ObjectNode target, String member, Boolean value) {
        if (value != null) {
            target.put(member, value);
        }
    }

    /** Puts {@code value}'s {@code toString()} (an ECS enum's wire value) unless it is null. */
    public static void putValue(ObjectNode target, String member, Object value) {
        if (value != null) {
            target.put(member, value.toString());
        }
    }

    /** Puts {@code instant} as epoch seconds unless it is null. */
    public static void putTimestamp(ObjectNode target, String member, Instant instant) {
        if (instant != null) {
            target.put(member, epochSeconds(instant));
        }
    }

    /** {@code instant} as epoch seconds, exact, without trailing zeros. */
    public static BigDecimal epochSeconds(Instant instant) {
        BigDecimal value = BigDecimal.valueOf(instant.getEpochSecond())
                .add(BigDecimal.valueOf(instant.getNano(), 9))
                .stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    /** Puts the strings as an array; nothing when empty unless {@code always}. */
    public static void putStrings(ObjectNode target, String member, Collection<String> values, boolean always) {
        if (values.isEmpty() && !always) {
            return;
        }
        ArrayNode array = target.putArray(member);
        values.forEach(array::add);
    }

    /** Puts the ints as an array; nothing when empty. */
    public static void putIntegers(ObjectNode target, String member, Collection<Integer> values) {
        if (!values.isEmpty()) {
            ArrayNode array = target.putArray(member);
            values.forEach(array::add);
        }
    }

    /** Puts {@code values} mapped by {@code writer} as an array; nothing when empty unless {@code always}. */
    public static <T> void putList(ObjectNode target, String member, List<T> values, boolean always,
                                   Function<? super T, ObjectNode> writer) {
        if (values.isEmpty() && !always) {
            return;
        }
        ArrayNode array = target.putArray(member);
        values.forEach(v -> array.add(writer.apply(v)));
    }

    /** Puts the map as an object; nothing when empty. */
    public static void putMap(ObjectNode target, String member, Map<String, String> values) {
        if (!values.isEmpty()) {
            ObjectNode object = target.putObject(member);
            values.forEach(object::put);
        }
    }

    /** Writes members kept verbatim ({@code otherMembers} of a record), after the modelled ones, never overriding them. */
    public static void putOtherMembers(ObjectNode target, Map<String, Object> others) {
        others.forEach((member, value) -> {
            if (!target.has(member)) {
                target.set(member, Json.MAPPER.valueToTree(value));
            }
        });
    }
}
