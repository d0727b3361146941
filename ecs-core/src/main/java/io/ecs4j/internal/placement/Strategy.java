package io.ecs4j.internal.placement;

import io.ecs4j.EcsException;
import io.ecs4j.model.PlacementStrategy;
import java.util.Locale;
import java.util.Objects;

/**
 * A validated placement strategy in the form the scheduler uses. Immutable.
 *
 * @param kind      what it scores
 * @param attribute the attribute name for {@link Kind#SPREAD_ATTRIBUTE}, else null
 */
record Strategy(Kind kind, String attribute) {

    enum Kind { RANDOM, SPREAD_INSTANCE, SPREAD_ATTRIBUTE, BINPACK_CPU, BINPACK_MEMORY }

    Strategy {
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * Validates and converts one strategy ([rec] field names {@code instanceId}, {@code host}, {@code cpu} and
     * {@code memory} are accepted in any case; a field on {@code random} is ignored).
     *
     * @throws EcsException {@code InvalidParameterException} naming {@code field} for a missing or invalid field
     */
    static Strategy of(PlacementStrategy s, String field) {
        Objects.requireNonNull(s, field);
        String f = s.field();
        switch (s.type()) {
            case RANDOM:
                return new Strategy(Kind.RANDOM, null);
            case SPREAD:
                if (f == null || f.isEmpty()) {
                    throw EcsException.invalidParameter(field + ".field",
                            "The spread placement strategy requires a field: instanceId, host or attribute:<name>.");
                }
                if (f.equalsIgnoreCase("instanceId") || f.equalsIgnoreCase("host")) {
                    return new Strategy(Kind.SPREAD_INSTANCE, null);
                }
                if (f.startsWith("attribute:") && f.length() > "attribute:".length()) {
                    String name = f.substring("attribute:".length());
                    AttributeRules.checkName(name, field + ".field");
                    return new Strategy(Kind.SPREAD_ATTRIBUTE, name);
                }
                throw EcsException.invalidParameter(field + ".field", "Invalid spread field '" + f
                        + "'. Valid fields are instanceId, host and attribute:<name>.");
            case BINPACK:
                String lower = f == null ? "" : f.toLowerCase(Locale.ROOT);
                if (lower.equals("cpu")) {
                    return new Strategy(Kind.BINPACK_CPU, null);
                }
                if (lower.equals("memory")) {
                    return new Strategy(Kind.BINPACK_MEMORY, null);
                }
                throw EcsException.invalidParameter(field + ".field", "Invalid binpack field '" + f
                        + "'. Valid fields are cpu and memory.");
            default:
                throw new IllegalStateException("bug: unknown strategy type " + s.type());
        }
    }
}
