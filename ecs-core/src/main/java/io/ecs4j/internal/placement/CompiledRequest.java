package io.ecs4j.internal.placement;

import io.ecs4j.model.PlacementConstraint;
import io.ecs4j.model.PlacementConstraintType;
import io.ecs4j.model.PlacementStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The constraints, strategies and required attributes of a request, validated and resolved against a
 * {@link ClusterState}: static conjuncts as cached bitsets, the rest as expressions, the strategy chain normalised.
 * Immutable once built; valid while the state's {@link ClusterState#staticEpoch} is unchanged.
 */
final class CompiledRequest {
    final StaticSet[] required;
    final String[] requiredNames;
    final StaticSet[] member;
    final Expression[] dynamic;
    final boolean distinct;
    /** Normalised: duplicates dropped, cut before the first random (remaining ties are random anyway). */
    final Strategy[] chain;
    final long epoch;

    private CompiledRequest(StaticSet[] required, String[] requiredNames, StaticSet[] member, Expression[] dynamic,
                            boolean distinct, Strategy[] chain, long epoch) {
        this.required = required;
        this.requiredNames = requiredNames;
        this.member = member;
        this.dynamic = dynamic;
        this.distinct = distinct;
        this.chain = chain;
        this.epoch = epoch;
    }

    static CompiledRequest compile(List<PlacementConstraint> constraints, List<PlacementStrategy> strategies,
                                   Set<String> requiredAttributes, ClusterState state, QueryLanguage language) {
        List<Expression> expressions = PlacementValidator.validateConstraints(constraints, language);
        List<Strategy> strategyList = PlacementValidator.validateStrategies(strategies);
        state.trimStaticSets();
        boolean distinct = constraints.stream().anyMatch(c -> c.type() == PlacementConstraintType.DISTINCT_INSTANCE);

        List<StaticSet> member = new ArrayList<>();
        List<Expression> dynamic = new ArrayList<>();
        for (Expression e : expressions) {
            for (Expression conjunct : e.conjuncts()) {
                if (conjunct.isStatic()) {
                    StaticSet set = state.staticSet(conjunct);
                    if (!member.contains(set)) {
                        member.add(set);
                    }
                } else {
                    dynamic.add(conjunct);
                }
            }
        }
        String[] names = requiredAttributes.stream().sorted().toArray(String[]::new);
        StaticSet[] required = new StaticSet[names.length];
        for (int i = 0; i < names.length; i++) {
            required[i] = state.staticSet(Comparison.of(QuerySubject.ATTRIBUTE, names[i], QueryOperator.EXISTS, List.of()));
        }
        return new CompiledRequest(required, names, member.toArray(new StaticSet[0]), dynamic.toArray(new Expression[0]),
                distinct, normalise(strategyList), state.staticEpoch);
    }

    static Strategy[] normalise(List<Strategy> strategies) {
        List<Strategy> out = new ArrayList<>(strategies.size());
        for (Strategy s : strategies) {
            if (s.kind() == Strategy.Kind.RANDOM) {
                break;
            }
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        return out.toArray(new Strategy[0]);
    }
}
