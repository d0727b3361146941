package io.ecs4j.internal.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecs4j.EcsErrorCode;
import io.ecs4j.EcsException;
import io.ecs4j.model.Attribute;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AttributeRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"stack", "a", "com.example/team_1-x", "back\\slash", "ecs.availability-zone"})
    void isValidName_allowedCharacters_isTrue(String name) {
        assertThat(AttributeRules.isValidName(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "with space", "colon:x", "at@x", "star*"})
    void isValidName_otherCharactersOrEmpty_isFalse(String name) {
        assertThat(AttributeRules.isValidName(name)).isFalse();
    }

    @Test
    void isValidName_lengthLimit_is128() {
        assertThat(AttributeRules.isValidName("n".repeat(128))).isTrue();
        assertThat(AttributeRules.isValidName("n".repeat(129))).isFalse();
        assertThat(AttributeRules.isValidName(null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "a b", "user@example.com", "arn:aws:x/y", "C:\\dir", "1.2_3-4"})
    void isValidValue_allowedCharacters_isTrue(String value) {
        assertThat(AttributeRules.isValidValue(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " lead", "trail ", "semi;colon", "quote'", "eq=x"})
    void isValidValue_otherCharactersOrEdgeSpaces_isFalse(String value) {
        assertThat(AttributeRules.isValidValue(value)).isFalse();
    }

    @Test
    void isValidValue_nullMeansNoValue_andLengthIsAtMost128() {
        assertThat(AttributeRules.isValidValue(null)).isTrue();
        assertThat(AttributeRules.isValidValue("v".repeat(128))).isTrue();
        assertThat(AttributeRules.isValidValue("v".repeat(129))).isFalse();
    }

    @Test
    void checkCustom_reservedPrefixOrBadParts_namesTheMember() {
        assertThatCode(() -> AttributeRules.checkCustom(List.of(Attribute.of("stack", "prod"),
                new Attribute("gpu", null, "container-instance", "abc")))).doesNotThrowAnyException();
        assertThatThrownBy(() -> AttributeRules.checkCustom(List.of(Attribute.of("stack", "prod"),
                Attribute.of("ecs.instance-type", "x"))))
                .isInstanceOfSatisfying(EcsException.class, e -> {
                    assertThat(e.field()).isEqualTo("attributes[1].name");
                    assertThat(e.getMessage()).contains("reserved");
                });
        assertThatThrownBy(() -> AttributeRules.checkCustom(List.of(Attribute.of("bad name", "x"))))
                .isInstanceOfSatisfying(EcsException.class, e -> assertThat(e.field()).isEqualTo("attributes[0].name"));
        assertThatThrownBy(() -> AttributeRules.checkCustom(List.of(Attribute.of("ok", " x"))))
                .isInstanceOfSatisfying(EcsException.class, e -> assertThat(e.field()).isEqualTo("attributes[0].value"));
        assertThatThrownBy(() -> AttributeRules.checkCustom(List.of())).isInstanceOf(EcsException.class);
    }

    @Test
    void checkLimit_aboveTenCustomAttributes_isAttributeLimitExceeded() {
        assertThatCode(() -> AttributeRules.checkLimit(10)).doesNotThrowAnyException();
        assertThatThrownBy(() -> AttributeRules.checkLimit(11)).isInstanceOfSatisfying(EcsException.class,
                e -> assertThat(e.code()).isEqualTo(EcsErrorCode.ATTRIBUTE_LIMIT_EXCEEDED));
    }
}
