package io.ecs4j.benchmarks.docker;

import io.ecs4j.LocalEcs;
import io.ecs4j.docker.DockerRuntime;
import io.ecs4j.json.EcsJson;
import io.ecs4j.model.AwsVpcConfiguration;
import io.ecs4j.model.EcsEvent;
import io.ecs4j.model.NetworkConfiguration;
import io.ecs4j.model.Task;
import io.ecs4j.model.TaskStatus;
import io.ecs4j.request.RegisterContainerInstanceRequest;
import io.ecs4j.request.RunTaskRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Side B: tasks through ecs4j — a real-time {@link LocalEcs} on a {@link DockerRuntime}, the Docker host registered
 * as its one container instance. A task's arrival at a status is observed through {@link LocalEcs#subscribe} (pushed
 * from the control loop, no polling), so the measured time ends when ecs4j reports the status.
 */
final class Ecs4jTasks implements AutoCloseable {
    /** The benchmark's task definition: one busybox container that runs until stopped (tini handles SIGTERM). */
    static final String TASK_DEFINITION = """
            {"family": "%s", "networkMode": "%s", "containerDefinitions": [
              {"name": "app", "image": "%s", "memory": 32, "command": ["sleep", "3600"],
               "linuxParameters": {"initProcessEnabled": true}, "stopTimeout": %d}
            ]}""";
    static final int STOP_TIMEOUT_SECONDS = 2;
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    final DockerRuntime runtime;
    final LocalEcs ecs;
    private final Map<String, Map<TaskStatus, CompletableFuture<Task>>> waiters = new ConcurrentHashMap<>();
    private final AutoCloseable subscription;

    Ecs4jTasks(String image, String labelKey, String runId, int runtimeThreads) {
        runtime = DockerRuntime.builder()
                .label(labelKey, runId)
                .networkNamePrefix("ecs4j-bench-" + runId + "-")
                .maxConcurrency(runtimeThreads)
                .stoppedContainerRetention(null)   // the benchmark removes containers itself, outside the timing
                .build();
        ecs = LocalEcs.builder().runtime(runtime).start();
        ecs.registerContainerInstance(RegisterContainerInstanceRequest.builder().availabilityZone("us-east-1a")
                .build());
        ecs.registerTaskDefinition(EcsJson.readTaskDefinition(TASK_DEFINITION.formatted("bench", "bridge", image,
                STOP_TIMEOUT_SECONDS)));
        // the same container in awsvpc mode: ecs4j adds a pause container on a per-cluster network (the sandbox)
        ecs.registerTaskDefinition(EcsJson.readTaskDefinition(TASK_DEFINITION.formatted("bench-vpc", "awsvpc", image,
                STOP_TIMEOUT_SECONDS)));
        subscription = ecs.subscribe(this::onEvent);
    }

    private void onEvent(EcsEvent event) {
        if (event instanceof EcsEvent.TaskStateChange change) {
            Task t = change.task();
            Map<TaskStatus, CompletableFuture<Task>> forTask = waiters.get(t.taskId());
            if (forTask != null) {
                forTask.forEach((status, future) -> {
                    if (t.lastStatus().ordinal() >= status.ordinal()) {
                        future.complete(t);
                    }
                });
            }
        }
    }

    private CompletableFuture<Task> when(String taskId, TaskStatus status) {
        CompletableFuture<Task> f = waiters.computeIfAbsent(taskId, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(status, k -> new CompletableFuture<>());
        // it may have got there before the waiter existed
        ecs.findTask(null, taskId).filter(t -> t.lastStatus().ordinal() >= status.ordinal()).ifPresent(f::complete);
        return f;
    }

    /** RunTask of {@code count} (≤ 10) bridge tasks; returns their ids. */
    List<String> run(int count) {
        return run(count, false);
    }

    /** RunTask of {@code count} (≤ 10) tasks, in awsvpc mode when {@code awsvpc}; returns their ids. */
    List<String> run(int count, boolean awsvpc) {
        var request = RunTaskRequest.builder(null, awsvpc ? "bench-vpc" : "bench").count(count);
        if (awsvpc) {
            request.networkConfiguration(new NetworkConfiguration(new AwsVpcConfiguration(List.of("subnet-local"),
                    List.of(), null)));
        }
        var result = ecs.runTask(request.build());
        if (!result.failures().isEmpty()) {
            throw new IllegalStateException("RunTask failed: " + result.failures());
        }
        List<String> ids = new ArrayList<>();
        result.tasks().forEach(t -> ids.add(t.taskId()));
        ids.forEach(id -> when(id, TaskStatus.RUNNING));   // register before they can get there
        return ids;
    }

    /** Waits until every task in {@code ids} is at least at {@code status}. */
    List<Task> await(List<String> ids, TaskStatus status) {
        List<Task> out = new ArrayList<>(ids.size());
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        for (String id : ids) {
            try {
                out.add(when(id, status).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                throw new IllegalStateException("task " + id + " did not reach " + status + " in " + TIMEOUT + ": "
                        + ecs.findTask(null, id).orElse(null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        return out;
    }

    /** StopTask of each task in {@code ids}; registers the STOPPED waiters first. */
    void stop(List<String> ids) {
        ids.forEach(id -> when(id, TaskStatus.STOPPED));
        for (String id : ids) {
            ecs.stopTask(null, id, "benchmark");
        }
    }

    /** Forgets the waiters of tasks the benchmark is done with. */
    void forget(List<String> ids) {
        ids.forEach(waiters::remove);
    }

    @Override
    public void close() throws Exception {
        subscription.close();
        ecs.close();
        runtime.close();
    }
}
