package io.ecs4j.internal.engine;

import io.ecs4j.model.TaskStatus;
import io.ecs4j.spi.runtime.ContainerRuntime;
import io.ecs4j.time.Cancellable;
import java.time.Clock;
import java.time.Duration;

/**
 * What a {@link TaskRun} needs from its cluster. Implemented by {@link ClusterContext}; every method is called on the
 * cluster's loop.
 */
interface TaskHost {
    Clock clock();

    EngineConfig config();

    ContainerRuntime runtime();

    /** {@code taskDefinition}'s ARN as a string, made once per revision (every launch spec carries it). */
    String taskDefinitionArn(io.ecs4j.model.TaskDefinition taskDefinition);

    /** Runs {@code action} on the cluster's loop after {@code delay}. */
    Cancellable schedule(Duration delay, Runnable action);

    /** The task changed; publish it at the end of the current command. */
    void changed(TaskRun task);

    /** The task moved from one {@code lastStatus} to another. */
    void statusChanged(TaskRun task, TaskStatus from, TaskStatus to);

    /** The container instance with this id, or null (also for a null id). */
    InstanceState instance(String instanceId);

    /** The task's desired status became STOPPED: it no longer counts as a task of its group for placement. */
    void stopping(TaskRun task);

    /** The task reached STOPPED: release what it held. */
    void stopped(TaskRun task);

    /** The load balancing backend, or null when none is configured. */
    io.ecs4j.spi.loadbalancer.LoadBalancing loadBalancing();

    /** The task registered {@code count} targets in a target group (for the service's events). */
    void targetsRegistered(TaskRun task, String targetGroupArn, int count);

    /** The task deregistered {@code count} targets; {@code draining}: it waits for them to drain. */
    void targetsDeregistered(TaskRun task, String targetGroupArn, int count, boolean draining);

    /** A target of the task turned unhealthy. */
    void targetUnhealthy(TaskRun task, io.ecs4j.spi.loadbalancer.Target target, String targetGroupArn, String reason);
}
