package io.ecs4j.internal.placement;

import java.util.List;
import java.util.Objects;

/**
 * A parsed cluster query language expression (see {@link QueryLanguage}). Immutable and thread-safe; evaluation is
 * allocation-free.
 */
public sealed interface Expression permits Expression.And, Expression.Or, Expression.Not, Comparison {

    /** Whether the instance in {@code slot} satisfies the expression. */
    boolean test(QueryContext context, int slot);

    /**
     * {@code true} when the result depends only on registration data of the instance (see
     * {@link QuerySubject#isStatic()}), so it can be cached until the instance changes.
     */
    boolean isStatic();

    /** The expression in canonical form (symbols, single spaces, quoted literals where needed). */
    String canonical();

    /** The conjuncts of a top-level chain of {@code and}s: itself when it is not an {@link And}. */
    default List<Expression> conjuncts() {
        return List.of(this);
    }

    /** {@code left and right}. */
    record And(Expression left, Expression right) implements Expression {
        public And {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public boolean test(QueryContext context, int slot) {
            return left.test(context, slot) && right.test(context, slot);
        }

        @Override
        public boolean isStatic() {
            return left.isStatic() && right.isStatic();
        }

        @Override
        public String canonical() {
            return "(" + left.canonical() + " and " + right.canonical() + ")";
        }

        @Override
        public List<Expression> conjuncts() {
            List<Expression> all = new java.util.ArrayList<>(left.conjuncts());
            all.addAll(right.conjuncts());
            return List.copyOf(all);
        }
    }

    /** {@code left or right}. */
    record Or(Expression left, Expression right) implements Expression {
        public Or {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public boolean test(QueryContext context, int slot) {
            return left.test(context, slot) || right.test(context, slot);
        }

        @Override
        public boolean isStatic() {
            return left.isStatic() && right.isStatic();
        }

        @Override
        public String canonical() {
            return "(" + left.canonical() + " or " + right.canonical() + ")";
        }
    }

    /** {@code not operand}. */
    record Not(Expression operand) implements Expression {
        public Not {
            Objects.requireNonNull(operand, "operand");
        }

        @Override
        public boolean test(QueryContext context, int slot) {
            return !operand.test(context, slot);
        }

        @Override
        public boolean isStatic() {
            return operand.isStatic();
        }

        @Override
        public String canonical() {
            return "not(" + operand.canonical() + ")";
        }
    }
}
