package io.ecs4j.internal.placement;

import io.ecs4j.EcsException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ECS cluster query language: a recursive-descent parser for {@code memberOf} expressions and the
 * ListContainerInstances {@code filter}.
 *
 * <pre>
 * expr      := andExpr ( ("||" | "or") andExpr )*
 * andExpr   := unary ( ("&amp;&amp;" | "and") unary )*
 * unary     := ("!" | "not") unary | "(" expr ")" | predicate
 * predicate := subject operator [argument]
 * argument  := literal | "[" literal ("," literal)* "]"
 * literal   := 'quoted' | "quoted" | bare
 * </pre>
 *
 * Keywords ({@code and}, {@code or}, {@code not} and the word operators) are matched case-insensitively; subjects and
 * literals are case-sensitive. A bare literal ends at whitespace, {@code )}, and inside a list at {@code ,} or
 * {@code ]}, and cannot start with {@code = ! < >}; quote literals that contain those. Quoted literals accept
 * {@code \'}, {@code \"} and {@code \\}.
 *
 * <p>{@link #parse} is a pure function; an instance adds a bounded cache keyed by expression text, and is confined to
 * one thread (the cluster loop).
 */
public final class QueryLanguage {
    /** ECS's limit on a constraint expression. */
    public static final int MAX_LENGTH = 2000;
    private static final int MAX_DEPTH = 100;
    private static final int CACHE_SIZE = 1024;

    private final Map<String, Expression> cache = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Expression> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    /** The expression written as {@code text}, from the cache when it was parsed before. */
    public Expression parseCached(String text, String field) {
        Expression e = cache.get(text);
        if (e == null) {
            e = parse(text, field);
            cache.put(text, e);
        }
        return e;
    }

    /** Parses {@code text}; errors name the field {@code expression}. */
    public static Expression parse(String text) {
        return parse(text, "expression");
    }

    /**
     * Parses {@code text}.
     *
     * @param field the request member errors name, for example {@code placementConstraints[0].expression} or
     *              {@code filter}
     * @throws EcsException {@code InvalidParameterException} naming {@code field}, with the 1-based position and what
     *                      was expected, when the text is empty, longer than {@value #MAX_LENGTH} characters or not a
     *                      valid expression
     */
    public static Expression parse(String text, String field) {
        if (text == null || text.isBlank()) {
            throw EcsException.invalidParameter(field, "Invalid " + field + ": the expression is empty.");
        }
        if (text.length() > MAX_LENGTH) {
            throw EcsException.invalidParameter(field, "Invalid " + field + ": the expression is " + text.length()
                    + " characters long; the maximum is " + MAX_LENGTH + ".");
        }
        return new Parser(text, field).parseAll();
    }

    private static final class Parser {
        private final String src;
        private final String field;
        private int pos;
        private int depth;

        Parser(String src, String field) {
            this.src = src;
            this.field = field;
        }

        Expression parseAll() {
            Expression e = parseOr();
            skipWs();
            if (pos < src.length()) {
                throw error(pos, "'and', 'or' or the end of the expression");
            }
            return e;
        }

        private Expression parseOr() {
            Expression left = parseAnd();
            while (true) {
                skipWs();
                if (symbol("||") || keyword("or")) {
                    left = new Expression.Or(left, parseAnd());
                } else {
                    return left;
                }
            }
        }

        private Expression parseAnd() {
            Expression left = parseUnary();
            while (true) {
                skipWs();
                if (symbol("&&") || keyword("and")) {
                    left = new Expression.And(left, parseUnary());
                } else {
                    return left;
                }
            }
        }

        private Expression parseUnary() {
            skipWs();
            if (++depth > MAX_DEPTH) {
                throw error(pos, "at most " + MAX_DEPTH + " nested levels");
            }
            try {
                if (pos >= src.length()) {
                    throw error(pos, "a predicate such as 'attribute:name == value', '(' or 'not'");
                }
                char c = src.charAt(pos);
                if (c == '(') {
                    pos++;
                    Expression inner = parseOr();
                    skipWs();
                    if (!symbol(")")) {
                        throw error(pos, "')' or 'and'/'or'");
                    }
                    return inner;
                }
                if (c == '!' && !startsWith("!=") && !startsWith("!~")) {
                    pos++;
                    return new Expression.Not(parseUnary());
                }
                if (keyword("not")) {
                    return new Expression.Not(parseUnary());
                }
                return parsePredicate();
            } finally {
                depth--;
            }
        }

        private Expression parsePredicate() {
            int subjectPos = pos;
            String token = readWhile(Parser::isSubjectChar);
            QuerySubject subject;
            String attributeName = null;
            if (token.startsWith("attribute:")) {
                subject = QuerySubject.ATTRIBUTE;
                attributeName = token.substring("attribute:".length());
                if (attributeName.isEmpty()) {
                    throw error(subjectPos + token.length(), "an attribute name after 'attribute:'");
                }
            } else {
                subject = QuerySubject.named(token);
                if (subject == null) {
                    pos = subjectPos;
                    throw error(subjectPos, "a subject (attribute:<name>, ec2InstanceId, agentConnected, agentVersion, "
                            + "registeredAt, runningTasksCount or task:group), '(' or 'not'");
                }
            }
            skipWs();
            int operatorPos = pos;
            QueryOperator operator = readOperator();
            if (operator == null) {
                throw error(operatorPos, "an operator (" + QueryOperator.describe(subject.operators()) + ")");
            }
            if (!subject.operators().contains(operator)) {
                throw error(operatorPos, "one of the operators valid for " + subject.spelling() + ": "
                        + QueryOperator.describe(subject.operators()));
            }
            List<String> args = new ArrayList<>(1);
            int argumentPos = pos;
            if (operator.takesList()) {
                skipWs();
                argumentPos = pos;
                readList(args);
            } else if (operator.takesArgument()) {
                skipWs();
                argumentPos = pos;
                if (pos < src.length() && src.charAt(pos) == '[') {
                    throw error(pos, "a single value (lists are only valid with in / not_in)");
                }
                args.add(readLiteral(false));
            }
            try {
                return Comparison.of(subject, attributeName, operator, args);
            } catch (IllegalArgumentException e) {
                throw error(argumentPos, e.getMessage(), true);
            }
        }

        private QueryOperator readOperator() {
            // longest symbols first: ">=" before ">", "!exists" before "!="
            if (symbolWord("!exists")) {
                return QueryOperator.NOT_EXISTS;
            }
            if (symbolWord("!in")) {
                return QueryOperator.NOT_IN;
            }
            String[] symbols = {"==", "!=", ">=", "<=", "=~", "!~", ">", "<"};
            QueryOperator[] ops = {QueryOperator.EQUALS, QueryOperator.NOT_EQUALS, QueryOperator.GREATER_THAN_EQUAL,
                QueryOperator.LESS_THAN_EQUAL, QueryOperator.MATCHES, QueryOperator.NOT_MATCHES,
                QueryOperator.GREATER_THAN, QueryOperator.LESS_THAN};
            for (int i = 0; i < symbols.length; i++) {
                if (symbol(symbols[i])) {
                    return ops[i];
                }
            }
            for (QueryOperator op : QueryOperator.values()) {
                if (keyword(op.word())) {
                    return op;
                }
            }
            return null;
        }

        private void readList(List<String> into) {
            if (pos >= src.length() || src.charAt(pos) != '[') {
                // [rec] a single literal is accepted as a one-element list
                into.add(readLiteral(false));
                return;
            }
            pos++;
            while (true) {
                skipWs();
                into.add(readLiteral(true));
                skipWs();
                if (symbol(",")) {
                    continue;
                }
                if (symbol("]")) {
                    return;
                }
                throw error(pos, "',' or ']'");
            }
        }

        private String readLiteral(boolean inList) {
            if (pos >= src.length()) {
                throw error(pos, "a value");
            }
            char q = src.charAt(pos);
            if (q == '\'' || q == '"') {
                int start = pos++;
                StringBuilder sb = new StringBuilder();
                while (pos < src.length()) {
                    char c = src.charAt(pos++);
                    if (c == q) {
                        return sb.toString();
                    }
                    if (c == '\\' && pos < src.length()) {
                        c = src.charAt(pos++);
                    }
                    sb.append(c);
                }
                throw error(start, "a closing " + q + " for the literal starting here");
            }
            int start = pos;
            if ("=!<>".indexOf(q) >= 0) {
                throw error(pos, "a value");
            }
            while (pos < src.length()) {
                char c = src.charAt(pos);
                if (Character.isWhitespace(c) || c == ')' || (inList && (c == ',' || c == ']'))
                        || startsWith("&&") || startsWith("||")) {
                    break;
                }
                pos++;
            }
            if (pos == start) {
                throw error(pos, "a value");
            }
            return src.substring(start, pos);
        }

        private String readWhile(java.util.function.IntPredicate ok) {
            int start = pos;
            while (pos < src.length() && ok.test(src.charAt(pos))) {
                pos++;
            }
            return src.substring(start, pos);
        }

        private static boolean isSubjectChar(int c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == '-' || c == '/' || c == '\\' || c == ':';
        }

        private static boolean isWordChar(int c) {
            return isSubjectChar(c);
        }

        private boolean startsWith(String s) {
            return src.startsWith(s, pos);
        }

        private boolean symbol(String s) {
            if (startsWith(s)) {
                pos += s.length();
                return true;
            }
            return false;
        }

        /** A symbol ending in letters ({@code !in}): must not run into a longer word. */
        private boolean symbolWord(String s) {
            int end = pos + s.length();
            if (src.regionMatches(true, pos, s, 0, s.length()) && (end >= src.length() || !isWordChar(src.charAt(end)))) {
                pos = end;
                return true;
            }
            return false;
        }

        private boolean keyword(String word) {
            int end = pos + word.length();
            if (end <= src.length() && src.regionMatches(true, pos, word, 0, word.length())
                    && (end == src.length() || !isWordChar(src.charAt(end)))) {
                pos = end;
                return true;
            }
            return false;
        }

        private void skipWs() {
            while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
                pos++;
            }
        }

        private EcsException error(int at, String expected) {
            return error(at, expected, false);
        }

        private EcsException error(int at, String what, boolean complete) {
            String found;
            if (at >= src.length()) {
                found = "the end of the expression";
            } else {
                int end = at;
                while (end < src.length() && end - at < 20 && !Character.isWhitespace(src.charAt(end))) {
                    end++;
                }
                found = "'" + src.substring(at, Math.max(end, at + 1)) + "'";
            }
            String detail = complete ? what : "expected " + what + " but found " + found;
            return EcsException.invalidParameter(field, "Invalid " + field + " '" + src + "' at position " + (at + 1)
                    + ": " + detail + ".");
        }
    }
}
