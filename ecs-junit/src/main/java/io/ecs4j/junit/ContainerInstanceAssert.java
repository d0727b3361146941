package io.ecs4j.junit;

import io.ecs4j.model.ContainerInstance;
import io.ecs4j.model.ContainerInstanceStatus;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a {@link ContainerInstance}; failure messages show its status and resources. Obtain through
 * {@link EcsAssertions#assertThat(ContainerInstance)}. Not thread-safe.
 */
public final class ContainerInstanceAssert extends AbstractAssert<ContainerInstanceAssert, ContainerInstance> {

    ContainerInstanceAssert(ContainerInstance actual) {
        super(actual, ContainerInstanceAssert.class);
    }

    /** The instance's status. */
    public ContainerInstanceAssert hasStatus(ContainerInstanceStatus expected) {
        isNotNull();
        if (actual.status() != expected) {
            fail("to be " + expected + " but it is " + actual.status());
        }
        return this;
    }

    /** The instance is ACTIVE. */
    public ContainerInstanceAssert isActive() {
        return hasStatus(ContainerInstanceStatus.ACTIVE);
    }

    /** The instance is DRAINING. */
    public ContainerInstanceAssert isDraining() {
        return hasStatus(ContainerInstanceStatus.DRAINING);
    }

    /** The instance's remaining memory, in MiB. */
    public ContainerInstanceAssert hasRemainingMemory(int mib) {
        return resource("remaining memory", actual.remaining("MEMORY"), mib);
    }

    /** The instance's remaining CPU units. */
    public ContainerInstanceAssert hasRemainingCpu(int units) {
        return resource("remaining CPU", actual.remaining("CPU"), units);
    }

    /** The instance's registered memory, in MiB. */
    public ContainerInstanceAssert hasRegisteredMemory(int mib) {
        return resource("registered memory", actual.registered("MEMORY"), mib);
    }

    /** The instance's registered CPU units. */
    public ContainerInstanceAssert hasRegisteredCpu(int units) {
        return resource("registered CPU", actual.registered("CPU"), units);
    }

    /** The instance's {@code runningTasksCount}. */
    public ContainerInstanceAssert hasRunningTasksCount(int expected) {
        return resource("runningTasksCount", actual.runningTasksCount(), expected);
    }

    /** The instance's {@code pendingTasksCount}. */
    public ContainerInstanceAssert hasPendingTasksCount(int expected) {
        return resource("pendingTasksCount", actual.pendingTasksCount(), expected);
    }

    /** The instance is in this availability zone. */
    public ContainerInstanceAssert isInAvailabilityZone(String zone) {
        isNotNull();
        if (!Objects.equals(actual.availabilityZone(), zone)) {
            fail("to be in " + zone + " but it is in " + actual.availabilityZone());
        }
        return this;
    }

    /** The instance has attribute {@code name} with {@code value} (null: an attribute without value). */
    public ContainerInstanceAssert hasAttribute(String name, String value) {
        isNotNull();
        boolean found = actual.attributes().stream()
                .anyMatch(a -> a.name().equals(name) && Objects.equals(a.value(), value));
        if (!found) {
            fail("to have attribute " + name + (value == null ? "" : "=" + value) + " but "
                    + (actual.attribute(name) == null ? "it has no such attribute"
                    : "its value is " + actual.attribute(name)));
        }
        return this;
    }

    /** The instance's agent is connected. */
    public ContainerInstanceAssert isAgentConnected() {
        isNotNull();
        if (!actual.agentConnected()) {
            fail("to have its agent connected but it is disconnected");
        }
        return this;
    }

    private ContainerInstanceAssert resource(String what, int actualValue, int expected) {
        isNotNull();
        if (actualValue != expected) {
            fail("to have " + what + " " + expected + " but it has " + actualValue);
        }
        return this;
    }

    private void fail(String expectation) {
        failWithMessage("%s", "\nExpecting container instance " + actual.id() + " " + expectation + ".\n  "
                + Report.instance(actual));
    }
}
