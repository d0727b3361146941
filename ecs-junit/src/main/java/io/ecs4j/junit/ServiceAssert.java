package io.ecs4j.junit;

import io.ecs4j.model.Deployment;
import io.ecs4j.model.RolloutState;
import io.ecs4j.model.Service;
import io.ecs4j.model.ServiceEvent;
import io.ecs4j.model.ServiceStatus;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a {@link Service}; failure messages show the service with its deployments and event timeline.
 * Obtain through {@link EcsAssertions#assertThat(Service)}. Not thread-safe (like every AssertJ assertion).
 */
public final class ServiceAssert extends AbstractAssert<ServiceAssert, Service> {

    ServiceAssert(Service actual) {
        super(actual, ServiceAssert.class);
    }

    /** The service has this {@code runningCount}. */
    public ServiceAssert hasRunningCount(int expected) {
        isNotNull();
        if (actual.runningCount() != expected) {
            fail("to have runningCount " + expected + " but it is " + actual.runningCount());
        }
        return this;
    }

    /** The service has this {@code desiredCount}. */
    public ServiceAssert hasDesiredCount(int expected) {
        isNotNull();
        if (actual.desiredCount() != expected) {
            fail("to have desiredCount " + expected + " but it is " + actual.desiredCount());
        }
        return this;
    }

    /** The service has this {@code pendingCount}. */
    public ServiceAssert hasPendingCount(int expected) {
        isNotNull();
        if (actual.pendingCount() != expected) {
            fail("to have pendingCount " + expected + " but it is " + actual.pendingCount());
        }
        return this;
    }

    /** The service has this status (ACTIVE, DRAINING, INACTIVE). */
    public ServiceAssert hasStatus(ServiceStatus expected) {
        isNotNull();
        if (actual.status() != expected) {
            fail("to be " + expected + " but it is " + actual.status());
        }
        return this;
    }

    /** The service is ACTIVE. */
    public ServiceAssert isActive() {
        return hasStatus(ServiceStatus.ACTIVE);
    }

    /**
     * The service is in a steady state: ACTIVE, one deployment whose rollout is COMPLETED, and as many running tasks as
     * desired (what ECS's {@code services-stable} waiter waits for, plus the rollout state).
     */
    public ServiceAssert isSteady() {
        isNotNull();
        String why = null;
        Deployment primary = actual.primaryDeployment();
        if (actual.status() != ServiceStatus.ACTIVE) {
            why = "it is " + actual.status();
        } else if (actual.deployments().size() != 1) {
            why = "it has " + actual.deployments().size() + " deployments";
        } else if (actual.runningCount() != actual.desiredCount()) {
            why = "it runs " + actual.runningCount() + " of " + actual.desiredCount() + " desired tasks";
        } else if (primary != null && primary.rolloutState() != null
                && primary.rolloutState() != RolloutState.COMPLETED) {
            why = "its deployment " + primary.id() + " is " + primary.rolloutState();
        }
        if (why != null) {
            fail("to be in a steady state but " + why);
        }
        return this;
    }

    /** The service is not in a steady state. */
    public ServiceAssert isNotSteady() {
        isNotNull();
        Deployment primary = actual.primaryDeployment();
        if (actual.isStable() && (primary == null || primary.rolloutState() == null
                || primary.rolloutState() == RolloutState.COMPLETED)) {
            fail("not to be in a steady state but it is");
        }
        return this;
    }

    /**
     * The service's task definition is {@code reference}: a full ARN, {@code family:revision}, or a family (any
     * revision).
     */
    public ServiceAssert hasTaskDefinition(String reference) {
        isNotNull();
        Objects.requireNonNull(reference, "reference");
        if (!EcsAssertions.matches(actual.taskDefinition(), reference)) {
            fail("to have task definition " + reference + " but it has "
                    + (actual.taskDefinition() == null ? "none" : actual.taskDefinition().familyRevision()));
        }
        return this;
    }

    /** The service has this many deployments (PRIMARY and ACTIVE ones). */
    public ServiceAssert hasDeploymentCount(int expected) {
        isNotNull();
        if (actual.deployments().size() != expected) {
            fail("to have " + expected + " deployments but it has " + actual.deployments().size());
        }
        return this;
    }

    /** The PRIMARY deployment has this rollout state. */
    public ServiceAssert hasRolloutState(RolloutState expected) {
        isNotNull();
        Deployment primary = actual.primaryDeployment();
        if (primary == null || primary.rolloutState() != expected) {
            fail("to have its PRIMARY deployment " + expected + " but it is "
                    + (primary == null ? "missing" : primary.rolloutState() + (primary.rolloutStateReason() == null
                    ? "" : " (" + primary.rolloutStateReason() + ")")));
        }
        return this;
    }

    /** One of the service's events contains {@code text}. */
    public ServiceAssert hasEventContaining(String text) {
        isNotNull();
        Objects.requireNonNull(text, "text");
        for (ServiceEvent e : actual.events()) {
            if (e.message().contains(text)) {
                return this;
            }
        }
        fail("to have an event containing \"" + text + "\" but none does");
        return this;
    }

    /** None of the service's events contains {@code text}. */
    public ServiceAssert hasNoEventContaining(String text) {
        isNotNull();
        Objects.requireNonNull(text, "text");
        for (ServiceEvent e : actual.events()) {
            if (e.message().contains(text)) {
                fail("to have no event containing \"" + text + "\" but this one does: " + e.message());
            }
        }
        return this;
    }

    /** Assertions on the PRIMARY deployment. */
    public DeploymentAssert primaryDeployment() {
        isNotNull();
        Deployment primary = actual.primaryDeployment();
        if (primary == null) {
            fail("to have a PRIMARY deployment but it has none");
        }
        return new DeploymentAssert(primary);
    }

    private void fail(String expectation) {
        failWithMessage("%s", "\nExpecting service " + actual.serviceName() + " (cluster "
                + actual.clusterArn().clusterName() + ") " + expectation + ".\n" + Report.service(actual));
    }
}
