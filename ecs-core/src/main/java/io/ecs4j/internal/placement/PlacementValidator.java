package io.ecs4j.internal.placement;

import io.ecs4j.EcsException;
import io.ecs4j.model.PlacementConstraint;
import io.ecs4j.model.PlacementConstraintType;
import io.ecs4j.model.PlacementStrategy;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates placement constraints and strategies as RunTask, CreateService and UpdateService do, with
 * {@code InvalidParameterException}s naming the member ({@code placementConstraints[1].expression}).
 * {@link PlacementEngine#place} runs the same checks; calling this first lets an operation fail before it changes
 * anything.
 */
public final class PlacementValidator {
    /** ECS's limit on constraints per task (task definition and request combined). */
    public static final int MAX_CONSTRAINTS = 10;
    /** ECS's limit on strategies per request. */
    public static final int MAX_STRATEGIES = 5;

    private PlacementValidator() {
    }

    /**
     * Validates constraints and strategies; also parses each expression.
     *
     * @throws EcsException {@code InvalidParameterException} on the first problem
     */
    public static void validate(List<PlacementConstraint> constraints, List<PlacementStrategy> strategies) {
        validateConstraints(constraints, null);
        validateStrategies(strategies);
    }

    /**
     * Validates constraints, parsing expressions with {@code language}'s cache (or uncached when null).
     *
     * @return the parsed memberOf expressions, in order
     */
    static List<Expression> validateConstraints(List<PlacementConstraint> constraints, QueryLanguage language) {
        if (constraints.size() > MAX_CONSTRAINTS) {
            throw EcsException.invalidParameter("placementConstraints", "Too many placement constraints: "
                    + constraints.size() + " given, but a task can have at most " + MAX_CONSTRAINTS
                    + " (task definition and request combined).");
        }
        List<Expression> expressions = new ArrayList<>(constraints.size());
        for (int i = 0; i < constraints.size(); i++) {
            PlacementConstraint c = constraints.get(i);
            String field = "placementConstraints[" + i + "]";
            if (c == null) {
                throw EcsException.invalidParameter(field, "Placement constraint cannot be null.");
            }
            if (c.type() == PlacementConstraintType.DISTINCT_INSTANCE) {
                if (c.expression() != null) {
                    // ECS's own wording, also for an empty string
                    throw EcsException.invalidParameter(field + ".expression",
                            "distinctInstance expression should not be specified.");
                }
            } else {
                if (c.expression() == null || c.expression().isBlank()) {
                    throw EcsException.invalidParameter(field + ".expression",
                            "memberOf expression must be specified.");
                }
                expressions.add(language == null ? QueryLanguage.parse(c.expression(), field + ".expression")
                        : language.parseCached(c.expression(), field + ".expression"));
            }
        }
        return expressions;
    }

    /** Validates and converts strategies. */
    static List<Strategy> validateStrategies(List<PlacementStrategy> strategies) {
        if (strategies.size() > MAX_STRATEGIES) {
            throw EcsException.invalidParameter("placementStrategy", "Too many placement strategies: "
                    + strategies.size() + " given, but at most " + MAX_STRATEGIES + " are allowed.");
        }
        List<Strategy> out = new ArrayList<>(strategies.size());
        for (int i = 0; i < strategies.size(); i++) {
            out.add(Strategy.of(strategies.get(i), "placementStrategy[" + i + "]"));
        }
        return out;
    }
}
