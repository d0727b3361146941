package io.ecs4j.internal.placement;

import java.util.EnumSet;
import java.util.Set;

/** The comparison operators of the cluster query language: a symbol and a word form for each. */
public enum QueryOperator {
    EQUALS("==", "equals"),
    NOT_EQUALS("!=", "not_equals"),
    GREATER_THAN(">", "greater_than"),
    GREATER_THAN_EQUAL(">=", "greater_than_equal"),
    LESS_THAN("<", "less_than"),
    LESS_THAN_EQUAL("<=", "less_than_equal"),
    EXISTS(null, "exists"),
    NOT_EXISTS("!exists", "not_exists"),
    IN(null, "in"),
    NOT_IN("!in", "not_in"),
    MATCHES("=~", "matches"),
    NOT_MATCHES("!~", "not_matches");

    static final Set<QueryOperator> STRING_SET = EnumSet.of(EQUALS, NOT_EQUALS, IN, NOT_IN, MATCHES, NOT_MATCHES);
    static final Set<QueryOperator> ORDERED =
            EnumSet.of(EQUALS, NOT_EQUALS, GREATER_THAN, GREATER_THAN_EQUAL, LESS_THAN, LESS_THAN_EQUAL);

    private final String symbol;
    private final String word;

    QueryOperator(String symbol, String word) {
        this.symbol = symbol;
        this.word = word;
    }

    /** The symbolic form ({@code ==}), or null when there is none ({@code exists}, {@code in}). */
    public String symbol() {
        return symbol;
    }

    /** The word form ({@code equals}). */
    public String word() {
        return word;
    }

    /** The preferred spelling: the symbol when there is one. */
    public String spelling() {
        return symbol != null ? symbol : word;
    }

    /** Whether the operator takes an argument ({@code exists} forms do not). */
    public boolean takesArgument() {
        return this != EXISTS && this != NOT_EXISTS;
    }

    /** Whether the operator takes an argument list ({@code in} forms). */
    public boolean takesList() {
        return this == IN || this == NOT_IN;
    }

    /** Whether the operator is one of the four ordering comparisons. */
    public boolean isOrdering() {
        return this == GREATER_THAN || this == GREATER_THAN_EQUAL || this == LESS_THAN || this == LESS_THAN_EQUAL;
    }

    /** The operators of {@code set}, spelled as in the ECS documentation, for messages. */
    static String describe(Set<QueryOperator> set) {
        StringBuilder sb = new StringBuilder();
        for (QueryOperator op : set) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(op.spelling());
            if (op.symbol != null) {
                sb.append(" (").append(op.word).append(')');
            }
        }
        return sb.toString();
    }
}
