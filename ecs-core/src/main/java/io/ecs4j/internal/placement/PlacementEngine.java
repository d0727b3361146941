package io.ecs4j.internal.placement;

import io.ecs4j.model.Failure;
import io.ecs4j.model.PlacementConstraint;
import io.ecs4j.model.PlacementStrategy;
import io.ecs4j.request.PlacementCandidate;
import io.ecs4j.request.PlacementExplanation;
import io.ecs4j.request.PlacementPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The placement state of one cluster (instances, their reservations, indexes) and the ECS task placement pipeline:
 * filters (status, agent, required attributes, CPU, memory, host ports), binding constraints ({@code memberOf},
 * {@code distinctInstance}), then best-effort strategies ({@code spread}, {@code binpack}, {@code random}), remaining
 * ties broken with the injected random source.
 *
 * <p>{@link #place} decides without changing any reservation; the caller commits each placed task with
 * {@link #addTask}. A plan is therefore {@code place} without commit. Within one call, tasks placed earlier count for
 * the later ones (resources, ports, distinctInstance, spread counts). Calls consume randomness, so equal calls in a
 * row may break ties differently; with the same seed and the same calls, results are identical.
 *
 * <p>Failures name the closest-matching instance: the one that got furthest through the pipeline in {@link Rejection}
 * order, the earliest registered among equals; its rejection gives the reason.
 *
 * <p>Not thread-safe: confined to the cluster's control loop.
 */
public final class PlacementEngine {
    private static final int COMPILE_CACHE_SIZE = 256;
    private static final int RECENT = 8;

    private final ClusterState state;
    private final Selector selector;
    private final QueryLanguage language = new QueryLanguage();
    private final Map<String, TaskRecord> tasks = new HashMap<>();
    private final Map<CompileKey, CompiledRequest> compiled = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<CompileKey, CompiledRequest> eldest) {
            return size() > COMPILE_CACHE_SIZE;
        }
    };

    /** Compiled requests by the identity of their lists: callers reuse them, and this lookup allocates nothing. */
    private final Object[][] recentKeys = new Object[RECENT][];
    private final CompiledRequest[] recent = new CompiledRequest[RECENT];
    private int recentNext;
    private final PlacementContext hot;

    /** An empty cluster whose random choices come from {@code random} (seed it for reproducible placement). */
    public PlacementEngine(RandomGenerator random) {
        this.state = new ClusterState(random);
        this.selector = new Selector(state);
        this.hot = new PlacementContext(state);
    }

    /** Adds an instance, or updates its status, agent, attributes, resources or reserved ports. */
    public void upsertInstance(InstanceSnapshot instance) {
        state.upsert(Objects.requireNonNull(instance, "instance"));
    }

    /** Removes an instance (deregistered) and forgets any task still recorded on it. Unknown ids are ignored. */
    public void removeInstance(String instanceId) {
        state.remove(instanceId, tasks);
    }

    /**
     * Reserves a task's resources on an instance: a placed task being committed, or an adopted one. Capacity is not
     * checked here (adopted tasks are what they are).
     *
     * @throws IllegalArgumentException when the task id is already recorded or the instance is unknown
     */
    public void addTask(String taskId, String instanceId, String group, TaskFootprint footprint) {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(footprint, "footprint");
        if (tasks.containsKey(taskId)) {
            throw new IllegalArgumentException("task " + taskId + " is already placed");
        }
        TaskRecord t = new TaskRecord(taskId, slot(instanceId), group, footprint);
        tasks.put(taskId, t);
        state.reserve(t);
    }

    /** Releases a task's resources (the task is STOPPED). Unknown ids are ignored. */
    public void removeTask(String taskId) {
        TaskRecord t = tasks.remove(taskId);
        if (t != null) {
            state.release(t, -1);
        }
    }

    /**
     * The task's desired status became STOPPED: it keeps its resources until {@link #removeTask}, but no longer counts
     * as a task of its group (distinctInstance, spread, {@code task:group}, {@code runningTasksCount}), as in ECS.
     * Unknown ids and repeated calls are ignored.
     */
    public void markTaskStopping(String taskId) {
        TaskRecord t = tasks.get(taskId);
        if (t != null && !t.stopping) {
            state.count(t.slot, t.group, -1);
            t.stopping = true;
        }
    }

    /**
     * Decides where the request's tasks go, without changing any reservation.
     *
     * @throws io.ecs4j.EcsException {@code InvalidParameterException} for invalid constraints or strategies (see
     *                               {@link PlacementValidator})
     */
    public PlacementOutcome place(PlacementRequest request) {
        PlacementContext ctx = hot.reset(compile(request), request.group(), request.footprint());
        if (state.registeredCount == 0) {
            return new PlacementOutcome(List.of(), List.of(), true);
        }
        int count = request.count();
        if (count == 1) {
            int slot = selector.choose(ctx);
            return slot < 0 ? new PlacementOutcome(List.of(), List.of(closestFailure(ctx)), false)
                    : new PlacementOutcome(List.of(state.snap[slot].id()), List.of(), false);
        }
        List<String> ids = new ArrayList<>(count);
        List<Failure> failures = List.of();
        TaskRecord[] tentative = count > 1 ? new TaskRecord[count - 1] : null;
        int[] ties = count > 1 ? new int[count - 1] : null;
        int reserved = 0;
        try {
            for (int i = 0; i < count; i++) {
                int slot = selector.choose(ctx);
                if (slot < 0) {
                    Failure f = closestFailure(ctx);
                    failures = new ArrayList<>(count - i);
                    for (int k = i; k < count; k++) {
                        failures.add(f);
                    }
                    break;
                }
                ids.add(state.snap[slot].id());
                if (i < count - 1) {
                    TaskRecord t = new TaskRecord(null, slot, request.group(), request.footprint());
                    ties[reserved] = state.tie[slot];
                    tentative[reserved++] = t;
                    state.reserve(t);
                    ctx.refreshGroup();
                }
            }
        } finally {
            for (int k = reserved - 1; k >= 0; k--) {
                state.release(tentative[k], ties[k]);
            }
        }
        return new PlacementOutcome(ids, failures, false);
    }

    /** {@link #place} with container instance ARNs, as the public API reports a dry run. */
    public PlacementPlan plan(PlacementRequest request) {
        PlacementOutcome outcome = place(request);
        if (outcome.noInstances()) {
            throw PlacementOutcome.noContainerInstances();
        }
        List<String> arns = new ArrayList<>(outcome.instanceIds().size());
        for (String id : outcome.instanceIds()) {
            arns.add(state.snap[slot(id)].arn());
        }
        return new PlacementPlan(arns, outcome.failures());
    }

    /** Explains the decision for the request's next task (its count is ignored), without changing anything. */
    public PlacementExplanation explain(PlacementRequest request) {
        PlacementContext ctx = new PlacementContext(state).reset(compile(request), request.group(), request.footprint());
        Strategy[] chain = ctx.c.chain;
        int chosen = selector.choose(ctx);
        int[] order = state.stableOrder();
        long[][] scores = new long[order.length][];
        Rejection[] rejections = new Rejection[order.length];
        for (int k = 0; k < order.length; k++) {
            rejections[k] = ctx.rejection(order[k]);
            if (rejections[k] == null) {
                scores[k] = new long[chain.length];
                for (int j = 0; j < chain.length; j++) {
                    scores[k][j] = Selector.score(ctx, chain[j], order[k]);
                }
            }
        }
        long[][] distinct = Arrays.stream(scores).filter(Objects::nonNull).distinct()
                .sorted(Arrays::compare).toArray(long[][]::new);
        List<PlacementCandidate> candidates = new ArrayList<>(order.length);
        for (int k = 0; k < order.length; k++) {
            String arn = state.snap[order[k]].arn();
            if (rejections[k] != null) {
                candidates.add(new PlacementCandidate(arn, rejections[k].reason(), ctx.detail(order[k], rejections[k]),
                        List.of(), 0));
            } else {
                long[] sc = scores[k];
                int rank = 1 + (int) Arrays.stream(distinct).filter(d -> Arrays.compare(d, sc) < 0).count();
                candidates.add(new PlacementCandidate(arn, null, null, Arrays.stream(sc).boxed().toList(), rank));
            }
        }
        return new PlacementExplanation(request.constraints(), applied(chain), candidates,
                chosen < 0 ? null : state.snap[chosen].arn(), chosen < 0 ? closestFailure(ctx) : null);
    }

    /** What is left on an instance, reserved ports included. */
    public Remaining remaining(String instanceId) {
        int slot = slot(instanceId);
        return new Remaining(state.regCpu[slot] - state.usedCpu[slot], state.regMem[slot] - state.usedMem[slot],
                ports(state.tcp[slot]), ports(state.udp[slot]));
    }

    /** Counted tasks on an instance (placed and not stopping). */
    public int taskCount(String instanceId) {
        return state.taskCount[slot(instanceId)];
    }

    /** Counted tasks of {@code group} on an instance. */
    public int groupTaskCount(String instanceId, String group) {
        return state.groupCount(slot(instanceId), group);
    }

    /** Whether the instance is known. */
    public boolean hasInstance(String instanceId) {
        return state.slotById.containsKey(instanceId);
    }

    /**
     * The ids of the instances (any status) that satisfy a cluster query language expression, in registration order;
     * the ListContainerInstances {@code filter}.
     *
     * @throws io.ecs4j.EcsException {@code InvalidParameterException} naming {@code filter} when it is malformed
     */
    public List<String> filterInstances(String expression) {
        Expression e = language.parseCached(expression, "filter");
        List<String> out = new ArrayList<>();
        for (int slot : state.stableOrder()) {
            if (e.test(state, slot)) {
                out.add(state.snap[slot].id());
            }
        }
        return out;
    }

    /**
     * Orders the candidate tasks of {@code group} (a service's tasks that may be stopped, protected ones excluded by
     * the caller) so that stopping them from the front keeps to the strategies (see {@link ScaleIn}); with no
     * strategies, ECS's default (the AZ, then the instance, with the most tasks of the group). Unknown task ids come
     * first, in the given order.
     *
     * @throws io.ecs4j.EcsException {@code InvalidParameterException} for invalid strategies
     */
    public List<String> scaleInOrder(String group, List<String> candidateTaskIds, List<PlacementStrategy> strategies) {
        Objects.requireNonNull(group, "group");
        List<PlacementStrategy> effective = strategies == null || strategies.isEmpty() ? PlacementDefaults.SERVICE
                : strategies;
        Strategy[] chain = CompiledRequest.normalise(PlacementValidator.validateStrategies(effective));
        return ScaleIn.order(state, tasks, group, candidateTaskIds, chain);
    }

    private CompiledRequest compile(PlacementRequest request) {
        for (int i = 0; i < RECENT; i++) {
            Object[] k = recentKeys[i];
            if (k != null && k[0] == request.constraints() && k[1] == request.strategies()
                    && k[2] == request.requiredAttributes() && recent[i].epoch == state.staticEpoch) {
                return recent[i];
            }
        }
        CompileKey key = new CompileKey(request.constraints(), request.strategies(), request.requiredAttributes());
        CompiledRequest c = compiled.get(key);
        if (c == null || c.epoch != state.staticEpoch) {
            c = CompiledRequest.compile(request.constraints(), request.strategies(), request.requiredAttributes(),
                    state, language);
            compiled.put(key, c);
        }
        recentKeys[recentNext] = new Object[] {request.constraints(), request.strategies(), request.requiredAttributes()};
        recent[recentNext] = c;
        recentNext = (recentNext + 1) % RECENT;
        return c;
    }

    private Failure closestFailure(PlacementContext ctx) {
        int bestSlot = -1;
        int bestStage = -1;
        Rejection bestRejection = null;
        for (int slot : state.stableOrder()) {
            Rejection r = ctx.rejection(slot);
            int stage = r == null ? Rejection.values().length : r.ordinal();
            if (stage > bestStage) {
                bestStage = stage;
                bestSlot = slot;
                bestRejection = r;
            }
        }
        if (bestRejection == null) {
            throw new IllegalStateException("bug: no instance chosen although " + state.snap[bestSlot].id() + " fits");
        }
        return new Failure(state.snap[bestSlot].arn(), bestRejection.reason(), null);
    }

    private int slot(String instanceId) {
        Integer slot = state.slotById.get(instanceId);
        if (slot == null) {
            throw new IllegalArgumentException("unknown container instance " + instanceId);
        }
        return slot;
    }

    private static Set<Integer> ports(IntIntMap reserved) {
        if (reserved == null) {
            return Set.of();
        }
        Set<Integer> out = new HashSet<>();
        for (int p : reserved.keys()) {
            out.add(p);
        }
        return out;
    }

    private static List<PlacementStrategy> applied(Strategy[] chain) {
        if (chain.length == 0) {
            return List.of(PlacementStrategy.random());
        }
        List<PlacementStrategy> out = new ArrayList<>(chain.length);
        for (Strategy s : chain) {
            switch (s.kind()) {
                case SPREAD_INSTANCE -> out.add(PlacementStrategy.spread("instanceId"));
                case SPREAD_ATTRIBUTE -> out.add(PlacementStrategy.spread("attribute:" + s.attribute()));
                case BINPACK_CPU -> out.add(PlacementStrategy.binpack("cpu"));
                case BINPACK_MEMORY -> out.add(PlacementStrategy.binpack("memory"));
                default -> out.add(PlacementStrategy.random());
            }
        }
        return out;
    }

    private record CompileKey(List<PlacementConstraint> constraints, List<PlacementStrategy> strategies,
                              Set<String> requiredAttributes) {
    }
}
