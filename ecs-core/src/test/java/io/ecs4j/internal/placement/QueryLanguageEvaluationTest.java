package io.ecs4j.internal.placement;

import static io.ecs4j.internal.placement.Fixtures.instance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecs4j.EcsException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryLanguageEvaluationTest {
    private PlacementEngine engine;

    @BeforeEach
    void cluster() {
        engine = new PlacementEngine(new SplittableRandom(1));
        engine.upsertInstance(instance("a").type("t2.small").az("us-east-1a").attribute("stack", "prod")
                .attribute("size", "10").attribute("gpu", null).agentVersion("1.14.4")
                .registeredAt("2018-06-18T22:28:28Z").build());
        engine.upsertInstance(instance("b").type("t2.medium").az("us-east-1b").attribute("stack", "dev")
                .attribute("size", "9").agentVersion("1.14.5").registeredAt("2018-06-19T00:00:00Z").build());
        engine.upsertInstance(instance("c").type("m5.large").az("us-east-1d").attribute("size", "abc")
                .agentVersion("1.70.0-rc1").agentConnected(false).registeredAt("2018-06-17T10:00:00Z").build());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', textBlock = """
            attribute:ecs.instance-type == t2.small                       ; a
            attribute:ecs.instance-type equals t2.small                   ; a
            attribute:stack != prod                                       ; b,c
            attribute:stack not_equals prod                               ; b,c
            attribute:ecs.instance-type in [t2.small, t2.medium]          ; a,b
            attribute:ecs.instance-type !in [t2.small, t2.medium]         ; c
            attribute:ecs.instance-type not_in [t2.small]                 ; b,c
            attribute:ecs.instance-type =~ t2.*                           ; a,b
            attribute:ecs.instance-type matches t2.*                      ; a,b
            attribute:ecs.instance-type =~ t2                             ; ''
            attribute:ecs.instance-type !~ t2.*                           ; c
            attribute:ecs.instance-type not_matches t2.*                  ; c
            attribute:stack exists                                        ; a,b
            attribute:stack !exists                                       ; c
            attribute:stack not_exists                                    ; c
            attribute:gpu exists                                          ; a
            attribute:gpu == x                                            ; ''
            attribute:gpu != x                                            ; a,b,c
            attribute:size > 9                                            ; a
            attribute:size greater_than 9                                 ; a
            attribute:size >= 9                                           ; a,b
            attribute:size greater_than_equal 9                           ; a,b
            attribute:size < 10                                           ; b
            attribute:size less_than 10                                   ; b
            attribute:size <= 10                                          ; a,b
            attribute:size less_than_equal 10                             ; a,b
            attribute:size > aaa                                          ; c
            attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d ; ''
            attribute:ecs.instance-type =~ t2.* and attribute:ecs.availability-zone != us-east-1a ; b
            attribute:stack == prod or attribute:stack == dev             ; a,b
            attribute:stack == prod || attribute:ecs.availability-zone == us-east-1d ; a,c
            attribute:stack == prod && attribute:size == 10               ; a
            not attribute:stack == prod                                   ; b,c
            !(attribute:stack == prod)                                    ; b,c
            (attribute:stack == prod or attribute:stack == dev) and attribute:size < 10 ; b
            ec2InstanceId == i-a                                          ; a
            ec2InstanceId != i-a                                          ; b,c
            ec2InstanceId in ['i-a', 'i-c']                               ; a,c
            ec2InstanceId !in [i-a]                                       ; b,c
            ec2InstanceId =~ i-[ab]                                       ; a,b
            ec2InstanceId !~ i-[ab]                                       ; c
            agentConnected == false                                       ; c
            agentConnected == TRUE                                        ; a,b
            agentConnected != true                                        ; c
            agentConnected in [true]                                      ; a,b
            agentConnected not_in [true]                                  ; c
            agentConnected =~ f.*                                         ; c
            agentConnected !~ f.*                                         ; a,b
            agentVersion < 1.14.5                                         ; a
            agentVersion <= 1.14.5                                        ; a,b
            agentVersion == 1.14.5                                        ; b
            agentVersion != 1.14.5                                        ; a,c
            agentVersion > 1.14.5                                         ; c
            agentVersion >= 1.70.0                                        ; ''
            agentVersion >= 1.70.0-rc1                                    ; c
            agentVersion less_than 1.14.10                                ; a,b
            registeredAt < 2018-06-18                                     ; c
            registeredAt <= 2018-06-18                                    ; a,c
            registeredAt == 2018-06-18                                    ; a
            registeredAt != 2018-06-18                                    ; b,c
            registeredAt > 2018-06-18                                     ; b
            registeredAt >= 2018-06-18                                    ; a,b
            registeredAt == 2018-06-18T22:28:28Z                          ; a
            registeredAt == 2018-06-18T22:28:28+00:00                     ; a
            registeredAt == 2018-06-18T22:28:28                           ; a
            registeredAt == 2018-06-19T00:28:28+02:00                     ; a
            registeredAt greater_than 2018-06-18T22:28:28                 ; b
            registeredAt less_than_equal 2018-06-18T22:28:28              ; a,c
            """)
    void filterInstances_eachSubjectAndOperator_selectsTheDocumentedInstances(String expression, String expected) {
        assertThat(String.join(",", engine.filterInstances(expression))).isEqualTo(expected);
    }

    @Test
    void filterInstances_runningTasksCount_comparesTheCountedTasks() {
        engine.addTask("t1", "a", "family:web", TaskFootprint.of(10, 10));
        engine.addTask("t2", "a", "family:web", TaskFootprint.of(10, 10));
        engine.addTask("t3", "b", "family:db", TaskFootprint.of(10, 10));
        assertThat(engine.filterInstances("runningTasksCount == 1")).containsExactly("b");
        assertThat(engine.filterInstances("runningTasksCount != 1")).containsExactly("a", "c");
        assertThat(engine.filterInstances("runningTasksCount > 1")).containsExactly("a");
        assertThat(engine.filterInstances("runningTasksCount >= 1")).containsExactly("a", "b");
        assertThat(engine.filterInstances("runningTasksCount < 1")).containsExactly("c");
        assertThat(engine.filterInstances("runningTasksCount <= 2")).containsExactly("a", "b", "c");
        engine.markTaskStopping("t3");
        assertThat(engine.filterInstances("runningTasksCount == 0")).containsExactly("b", "c");
    }

    @Test
    void filterInstances_taskGroup_isAffinityAndAntiAffinity() {
        engine.addTask("t1", "a", "service:production", TaskFootprint.of(10, 10));
        engine.addTask("t2", "b", "database", TaskFootprint.of(10, 10));
        assertThat(engine.filterInstances("task:group == service:production")).containsExactly("a");
        assertThat(engine.filterInstances("not(task:group == database)")).containsExactly("a", "c");
        assertThat(engine.filterInstances("task:group != database")).containsExactly("a", "c");
        assertThat(engine.filterInstances("task:group in [database, other]")).containsExactly("b");
        assertThat(engine.filterInstances("task:group !in [database]")).containsExactly("a", "c");
        assertThat(engine.filterInstances("task:group =~ service:.*")).containsExactly("a");
        assertThat(engine.filterInstances("task:group !~ service:.*")).containsExactly("b", "c");
        engine.removeTask("t1");
        assertThat(engine.filterInstances("task:group == service:production")).isEmpty();
    }

    @Test
    void filterInstances_afterAttributeUpdate_seesTheNewValue() {
        assertThat(engine.filterInstances("attribute:stack == prod")).containsExactly("a");
        engine.upsertInstance(instance("c").type("m5.large").attribute("stack", "prod").build());
        assertThat(engine.filterInstances("attribute:stack == prod")).containsExactly("a", "c");
    }

    @Test
    void filterInstances_malformed_namesTheFilterField() {
        assertThatThrownBy(() -> engine.filterInstances("attribute:stack ==="))
                .isInstanceOfSatisfying(EcsException.class, e -> assertThat(e.field()).isEqualTo("filter"));
    }

    @Test
    void semanticVersion_ordersNumericallyAndPreReleasesFirst() {
        assertThat(SemanticVersion.parse("1.14.10").compareTo(SemanticVersion.parse("1.14.9"))).isPositive();
        assertThat(SemanticVersion.parse("1.14").compareTo(SemanticVersion.parse("1.14.0"))).isZero();
        assertThat(SemanticVersion.parse("v2.0.0").compareTo(SemanticVersion.parse("1.99"))).isPositive();
        assertThat(SemanticVersion.parse("1.0.0-alpha").compareTo(SemanticVersion.parse("1.0.0"))).isNegative();
        assertThat(SemanticVersion.parse("1.0.0-alpha.2").compareTo(SemanticVersion.parse("1.0.0-alpha.10"))).isNegative();
        assertThat(SemanticVersion.parse("1.0.0-2").compareTo(SemanticVersion.parse("1.0.0-beta"))).isNegative();
        assertThat(SemanticVersion.parse("1.0.0+build5")).isEqualTo(SemanticVersion.parse("1.0.0"));
        assertThat(SemanticVersion.parse("one")).isNull();
        assertThat(SemanticVersion.parse("1..2")).isNull();
    }
}
