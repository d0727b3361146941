package io.ecs4j.internal.taskdef;

import io.ecs4j.EcsException;
import io.ecs4j.model.Tag;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ECS tag rules (model shapes TagKey, TagValue, Tags; ecs-semantics §1.3): at most 50 tags, keys 1–128 and values
 * 0–256 characters of {@code [\p{L}\p{Z}\p{N}_.:/=+\-@]}, unique keys, the {@code aws:} key prefix reserved.
 * Violations are {@code InvalidParameterException}s naming the tag's path. Stateless; reusable for every taggable
 * resource.
 */
public final class TagRules {
    public static final int MAX_TAGS = 50;
    public static final int MAX_KEY_LENGTH = 128;
    public static final int MAX_VALUE_LENGTH = 256;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private TagRules() {
    }

    /**
     * Checks {@code tags}, reported under {@code field} ({@code tags}).
     *
     * @throws EcsException {@code InvalidParameterException} on the first violation
     */
    public static void validate(List<Tag> tags, String field) {
        if (tags.size() > MAX_TAGS) {
            throw EcsException.invalidParameter(field,
                    "Too many tags: " + tags.size() + ". A resource can have at most " + MAX_TAGS + " tags.");
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            Tag tag = tags.get(i);
            validateKey(tag.key(), field + "[" + i + "].key");
            String valuePath = field + "[" + i + "].value";
            if (tag.value().length() > MAX_VALUE_LENGTH) {
                throw EcsException.invalidParameter(valuePath, "Tag value for key '" + tag.key() + "' is longer than "
                        + MAX_VALUE_LENGTH + " characters.");
            }
            if (!ALLOWED.matcher(tag.value()).matches()) {
                throw EcsException.invalidParameter(valuePath, "Tag value for key '" + tag.key()
                        + "' contains invalid characters. Allowed: letters, digits, spaces and _ . : / = + - @");
            }
            if (!keys.add(tag.key())) {
                throw EcsException.invalidParameter(field + "[" + i + "].key", "Duplicate tag key '" + tag.key() + "'.");
            }
        }
    }

    /**
     * Checks one tag key, for example of UntagResource.
     *
     * @throws EcsException {@code InvalidParameterException} when it breaks a rule
     */
    public static void validateKey(String key, String field) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw EcsException.invalidParameter(field, "Tag key must be between 1 and " + MAX_KEY_LENGTH
                    + " characters long.");
        }
        if (!ALLOWED.matcher(key).matches()) {
            throw EcsException.invalidParameter(field, "Tag key '" + key
                    + "' contains invalid characters. Allowed: letters, digits, spaces and _ . : / = + - @");
        }
        if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
            throw EcsException.invalidParameter(field, "Tag key '" + key
                    + "' uses the prefix 'aws:', which is reserved for AWS use.");
        }
    }
}
