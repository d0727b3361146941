package io.ecs4j.benchmarks.placement;

import io.ecs4j.internal.placement.InstanceSnapshot;
import io.ecs4j.internal.placement.PlacementEngine;
import io.ecs4j.internal.placement.PlacementRequest;
import io.ecs4j.internal.placement.TaskFootprint;
import io.ecs4j.model.ContainerInstanceStatus;
import io.ecs4j.model.PlacementConstraint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Scenario S1/S2 of benchmarking.md, generated from a seed: {@code instances} container instances of 8,192 CPU /
 * 32,768 MiB in 3 AZs and 4 instance types (2 of them {@code m5.*}, so half are eligible), one custom attribute; 100
 * services of {@code 10 × instances / 100} tasks each (10 × instances tasks in all), footprints 60% 128/512, 30%
 * 256/1,024, 9% 512/2,048, 1% 4,096/16,384 by service, all with
 * {@code memberOf(attribute:ecs.instance-type =~ m5.*)}, 10 services also {@code distinctInstance}; tasks arrive in
 * random order. Immutable.
 */
public final class Workload {
    public static final String[] AZS = {"us-east-1a", "us-east-1b", "us-east-1c"};
    public static final String[] TYPES = {"m5.2xlarge", "c5.2xlarge", "m5.4xlarge", "r5.2xlarge"};
    public static final int CPU = 8192;
    public static final int MEMORY = 32768;
    public static final String MEMBER_OF = "attribute:ecs.instance-type =~ m5.*";
    public static final int SERVICES = 100;
    private static final String ARN = "arn:aws:ecs:us-east-1:000000000000:container-instance/bench/";

    public final Chain chain;
    public final InstanceSnapshot[] instances;
    /** Per task, in arrival order. */
    public final String[] taskIds;
    public final int[] taskService;
    public final PlacementRequest[] requests;
    /** Per service. */
    public final boolean[] distinct;
    public final TaskFootprint[] footprints;

    private Workload(Chain chain, InstanceSnapshot[] instances, String[] taskIds, int[] taskService,
                     PlacementRequest[] requests, boolean[] distinct, TaskFootprint[] footprints) {
        this.chain = chain;
        this.instances = instances;
        this.taskIds = taskIds;
        this.taskService = taskService;
        this.requests = requests;
        this.distinct = distinct;
        this.footprints = footprints;
    }

    public int tasks() {
        return taskIds.length;
    }

    public static Workload s1(int instanceCount, long seed, Chain chain) {
        InstanceSnapshot[] instances = new InstanceSnapshot[instanceCount];
        for (int i = 0; i < instanceCount; i++) {
            String id = String.format("ci-%06d", i);
            Map<String, String> attributes = Map.of(
                    "ecs.availability-zone", AZS[i % AZS.length],
                    "ecs.instance-type", TYPES[(i / AZS.length) % TYPES.length],
                    "ecs.os-type", "linux",
                    "stack", i % 2 == 0 ? "prod" : "dev");
            instances[i] = new InstanceSnapshot(id, ARN + id, "i-" + id, ContainerInstanceStatus.ACTIVE, true,
                    "1.70.0", Instant.EPOCH, attributes, CPU, MEMORY, Set.of(22, 2375, 2376, 51678, 51679), Set.of());
        }
        Random random = new Random(seed);
        List<TaskFootprint> mix = new ArrayList<>(SERVICES);
        for (int s = 0; s < SERVICES; s++) {
            mix.add(s < 60 ? TaskFootprint.of(128, 512) : s < 90 ? TaskFootprint.of(256, 1024)
                    : s < 99 ? TaskFootprint.of(512, 2048) : TaskFootprint.of(4096, 16384));
        }
        Collections.shuffle(mix, random);
        List<Integer> order = new ArrayList<>();
        for (int s = 0; s < SERVICES; s++) {
            order.add(s);
        }
        Collections.shuffle(order, random);
        boolean[] distinct = new boolean[SERVICES];
        for (int k = 0; k < SERVICES / 10; k++) {
            distinct[order.get(k)] = true;
        }
        PlacementConstraint memberOf = PlacementConstraint.memberOf(MEMBER_OF);
        List<PlacementConstraint> plain = List.of(memberOf);
        List<PlacementConstraint> withDistinct = List.of(memberOf, PlacementConstraint.distinctInstance());
        PlacementRequest[] perService = new PlacementRequest[SERVICES];
        TaskFootprint[] footprints = mix.toArray(new TaskFootprint[0]);
        for (int s = 0; s < SERVICES; s++) {
            perService[s] = new PlacementRequest(1, "service:svc-" + s, footprints[s],
                    distinct[s] ? withDistinct : plain, chain.strategies(), Set.of());
        }
        int perServiceTasks = Math.max(1, 10 * instanceCount / SERVICES);
        int total = perServiceTasks * SERVICES;
        int[] service = new int[total];
        for (int t = 0; t < total; t++) {
            service[t] = t / perServiceTasks;
        }
        SplittableRandom shuffle = new SplittableRandom(seed * 31 + 7);
        for (int t = total - 1; t > 0; t--) {
            int j = shuffle.nextInt(t + 1);
            int tmp = service[t];
            service[t] = service[j];
            service[j] = tmp;
        }
        String[] ids = new String[total];
        PlacementRequest[] requests = new PlacementRequest[total];
        for (int t = 0; t < total; t++) {
            ids[t] = String.format("task-%07d", t);
            requests[t] = perService[service[t]];
        }
        return new Workload(chain, instances, ids, service, requests, distinct, footprints);
    }

    /** A fresh engine holding every instance and no task. */
    public PlacementEngine newEngine(long seed) {
        PlacementEngine engine = new PlacementEngine(new SplittableRandom(seed));
        for (InstanceSnapshot i : instances) {
            engine.upsertInstance(i);
        }
        return engine;
    }

    /** A fresh naive reference placer holding every instance and no task. */
    public NaivePlacer newNaive(long seed) {
        return new NaivePlacer(instances, new SplittableRandom(seed));
    }

    /** The instance index of an id {@code ci-NNNNNN}. */
    public static int indexOf(String instanceId) {
        return Integer.parseInt(instanceId, 3, instanceId.length(), 10);
    }
}
