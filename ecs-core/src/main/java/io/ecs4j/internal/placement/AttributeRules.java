package io.ecs4j.internal.placement;

import io.ecs4j.EcsErrorCode;
import io.ecs4j.EcsException;
import io.ecs4j.model.Attribute;
import java.util.List;

/**
 * The rules PutAttributes, DeleteAttributes and ListAttributes enforce on attribute names and values (ecs-semantics
 * §1.3; message wording [rec]): a name has 1-128 letters, digits, {@code - _ . / \}; a value has 1-128 letters, digits,
 * {@code - _ . @ / \ :} and spaces, without leading or trailing space; custom attributes may not use the {@code ecs.}
 * prefix, and a resource holds at most {@value #MAX_CUSTOM_ATTRIBUTES} of them.
 */
public final class AttributeRules {
    /** Longest name or value. */
    public static final int MAX_LENGTH = 128;
    /** Custom attributes one resource may hold. */
    public static final int MAX_CUSTOM_ATTRIBUTES = 10;
    /** The prefix Amazon ECS reserves for the attributes it sets. */
    public static final String RESERVED_PREFIX = "ecs.";

    private AttributeRules() {
    }

    /** Whether {@code name} is a valid attribute name. */
    public static boolean isValidName(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(isAlnum(c) || c == '-' || c == '_' || c == '.' || c == '/' || c == '\\')) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code value} is a valid attribute value (null, meaning "no value", is valid). */
    public static boolean isValidValue(String value) {
        if (value == null) {
            return true;
        }
        if (value.isEmpty() || value.length() > MAX_LENGTH || value.charAt(0) == ' '
                || value.charAt(value.length() - 1) == ' ') {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(isAlnum(c) || c == '-' || c == '_' || c == '.' || c == '@' || c == '/' || c == '\\' || c == ':'
                    || c == ' ')) {
                return false;
            }
        }
        return true;
    }

    /** @throws EcsException {@code InvalidParameterException} naming {@code field} when the name is invalid */
    public static void checkName(String name, String field) {
        if (!isValidName(name)) {
            throw EcsException.invalidParameter(field, "Invalid attribute name '" + name + "'. An attribute name must"
                    + " contain 1-128 characters: letters, numbers, hyphens, underscores, periods, forward slashes or"
                    + " back slashes.");
        }
    }

    /** @throws EcsException {@code InvalidParameterException} naming {@code field} when the value is invalid */
    public static void checkValue(String value, String field) {
        if (!isValidValue(value)) {
            throw EcsException.invalidParameter(field, "Invalid attribute value '" + value + "'. An attribute value"
                    + " must contain 1-128 characters: letters, numbers, hyphens, underscores, periods, at signs (@),"
                    + " forward slashes, back slashes, colons or spaces, and cannot start or end with a space.");
        }
    }

    /**
     * Checks one custom attribute of PutAttributes or DeleteAttributes: its name, its value, and that the name does
     * not use the reserved {@code ecs.} prefix.
     *
     * @param field the request member, for example {@code attributes[2]}
     * @throws EcsException {@code InvalidParameterException} naming the offending member
     */
    public static void checkCustom(Attribute attribute, String field) {
        checkName(attribute.name(), field + ".name");
        checkValue(attribute.value(), field + ".value");
        if (attribute.name().startsWith(RESERVED_PREFIX)) {
            throw EcsException.invalidParameter(field + ".name", "Attribute name '" + attribute.name()
                    + "' is reserved: names starting with '" + RESERVED_PREFIX + "' are set by Amazon ECS.");
        }
    }

    /** Checks every attribute of a PutAttributes / DeleteAttributes call, naming {@code attributes[i]} on error. */
    public static void checkCustom(List<Attribute> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            throw EcsException.invalidParameter("attributes", "Attributes cannot be empty.");
        }
        for (int i = 0; i < attributes.size(); i++) {
            checkCustom(attributes.get(i), "attributes[" + i + "]");
        }
    }

    /**
     * @param customCount the number of custom attributes the resource would hold
     * @throws EcsException {@code AttributeLimitExceededException} above {@value #MAX_CUSTOM_ATTRIBUTES}
     */
    public static void checkLimit(int customCount) {
        if (customCount > MAX_CUSTOM_ATTRIBUTES) {
            throw new EcsException(EcsErrorCode.ATTRIBUTE_LIMIT_EXCEEDED, "You can apply up to "
                    + MAX_CUSTOM_ATTRIBUTES + " custom attributes for each resource.", "attributes");
        }
    }

    private static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
