package io.ecs4j.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

/** How Docker tests behave without Docker: skipped on a workstation, failing under CI. */
class DockerConditionTest {

    @Test
    void dockerCondition_withDocker_isEnabled() {
        assertThat(LocalEcsExtension.dockerCondition(null, false).isDisabled()).isFalse();
        assertThat(LocalEcsExtension.dockerCondition(null, true).isDisabled()).isFalse();
    }

    @Test
    void dockerCondition_withoutDocker_outsideCi_skipsWithTheReason() {
        ConditionEvaluationResult result = LocalEcsExtension.dockerCondition("no Docker engine answers (x)", false);

        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason()).hasValueSatisfying(r -> assertThat(r)
                .contains("Docker tests skipped: no Docker engine answers (x)").contains("bash .ci/run setup"));
    }

    @Test
    void dockerCondition_withoutDocker_underCi_runsTheTestSoThatItFails() {
        assertThat(LocalEcsExtension.dockerCondition("no Docker engine answers (x)", true).isDisabled()).isFalse();
    }
}
