package io.ecs4j.junit;

import io.ecs4j.model.Deployment;
import io.ecs4j.model.DeploymentStatus;
import io.ecs4j.model.RolloutState;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a {@link Deployment} of a service. Obtain through {@link EcsAssertions#assertThat(Deployment)}
 * or {@link ServiceAssert#primaryDeployment()}. Not thread-safe.
 */
public final class DeploymentAssert extends AbstractAssert<DeploymentAssert, Deployment> {

    DeploymentAssert(Deployment actual) {
        super(actual, DeploymentAssert.class);
    }

    /** The deployment's {@code rolloutState} (IN_PROGRESS, COMPLETED, FAILED). */
    public DeploymentAssert hasRolloutState(RolloutState expected) {
        isNotNull();
        if (actual.rolloutState() != expected) {
            fail("to be " + expected + " but it is " + actual.rolloutState());
        }
        return this;
    }

    /** The deployment's {@code rolloutStateReason} contains {@code text}. */
    public DeploymentAssert hasRolloutStateReasonContaining(String text) {
        isNotNull();
        Objects.requireNonNull(text, "text");
        if (actual.rolloutStateReason() == null || !actual.rolloutStateReason().contains(text)) {
            fail("to have a rolloutStateReason containing \"" + text + "\" but it is "
                    + (actual.rolloutStateReason() == null ? "null" : "\"" + actual.rolloutStateReason() + "\""));
        }
        return this;
    }

    /** The deployment's status (PRIMARY, ACTIVE, INACTIVE). */
    public DeploymentAssert hasStatus(DeploymentStatus expected) {
        isNotNull();
        if (actual.status() != expected) {
            fail("to be " + expected + " but it is " + actual.status());
        }
        return this;
    }

    /** The deployment is the service's PRIMARY one. */
    public DeploymentAssert isPrimary() {
        return hasStatus(DeploymentStatus.PRIMARY);
    }

    /** The deployment's task definition: a full ARN, {@code family:revision}, or a family (any revision). */
    public DeploymentAssert hasTaskDefinition(String reference) {
        isNotNull();
        Objects.requireNonNull(reference, "reference");
        if (!EcsAssertions.matches(actual.taskDefinition(), reference)) {
            fail("to have task definition " + reference + " but it has " + actual.taskDefinition().familyRevision());
        }
        return this;
    }

    /** The deployment's {@code runningCount}. */
    public DeploymentAssert hasRunningCount(int expected) {
        isNotNull();
        if (actual.runningCount() != expected) {
            fail("to have runningCount " + expected + " but it is " + actual.runningCount());
        }
        return this;
    }

    /** The deployment's {@code desiredCount}. */
    public DeploymentAssert hasDesiredCount(int expected) {
        isNotNull();
        if (actual.desiredCount() != expected) {
            fail("to have desiredCount " + expected + " but it is " + actual.desiredCount());
        }
        return this;
    }

    /** The deployment's {@code pendingCount}. */
    public DeploymentAssert hasPendingCount(int expected) {
        isNotNull();
        if (actual.pendingCount() != expected) {
            fail("to have pendingCount " + expected + " but it is " + actual.pendingCount());
        }
        return this;
    }

    /** The deployment's {@code failedTasks} (what its circuit breaker counts). */
    public DeploymentAssert hasFailedTasks(int expected) {
        isNotNull();
        if (actual.failedTasks() != expected) {
            fail("to have failedTasks " + expected + " but it is " + actual.failedTasks());
        }
        return this;
    }

    private void fail(String expectation) {
        failWithMessage("%s", "\nExpecting deployment " + actual.id() + " " + expectation + ".\n  "
                + Report.deployment(actual));
    }
}
