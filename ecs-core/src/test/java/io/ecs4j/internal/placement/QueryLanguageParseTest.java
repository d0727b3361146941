package io.ecs4j.internal.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecs4j.EcsErrorCode;
import io.ecs4j.EcsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryLanguageParseTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            attribute:a == x            | attribute:a == x
            attribute:a equals x        | attribute:a == x
            attribute:a != x            | attribute:a != x
            attribute:a not_equals x    | attribute:a != x
            attribute:a > 1             | attribute:a > 1
            attribute:a greater_than 1  | attribute:a > 1
            attribute:a >= 1            | attribute:a >= 1
            attribute:a greater_than_equal 1 | attribute:a >= 1
            attribute:a < 1             | attribute:a < 1
            attribute:a less_than 1     | attribute:a < 1
            attribute:a <= 1            | attribute:a <= 1
            attribute:a less_than_equal 1 | attribute:a <= 1
            attribute:a exists          | attribute:a exists
            attribute:a !exists         | attribute:a !exists
            attribute:a not_exists      | attribute:a !exists
            attribute:a in [x, y]       | attribute:a in [x, y]
            attribute:a !in [x,y]       | attribute:a !in [x, y]
            attribute:a not_in [x]      | attribute:a !in [x]
            attribute:a =~ t2.*         | attribute:a =~ t2.*
            attribute:a matches t2.*    | attribute:a =~ t2.*
            attribute:a !~ t2.*         | attribute:a !~ t2.*
            attribute:a not_matches t2.* | attribute:a !~ t2.*
            attribute:a==x              | attribute:a == x
            attribute:a EQUALS x        | attribute:a == x
            """)
    void parse_eachOperatorAndWordForm_yieldsTheSameComparison(String text, String canonical) {
        assertThat(QueryLanguage.parse(text).canonical()).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            a == 1 and b == 2                ; (a == 1 and b == 2)
            a == 1 && b == 2                 ; (a == 1 and b == 2)
            a == 1 or b == 2                 ; (a == 1 or b == 2)
            a == 1 || b == 2                 ; (a == 1 or b == 2)
            not a == 1                       ; not(a == 1)
            ! a == 1                         ; not(a == 1)
            !(a == 1)                        ; not(a == 1)
            not(a == 1)                      ; not(a == 1)
            a == 1 or b == 2 and c == 3      ; (a == 1 or (b == 2 and c == 3))
            (a == 1 or b == 2) and c == 3    ; ((a == 1 or b == 2) and c == 3)
            a == 1 AND b == 2 OR c == 3      ; ((a == 1 and b == 2) or c == 3)
            a == 1&&b == 2                   ; (a == 1 and b == 2)
            """)
    void parse_booleanOperators_followPrecedence(String text, String canonical) {
        String expanded = text.replaceAll("\\b([abc]) ==", "attribute:$1 ==");
        String expected = canonical.replaceAll("\\b([abc]) ==", "attribute:$1 ==");
        assertThat(QueryLanguage.parse(expanded).canonical()).isEqualTo(expected);
    }

    @Test
    void parse_subjects_areRecognised() {
        assertThat(QueryLanguage.parse("ec2InstanceId in ['i-abcd1234', 'i-wxyx7890']").canonical())
                .isEqualTo("ec2InstanceId in [i-abcd1234, i-wxyx7890]");
        assertThat(QueryLanguage.parse("agentConnected == true")).isInstanceOf(Comparison.class);
        assertThat(QueryLanguage.parse("agentVersion < 1.14.5").canonical()).isEqualTo("agentVersion < 1.14.5");
        assertThat(QueryLanguage.parse("registeredAt < 2018-02-13").canonical()).isEqualTo("registeredAt < 2018-02-13");
        assertThat(QueryLanguage.parse("runningTasksCount == 1").isStatic()).isFalse();
        assertThat(QueryLanguage.parse("task:group == service:production").canonical())
                .isEqualTo("task:group == service:production");
        assertThat(QueryLanguage.parse("not(task:group == database)").isStatic()).isFalse();
        assertThat(QueryLanguage.parse("attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d")
                .isStatic()).isTrue();
    }

    @Test
    void parse_quotedLiterals_keepSpacesAndSpecialCharacters() {
        Comparison c = (Comparison) QueryLanguage.parse("attribute:stack == \"prod east\"");
        assertThat(c.arguments()).containsExactly("prod east");
        Comparison escaped = (Comparison) QueryLanguage.parse("attribute:x == 'it\\'s'");
        assertThat(escaped.arguments()).containsExactly("it's");
        Comparison list = (Comparison) QueryLanguage.parse("attribute:x in ['a b', \"c,d\", e]");
        assertThat(list.arguments()).containsExactly("a b", "c,d", "e");
    }

    @Test
    void parse_singleLiteralAfterIn_isAOneElementList() {
        assertThat(QueryLanguage.parse("attribute:x in a").canonical()).isEqualTo("attribute:x in [a]");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            attribute:a                      | 12 | expected an operator
            attribute:a == x y               | 18 | expected 'and', 'or' or the end of the expression but found 'y'
            attribute:a ==                   | 15 | expected a value but found the end of the expression
            (attribute:a == x                | 18 | expected ')' or 'and'/'or' but found the end of the expression
            foo == x                         | 1  | expected a subject
            attribute: == x                  | 11 | expected an attribute name after 'attribute:'
            attribute:a in [x, y             | 21 | expected ',' or ']'
            attribute:a == [x]               | 16 | lists are only valid with in / not_in
            ec2InstanceId > i-1              | 15 | expected one of the operators valid for ec2InstanceId
            agentVersion =~ 1.*              | 14 | expected one of the operators valid for agentVersion
            agentVersion < one               | 16 | expected a version such as 1.14.5
            registeredAt < yesterday         | 16 | expected a date such as 2018-06-18T22:28:28+00:00
            runningTasksCount > many         | 21 | expected an integer
            attribute:a =~ 'a[-'             | 16 | expected a Java regular expression
            attribute:a == x and             | 21 | expected a predicate
            attribute:a == 'x                | 16 | expected a closing ' for the literal starting here
            task:group > 1                   | 12 | expected one of the operators valid for task:group
            """)
    void parse_malformed_reportsPositionAndExpectation(String text, int position, String expected) {
        assertThatThrownBy(() -> QueryLanguage.parse(text, "placementConstraints[0].expression"))
                .isInstanceOfSatisfying(EcsException.class, e -> {
                    assertThat(e.code()).isEqualTo(EcsErrorCode.INVALID_PARAMETER);
                    assertThat(e.field()).isEqualTo("placementConstraints[0].expression");
                    assertThat(e.getMessage()).contains("at position " + position + ":").contains(expected);
                });
    }

    @Test
    void parse_emptyOrTooLong_isInvalidParameter() {
        assertThatThrownBy(() -> QueryLanguage.parse("  ")).isInstanceOf(EcsException.class).hasMessageContaining("empty");
        String longText = "attribute:a == " + "x".repeat(QueryLanguage.MAX_LENGTH);
        assertThatThrownBy(() -> QueryLanguage.parse(longText))
                .isInstanceOf(EcsException.class).hasMessageContaining("maximum is 2000");
    }

    @Test
    void parse_deepNesting_isRejectedNotStackOverflow() {
        String text = "(".repeat(150) + "attribute:a == x" + ")".repeat(150);
        assertThatThrownBy(() -> QueryLanguage.parse(text)).isInstanceOf(EcsException.class)
                .hasMessageContaining("nested");
    }

    @Test
    void parseCached_sameText_returnsTheSameInstance() {
        QueryLanguage language = new QueryLanguage();
        Expression a = language.parseCached("attribute:a == x", "filter");
        assertThat(language.parseCached("attribute:a == x", "filter")).isSameAs(a);
    }

    @Test
    void conjuncts_ofNestedAnd_areFlattened() {
        Expression e = QueryLanguage.parse("attribute:a == 1 and (attribute:b == 2 and task:group == g) or attribute:c == 3");
        assertThat(e.conjuncts()).hasSize(1);
        Expression and = QueryLanguage.parse("attribute:a == 1 and attribute:b == 2 and task:group == g");
        assertThat(and.conjuncts()).extracting(Expression::isStatic).containsExactly(true, true, false);
    }
}
