package io.ecs4j.internal.placement;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One predicate of the cluster query language: {@code subject operator [argument]}. Immutable; the argument is
 * converted once (regex compiled, date/version/number parsed) so evaluation allocates nothing.
 *
 * <p>Semantics ([rec] where ECS documents none): string operators compare case-sensitively; {@code =~} is a full match
 * of a {@link Pattern}; a missing attribute or a value-less one makes {@code ==}, {@code in}, {@code =~} and the
 * ordering operators false and their negations true. {@code registeredAt} arguments denote an interval: a whole day
 * for {@code 2018-06-18}, one second for a timestamp; {@code ==} means "inside", {@code <} "before it", {@code >}
 * "after it". {@code task:group} is the set of groups on the instance: {@code ==} is true when one of them equals the
 * argument, {@code !=} when none does. Ordering on attributes compares numbers when the argument is a decimal
 * number (an instance value that is not one never matches), else strings.
 */
public final class Comparison implements Expression {
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,30}(\\.\\d{1,30})?");

    private final QuerySubject subject;
    private final String attributeName;
    private final QueryOperator operator;
    private final List<String> arguments;

    private final String text;
    private final Set<String> set;
    private final Pattern pattern;
    private final BigDecimal number;
    private final SemanticVersion version;
    private final long integer;
    private final Instant from;
    private final Instant to;

    private Comparison(QuerySubject subject, String attributeName, QueryOperator operator, List<String> arguments) {
        this.subject = subject;
        this.attributeName = attributeName;
        this.operator = operator;
        this.arguments = List.copyOf(arguments);
        String first = arguments.isEmpty() ? null : arguments.get(0);
        this.text = subject == QuerySubject.AGENT_CONNECTED && first != null && !isMatch(operator)
                ? first.toLowerCase(Locale.ROOT) : first;
        this.set = operator.takesList() ? normalisedSet(subject, arguments) : Set.of();
        this.pattern = isMatch(operator) ? compile(first) : null;
        this.number = subject == QuerySubject.ATTRIBUTE && operator.isOrdering() && DECIMAL.matcher(first).matches()
                ? new BigDecimal(first) : null;
        this.version = subject == QuerySubject.AGENT_VERSION ? version(first) : null;
        this.integer = subject == QuerySubject.RUNNING_TASKS_COUNT ? integer(first) : 0;
        Instant[] range = subject == QuerySubject.REGISTERED_AT ? range(first) : null;
        this.from = range == null ? null : range[0];
        this.to = range == null ? null : range[1];
    }

    /**
     * A predicate. {@code arguments} holds one literal, the list of an {@code in} operator, or nothing for
     * {@code exists}.
     *
     * @throws IllegalArgumentException with an "expected ..." message when the operator is not valid for the subject
     *                                  or an argument cannot be converted (bad regex, date, version or integer)
     */
    public static Comparison of(QuerySubject subject, String attributeName, QueryOperator operator, List<String> arguments) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(arguments, "arguments");
        if ((subject == QuerySubject.ATTRIBUTE) != (attributeName != null)) {
            throw new IllegalArgumentException("attributeName must be given exactly for attribute subjects");
        }
        if (!subject.operators().contains(operator)) {
            throw new IllegalArgumentException("expected one of the operators valid for " + subject.spelling() + ": "
                    + QueryOperator.describe(subject.operators()) + ", but found '" + operator.spelling() + "'");
        }
        int expected = operator.takesArgument() ? 1 : 0;
        if (operator.takesList() ? arguments.isEmpty() : arguments.size() != expected) {
            throw new IllegalArgumentException("expected " + (expected == 0 ? "no argument" : "one argument")
                    + " for '" + operator.spelling() + "'");
        }
        return new Comparison(subject, attributeName, operator, arguments);
    }

    public QuerySubject subject() {
        return subject;
    }

    /** The attribute name for {@link QuerySubject#ATTRIBUTE}, else null. */
    public String attributeName() {
        return attributeName;
    }

    public QueryOperator operator() {
        return operator;
    }

    public List<String> arguments() {
        return arguments;
    }

    @Override
    public boolean isStatic() {
        return subject.isStatic();
    }

    @Override
    public boolean test(QueryContext c, int slot) {
        switch (subject) {
            case ATTRIBUTE:
                return testString(c.hasAttribute(slot, attributeName), c.attribute(slot, attributeName));
            case EC2_INSTANCE_ID: {
                String id = c.ec2InstanceId(slot);
                return testString(id != null, id);
            }
            case AGENT_CONNECTED:
                return testString(true, c.agentConnected(slot) ? "true" : "false");
            case AGENT_VERSION: {
                SemanticVersion v = SemanticVersion.parse(c.agentVersion(slot));
                return v == null ? operator == QueryOperator.NOT_EQUALS : ordered(v.compareTo(version));
            }
            case REGISTERED_AT:
                return testInstant(c.registeredAt(slot));
            case RUNNING_TASKS_COUNT:
                return ordered(Long.compare(c.runningTasksCount(slot), integer));
            case TASK_GROUP:
                return testGroups(c, slot);
            default:
                throw new IllegalStateException("bug: unknown subject " + subject);
        }
    }

    private boolean testString(boolean present, String value) {
        switch (operator) {
            case EXISTS:
                return present;
            case NOT_EXISTS:
                return !present;
            case EQUALS:
                return value != null && value.equals(text);
            case NOT_EQUALS:
                return value == null || !value.equals(text);
            case IN:
                return value != null && set.contains(value);
            case NOT_IN:
                return value == null || !set.contains(value);
            case MATCHES:
                return value != null && pattern.matcher(value).matches();
            case NOT_MATCHES:
                return value == null || !pattern.matcher(value).matches();
            default:
                return value != null && compareOrdered(value);
        }
    }

    private boolean compareOrdered(String value) {
        if (number != null) {
            // a numeric argument compares numbers only: "size > 9" is false for "abc"
            return DECIMAL.matcher(value).matches() && ordered(new BigDecimal(value).compareTo(number));
        }
        return ordered(value.compareTo(text));
    }

    /** Applies an ordering or (in)equality operator to the sign of "instance value compared to argument". */
    private boolean ordered(int cmp) {
        switch (operator) {
            case EQUALS:
                return cmp == 0;
            case NOT_EQUALS:
                return cmp != 0;
            case GREATER_THAN:
                return cmp > 0;
            case GREATER_THAN_EQUAL:
                return cmp >= 0;
            case LESS_THAN:
                return cmp < 0;
            case LESS_THAN_EQUAL:
                return cmp <= 0;
            default:
                throw new IllegalStateException("bug: " + operator + " is not an ordering operator");
        }
    }

    private boolean testInstant(Instant t) {
        if (t == null) {
            return operator == QueryOperator.NOT_EQUALS;
        }
        boolean before = t.isBefore(from);
        boolean after = !t.isBefore(to);
        switch (operator) {
            case EQUALS:
                return !before && !after;
            case NOT_EQUALS:
                return before || after;
            case LESS_THAN:
                return before;
            case LESS_THAN_EQUAL:
                return !after;
            case GREATER_THAN:
                return after;
            case GREATER_THAN_EQUAL:
                return !before;
            default:
                throw new IllegalStateException("bug: " + operator + " on registeredAt");
        }
    }

    private boolean testGroups(QueryContext c, int slot) {
        switch (operator) {
            case EQUALS:
                return c.runsGroup(slot, text);
            case NOT_EQUALS:
                return !c.runsGroup(slot, text);
            case IN:
            case NOT_IN: {
                boolean any = false;
                for (String g : set) {
                    if (c.runsGroup(slot, g)) {
                        any = true;
                        break;
                    }
                }
                return any == (operator == QueryOperator.IN);
            }
            case MATCHES:
            case NOT_MATCHES: {
                boolean any = false;
                for (String g : c.groups(slot)) {
                    if (pattern.matcher(g).matches()) {
                        any = true;
                        break;
                    }
                }
                return any == (operator == QueryOperator.MATCHES);
            }
            default:
                throw new IllegalStateException("bug: " + operator + " on task:group");
        }
    }

    @Override
    public String canonical() {
        String s = subject == QuerySubject.ATTRIBUTE ? "attribute:" + attributeName : subject.spelling();
        StringBuilder sb = new StringBuilder(s).append(' ').append(operator.spelling());
        if (operator.takesList()) {
            sb.append(" [");
            for (int i = 0; i < arguments.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(quote(arguments.get(i)));
            }
            sb.append(']');
        } else if (operator.takesArgument()) {
            sb.append(' ').append(quote(arguments.get(0)));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return canonical();
    }

    private static String quote(String literal) {
        for (int i = 0; i < literal.length(); i++) {
            char ch = literal.charAt(i);
            if (Character.isWhitespace(ch) || "()[],'\"&|".indexOf(ch) >= 0) {
                return "'" + literal.replace("\\", "\\\\").replace("'", "\\'") + "'";
            }
        }
        return literal.isEmpty() ? "''" : literal;
    }

    private static boolean isMatch(QueryOperator op) {
        return op == QueryOperator.MATCHES || op == QueryOperator.NOT_MATCHES;
    }

    private static Set<String> normalisedSet(QuerySubject subject, List<String> arguments) {
        if (subject != QuerySubject.AGENT_CONNECTED) {
            return Set.copyOf(arguments);
        }
        return Set.copyOf(arguments.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList());
    }

    private static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("expected a Java regular expression, but '" + regex + "' is not one ("
                    + e.getDescription() + ")");
        }
    }

    private static SemanticVersion version(String literal) {
        SemanticVersion v = SemanticVersion.parse(literal);
        if (v == null) {
            throw new IllegalArgumentException("expected a version such as 1.14.5, but found '" + literal + "'");
        }
        return v;
    }

    private static long integer(String literal) {
        try {
            return Long.parseLong(literal);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected an integer, but found '" + literal + "'");
        }
    }

    /** The interval a registeredAt literal denotes: a whole day for a date, one second for a timestamp. */
    private static Instant[] range(String literal) {
        try {
            if (literal.length() == 10) {
                Instant day = LocalDate.parse(literal).atStartOfDay().toInstant(ZoneOffset.UTC);
                return new Instant[] {day, day.plus(Duration.ofDays(1))};
            }
            Instant t;
            boolean hasOffset = literal.endsWith("Z") || literal.lastIndexOf('+') > 10 || literal.lastIndexOf('-') > 10;
            t = hasOffset ? OffsetDateTime.parse(literal).toInstant()
                    : LocalDateTime.parse(literal).toInstant(ZoneOffset.UTC);
            Duration width = t.getNano() == 0 ? Duration.ofSeconds(1) : Duration.ofNanos(1);
            return new Instant[] {t, t.plus(width)};
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected a date such as 2018-06-18T22:28:28+00:00, 2018-06-18T22:28:28Z, "
                    + "2018-06-18T22:28:28 or 2018-06-18, but found '" + literal + "'");
        }
    }
}
