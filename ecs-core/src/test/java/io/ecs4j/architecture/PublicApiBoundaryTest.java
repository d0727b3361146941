package io.ecs4j.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The public/internal boundary (style G2/G3): the exported packages' public signatures mention no internal type, no
 * Jackson and no docker-java type, and every exported package documents itself in a package-info.
 */
class PublicApiBoundaryTest {
    static final Set<String> EXPORTED = Set.of("io.ecs4j", "io.ecs4j.model", "io.ecs4j.request", "io.ecs4j.json",
            "io.ecs4j.spi.runtime", "io.ecs4j.time");
    private static final List<String> FORBIDDEN = List.of(".internal.", "com.fasterxml.jackson", "com.github.dockerjava");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.ecs4j");
        assertThat(classes.contain("io.ecs4j.LocalEcs")).as("classes were imported").isTrue();
    }

    @Test
    void exportedSignatures_mentionNoInternalJacksonOrDockerTypes() {
        List<String> violations = new ArrayList<>();
        for (JavaClass c : classes) {
            if (!EXPORTED.contains(c.getPackageName()) || !isVisible(c)) {
                continue;
            }
            for (JavaCodeUnit unit : c.getCodeUnits()) {
                if (!unit.getModifiers().contains(JavaModifier.PUBLIC)
                        && !unit.getModifiers().contains(JavaModifier.PROTECTED)) {
                    continue;
                }
                check(violations, unit.getFullName(), unit.getReturnType());
                for (JavaType p : unit.getParameterTypes()) {
                    check(violations, unit.getFullName(), p);
                }
                for (JavaClass t : unit.getThrowsClause().getTypes()) {
                    check(violations, unit.getFullName(), t);
                }
            }
            for (JavaField f : c.getFields()) {
                if (f.getModifiers().contains(JavaModifier.PUBLIC)) {
                    check(violations, f.getFullName(), f.getType());
                }
            }
            for (JavaType s : c.getInterfaces()) {
                check(violations, c.getName() + " implements", s);
            }
        }
        assertThat(violations).as("public API leaking implementation types").isEmpty();
    }

    @Test
    void exportedPackages_haveAPackageInfo() {
        for (String pkg : EXPORTED) {
            boolean present = classes.stream().anyMatch(c -> c.getPackageName().equals(pkg));
            if (present) {
                assertThat(classes.stream().anyMatch(c -> c.getName().equals(pkg + ".package-info")))
                        .as("package-info.java in " + pkg).isTrue();
            }
        }
    }

    private static boolean isVisible(JavaClass c) {
        JavaClass current = c;
        while (current != null) {
            if (!current.getModifiers().contains(JavaModifier.PUBLIC)) {
                return false;
            }
            current = current.getEnclosingClass().orElse(null);
        }
        return true;
    }

    private static void check(List<String> violations, String where, JavaType type) {
        for (JavaClass involved : type.getAllInvolvedRawTypes()) {
            for (String forbidden : FORBIDDEN) {
                if (involved.getName().contains(forbidden)) {
                    violations.add(where + " uses " + involved.getName());
                }
            }
        }
    }
}
