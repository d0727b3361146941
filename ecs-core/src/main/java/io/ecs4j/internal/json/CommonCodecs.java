package io.ecs4j.internal.json;

import static io.ecs4j.internal.json.JsonReads.object;
import static io.ecs4j.internal.json.JsonReads.requiredString;
import static io.ecs4j.internal.json.JsonReads.string;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecs4j.internal.taskdef.TaskDefinitionRules;
import io.ecs4j.model.Attribute;
import io.ecs4j.model.KeyValuePair;
import io.ecs4j.model.PlacementConstraint;
import io.ecs4j.model.PlacementConstraintType;
import io.ecs4j.model.Secret;
import io.ecs4j.model.Tag;
import java.util.List;

/**
 * Codecs of the small value shapes every ECS resource uses: {@code Tag}, {@code KeyValuePair}, {@code Secret},
 * {@code Attribute}, {@code PlacementConstraint}. Each {@code read} takes the element node and its path. Stateless and
 * thread-safe.
 */
public final class CommonCodecs {
    private CommonCodecs() {
    }

    /** A {@code Tag} ({@code key} required, {@code value} defaults to ""). */
    public static Tag readTag(JsonNode node, String path) {
        ObjectNode o = object(node, path);
        return new Tag(requiredString(o, "key", path), string(o, "value", path));
    }

    /** {@code {"key": ..., "value": ...}}. */
    public static ObjectNode writeTag(Tag tag) {
        ObjectNode o = Json.object();
        o.put("key", tag.key());
        o.put("value", tag.value());
        return o;
    }

    /** The {@code tags} member of {@code parent}; empty when absent. */
    public static List<Tag> readTags(ObjectNode parent, String path) {
        return JsonReads.list(parent, "tags", path, CommonCodecs::readTag);
    }

    /** A {@code KeyValuePair} ({@code name} required). */
    public static KeyValuePair readKeyValuePair(JsonNode node, String path) {
        ObjectNode o = object(node, path);
        return new KeyValuePair(requiredString(o, "name", path), string(o, "value", path));
    }

    /** {@code {"name": ..., "value": ...}}, value omitted when null. */
    public static ObjectNode writeKeyValuePair(KeyValuePair pair) {
        ObjectNode o = Json.object();
        o.put("name", pair.name());
        JsonWrites.put(o, "value", pair.value());
        return o;
    }

    /** A {@code Secret} ({@code name} and {@code valueFrom} required). */
    public static Secret readSecret(JsonNode node, String path) {
        ObjectNode o = object(node, path);
        return new Secret(requiredString(o, "name", path), requiredString(o, "valueFrom", path));
    }

    /** {@code {"name": ..., "valueFrom": ...}}. */
    public static ObjectNode writeSecret(Secret secret) {
        ObjectNode o = Json.object();
        o.put("name", secret.name());
        o.put("valueFrom", secret.valueFrom());
        return o;
    }

    /** An {@code Attribute} ({@code name} required). */
    public static Attribute readAttribute(JsonNode node, String path) {
        ObjectNode o = object(node, path);
        return new Attribute(requiredString(o, "name", path), string(o, "value", path), string(o, "targetType", path),
                string(o, "targetId", path));
    }

    /** The attribute with its null members omitted. */
    public static ObjectNode writeAttribute(Attribute attribute) {
        ObjectNode o = Json.object();
        o.put("name", attribute.name());
        JsonWrites.put(o, "value", attribute.value());
        JsonWrites.put(o, "targetType", attribute.targetType());
        JsonWrites.put(o, "targetId", attribute.targetId());
        return o;
    }

    /** A {@code PlacementConstraint} ({@code type} required). */
    public static PlacementConstraint readPlacementConstraint(JsonNode node, String path) {
        ObjectNode o = object(node, path);
        PlacementConstraintType type = JsonReads.enumValue(o, "type", path, PlacementConstraintType::fromValue,
                TaskDefinitionRules.CONSTRAINT_TYPES);
        if (type == null) {
            throw JsonReads.missing(JsonReads.child(path, "type"));
        }
        return new PlacementConstraint(type, string(o, "expression", path));
    }

    /** {@code {"type": ..., "expression": ...}}, expression omitted when null. */
    public static ObjectNode writePlacementConstraint(PlacementConstraint constraint) {
        ObjectNode o = Json.object();
        o.put("type", constraint.type().value());
        JsonWrites.put(o, "expression", constraint.expression());
        return o;
    }
}
