package io.ecs4j.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EcsJsonApiTest {

    @Test
    void publicMethods_mentionNoJacksonOrInternalTypes() {
        for (Method m : EcsJson.class.getDeclaredMethods()) {
            if (!Modifier.isPublic(m.getModifiers())) {
                continue;
            }
            Stream.concat(Stream.of(m.getGenericReturnType()), Arrays.stream(m.getGenericParameterTypes()))
                    .map(Object::toString)
                    .forEach(type -> assertThat(type).as(m.toString())
                            .doesNotContain("com.fasterxml.jackson").doesNotContain(".internal."));
        }
    }

    @Test
    void ecsJson_isFinalWithPrivateConstructor() {
        assertThat(Modifier.isFinal(EcsJson.class.getModifiers())).isTrue();
        assertThat(EcsJson.class.getConstructors()).isEmpty();
    }
}
