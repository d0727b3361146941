package io.ecs4j.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecs4j.EcsException;
import io.ecs4j.internal.json.CommonCodecs;
import io.ecs4j.internal.json.Json;
import io.ecs4j.internal.json.JsonReads;
import io.ecs4j.internal.json.TaskDefinitionCodec;
import io.ecs4j.model.Tag;
import io.ecs4j.model.TaskDefinition;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Task definitions as Amazon ECS JSON.
 *
 * <p>Reading accepts what users paste: the input of {@code aws ecs register-task-definition --cli-input-json}, or the
 * output of {@code aws ecs describe-task-definition}, bare or wrapped as {@code {"taskDefinition": {...}, "tags":
 * [...]}}. Output-only members ({@code revision}, {@code status}, {@code taskDefinitionArn}, {@code registeredAt},
 * {@code registeredBy}, {@code deregisteredAt}, {@code compatibilities}, {@code requiresAttributes}) and unknown members
 * are ignored, so the result is a definition ready to register. Task-level {@code cpu}/{@code memory} may be ECS strings
 * ({@code "1024"}, {@code "1 vCPU"}, {@code "2GB"}) or JSON numbers; they are kept as given and normalised at
 * registration. Reading checks JSON types and enum values only; the ECS rules are checked when the definition is
 * registered.
 *
 * <p>Writing produces the {@code describe-task-definition} shape: lowerCamelCase members, nulls omitted, the empty
 * lists ECS always returns present, timestamps as epoch seconds.
 *
 * {@snippet :
 * TaskDefinition td = EcsJson.readTaskDefinition(Path.of("taskdef.json"));
 * String json = EcsJson.writeTaskDefinitionPretty(td);
 * }
 *
 * <p>Thread-safe: all methods are static and stateless. Parameters must not be null ({@link NullPointerException}).
 */
public final class EcsJson {
    private EcsJson() {
    }

    /**
     * Reads a task definition.
     *
     * @param json register-task-definition input or describe-task-definition output
     * @return the definition, unregistered (revision 0, no ARN, no status); tags from the input or its wrapper
     * @throws EcsException {@code ClientException} on malformed JSON, a member of the wrong type or an unknown enum
     *                      value, with {@link EcsException#field()} naming the member path (for example
     *                      {@code containerDefinitions[0].portMappings[1].protocol})
     */
    public static TaskDefinition readTaskDefinition(String json) {
        Objects.requireNonNull(json, "json");
        return fromTree(Json.parse(json));
    }

    /**
     * Reads a task definition from {@code reader}, which is not closed.
     *
     * @throws EcsException         as {@link #readTaskDefinition(String)}
     * @throws UncheckedIOException when reading fails
     */
    public static TaskDefinition readTaskDefinition(Reader reader) {
        Objects.requireNonNull(reader, "reader");
        return fromTree(Json.parse(reader));
    }

    /**
     * Reads a task definition from a UTF-8 file.
     *
     * @throws EcsException         as {@link #readTaskDefinition(String)}
     * @throws UncheckedIOException when the file cannot be read
     */
    public static TaskDefinition readTaskDefinition(Path file) {
        Objects.requireNonNull(file, "file");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readTaskDefinition(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code td} as {@code describe-task-definition} prints it with {@code --include TAGS}:
     * {@code {"taskDefinition": {...}, "tags": [...]}}, compact; {@code tags} is omitted when there are none.
     * The result reads back with {@link #readTaskDefinition(String)}.
     */
    public static String writeTaskDefinition(TaskDefinition td) {
        return Json.write(toTree(td), false);
    }

    /** As {@link #writeTaskDefinition}, indented for people. */
    public static String writeTaskDefinitionPretty(TaskDefinition td) {
        return Json.write(toTree(td), true);
    }

    private static ObjectNode toTree(TaskDefinition td) {
        Objects.requireNonNull(td, "td");
        ObjectNode root = Json.object();
        root.set("taskDefinition", TaskDefinitionCodec.write(td));
        if (!td.tags().isEmpty()) {
            root.putArray("tags").addAll(td.tags().stream().map(CommonCodecs::writeTag).toList());
        }
        return root;
    }

    private static TaskDefinition fromTree(JsonNode root) {
        ObjectNode object = JsonReads.object(root, "");
        JsonNode wrapped = object.get("taskDefinition");
        if (wrapped == null || wrapped.isNull()) {
            return TaskDefinitionCodec.read(object, "");
        }
        // Paths stay relative to the task definition, as for the bare form and for registration errors.
        TaskDefinition td = TaskDefinitionCodec.read(wrapped, "");
        List<Tag> outerTags = CommonCodecs.readTags(object, "");
        return td.tags().isEmpty() && !outerTags.isEmpty() ? td.toBuilder().tags(outerTags).build() : td;
    }
}
