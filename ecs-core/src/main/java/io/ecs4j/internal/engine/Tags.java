package io.ecs4j.internal.engine;

import io.ecs4j.EcsException;
import io.ecs4j.model.Tag;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** ECS's tag rules: at most 50 tags, keys 1–128 and values 0–256 characters of a limited set, no {@code aws:} keys. */
final class Tags {
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private Tags() {
    }

    static List<Tag> validate(List<Tag> tags, String field) {
        if (tags == null) {
            return List.of();
        }
        if (tags.size() > 50) {
            throw EcsException.invalidParameter(field, "A resource can have at most 50 tags.");
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            Tag t = tags.get(i);
            String f = field + "[" + i + "]";
            if (t.key().isEmpty() || t.key().length() > 128 || !ALLOWED.matcher(t.key()).matches()) {
                throw EcsException.invalidParameter(f + ".key", "Tag keys must be 1-128 characters of Unicode letters,"
                        + " digits, white space, and _ . : / = + - @");
            }
            if (t.value().length() > 256 || !ALLOWED.matcher(t.value()).matches()) {
                throw EcsException.invalidParameter(f + ".value", "Tag values must be 0-256 characters of Unicode"
                        + " letters, digits, white space, and _ . : / = + - @");
            }
            if (t.key().regionMatches(true, 0, "aws:", 0, 4)) {
                throw EcsException.invalidParameter(f + ".key", "Tag keys with the prefix 'aws:' are reserved for"
                        + " AWS use.");
            }
            if (!keys.add(t.key())) {
                throw EcsException.invalidParameter(f + ".key", "Duplicate tag key '" + t.key() + "'.");
            }
        }
        return List.copyOf(tags);
    }
}
