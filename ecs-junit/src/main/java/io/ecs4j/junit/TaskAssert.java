package io.ecs4j.junit;

import io.ecs4j.model.Container;
import io.ecs4j.model.DesiredStatus;
import io.ecs4j.model.HealthStatus;
import io.ecs4j.model.Task;
import io.ecs4j.model.TaskStatus;
import io.ecs4j.model.TaskStopCode;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a {@link Task}; failure messages show its status, stop code and reason, and its containers'
 * statuses and exit codes. Obtain through {@link EcsAssertions#assertThat(Task)}. Not thread-safe.
 */
public final class TaskAssert extends AbstractAssert<TaskAssert, Task> {

    TaskAssert(Task actual) {
        super(actual, TaskAssert.class);
    }

    /** The task's {@code lastStatus}. */
    public TaskAssert hasLastStatus(TaskStatus expected) {
        isNotNull();
        if (actual.lastStatus() != expected) {
            fail("to be " + expected + " but it is " + actual.lastStatus());
        }
        return this;
    }

    /** The task is RUNNING. */
    public TaskAssert isRunning() {
        return hasLastStatus(TaskStatus.RUNNING);
    }

    /** The task is STOPPED. */
    public TaskAssert isStopped() {
        return hasLastStatus(TaskStatus.STOPPED);
    }

    /** The task was stopped (it is stopping or STOPPED) with this {@code stopCode}. */
    public TaskAssert stoppedWith(TaskStopCode expected) {
        isNotNull();
        if (actual.desiredStatus() != DesiredStatus.STOPPED || actual.stopCode() != expected) {
            fail("to have been stopped with " + expected + " but "
                    + (actual.desiredStatus() != DesiredStatus.STOPPED ? "it was not stopped"
                    : "it was stopped with " + actual.stopCode() + ": " + actual.stoppedReason()));
        }
        return this;
    }

    /** The task's {@code stoppedReason} contains {@code text}. */
    public TaskAssert hasStoppedReasonContaining(String text) {
        isNotNull();
        Objects.requireNonNull(text, "text");
        if (actual.stoppedReason() == null || !actual.stoppedReason().contains(text)) {
            fail("to have a stoppedReason containing \"" + text + "\" but it is "
                    + (actual.stoppedReason() == null ? "null" : "\"" + actual.stoppedReason() + "\""));
        }
        return this;
    }

    /** The container called {@code container} exited with {@code exitCode}. */
    public TaskAssert hasContainerExitCode(String container, int exitCode) {
        isNotNull();
        Container c = actual.container(container);
        if (c == null) {
            fail("to have a container " + container + " but it has none by that name");
        } else if (c.exitCode() == null || c.exitCode() != exitCode) {
            fail("to have container " + container + " exit with " + exitCode + " but its exit code is "
                    + c.exitCode());
        }
        return this;
    }

    /** The task's task definition: a full ARN, {@code family:revision}, or a family (any revision). */
    public TaskAssert hasTaskDefinition(String reference) {
        isNotNull();
        Objects.requireNonNull(reference, "reference");
        if (!EcsAssertions.matches(actual.taskDefinitionArn(), reference)) {
            fail("to have task definition " + reference + " but it has "
                    + actual.taskDefinitionArn().familyRevision());
        }
        return this;
    }

    /** The task runs in this availability zone. */
    public TaskAssert isInAvailabilityZone(String zone) {
        isNotNull();
        if (!Objects.equals(actual.availabilityZone(), zone)) {
            fail("to be in " + zone + " but it is in " + actual.availabilityZone());
        }
        return this;
    }

    /** The task's health status (from its essential containers' health checks). */
    public TaskAssert hasHealthStatus(HealthStatus expected) {
        isNotNull();
        if (actual.healthStatus() != expected) {
            fail("to be " + expected + " but it is " + actual.healthStatus());
        }
        return this;
    }

    /** The task's {@code startedBy} (a deployment id for service tasks). */
    public TaskAssert hasStartedBy(String expected) {
        isNotNull();
        if (!Objects.equals(actual.startedBy(), expected)) {
            fail("to have been started by " + expected + " but it was started by " + actual.startedBy());
        }
        return this;
    }

    private void fail(String expectation) {
        failWithMessage("%s", "\nExpecting task " + actual.taskId() + " " + expectation + ".\n  task "
                + Report.task(actual));
    }
}
