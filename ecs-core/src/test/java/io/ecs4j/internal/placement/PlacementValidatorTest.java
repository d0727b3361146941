package io.ecs4j.internal.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecs4j.EcsErrorCode;
import io.ecs4j.EcsException;
import io.ecs4j.model.PlacementConstraint;
import io.ecs4j.model.PlacementConstraintType;
import io.ecs4j.model.PlacementStrategy;
import io.ecs4j.model.PlacementStrategyType;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class PlacementValidatorTest {

    private static void assertInvalid(ThrowingCallable call, String field, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(EcsException.class, e -> {
            assertThat(e.code()).isEqualTo(EcsErrorCode.INVALID_PARAMETER);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(message);
        });
    }

    @Test
    void validate_validInput_passes() {
        assertThatCode(() -> PlacementValidator.validate(
                List.of(PlacementConstraint.distinctInstance(), PlacementConstraint.memberOf("attribute:a == b")),
                List.of(PlacementStrategy.spread("attribute:ecs.availability-zone"), PlacementStrategy.spread("host"),
                        PlacementStrategy.binpack("Cpu"), PlacementStrategy.random())))
                .doesNotThrowAnyException();
    }

    @Test
    void validate_moreThanTenConstraints_isInvalid() {
        List<PlacementConstraint> eleven = Collections.nCopies(11, PlacementConstraint.memberOf("attribute:a == b"));
        assertInvalid(() -> PlacementValidator.validate(eleven, List.of()), "placementConstraints", "at most 10");
        assertThatCode(() -> PlacementValidator.validate(eleven.subList(0, 10), List.of())).doesNotThrowAnyException();
    }

    @Test
    void validate_moreThanFiveStrategies_isInvalid() {
        List<PlacementStrategy> six = Collections.nCopies(6, PlacementStrategy.random());
        assertInvalid(() -> PlacementValidator.validate(List.of(), six), "placementStrategy", "at most 5");
    }

    @Test
    void validate_distinctInstanceWithExpression_usesEcsWording() {
        assertInvalid(() -> PlacementValidator.validate(List.of(new PlacementConstraint(
                PlacementConstraintType.DISTINCT_INSTANCE, "")), List.of()), "placementConstraints[0].expression",
                "distinctInstance expression should not be specified.");
    }

    @Test
    void validate_memberOfWithoutExpression_isInvalid() {
        assertInvalid(() -> PlacementValidator.validate(List.of(PlacementConstraint.distinctInstance(),
                PlacementConstraint.memberOf(null)), List.of()), "placementConstraints[1].expression",
                "memberOf expression must be specified.");
    }

    @Test
    void validate_malformedOrLongExpression_namesTheConstraint() {
        assertInvalid(() -> PlacementValidator.validate(List.of(PlacementConstraint.memberOf("attribute:a ~~ b")),
                List.of()), "placementConstraints[0].expression", "at position 13");
        String longExpression = "attribute:a in [" + "x,".repeat(1000) + "y]";
        assertInvalid(() -> PlacementValidator.validate(List.of(PlacementConstraint.memberOf(longExpression)),
                List.of()), "placementConstraints[0].expression", "maximum is 2000");
    }

    @Test
    void validate_badStrategyFields_areInvalid() {
        assertInvalid(() -> PlacementValidator.validate(List.of(), List.of(PlacementStrategy.spread(null))),
                "placementStrategy[0].field", "requires a field");
        assertInvalid(() -> PlacementValidator.validate(List.of(), List.of(PlacementStrategy.random(),
                PlacementStrategy.spread("zone"))), "placementStrategy[1].field", "Invalid spread field 'zone'");
        assertInvalid(() -> PlacementValidator.validate(List.of(), List.of(PlacementStrategy.spread("attribute:"))),
                "placementStrategy[0].field", "Invalid spread field");
        assertInvalid(() -> PlacementValidator.validate(List.of(), List.of(PlacementStrategy.binpack("disk"))),
                "placementStrategy[0].field", "Invalid binpack field 'disk'. Valid fields are cpu and memory.");
        assertInvalid(() -> PlacementValidator.validate(List.of(), List.of(new PlacementStrategy(
                PlacementStrategyType.BINPACK, null))), "placementStrategy[0].field", "Invalid binpack field");
    }

    @Test
    void place_invalidRequest_throwsBeforeDecidingAnything() {
        PlacementEngine engine = new PlacementEngine(new SplittableRandom(1));
        PlacementRequest r = PlacementRequest.of(1, "g", TaskFootprint.of(1, 1))
                .withStrategies(List.of(PlacementStrategy.binpack("gpu")));
        assertThatThrownBy(() -> engine.place(r)).isInstanceOf(EcsException.class);
        assertThatThrownBy(() -> engine.scaleInOrder("g", List.of(), List.of(PlacementStrategy.spread("x"))))
                .isInstanceOf(EcsException.class);
    }
}
