package io.ecs4j.internal.placement;

import io.ecs4j.model.ContainerInstanceStatus;
import io.ecs4j.model.Failure;
import io.ecs4j.model.PlacementConstraintType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/** TEMPORARY first-fit placement, replaced by the real placement engine. */
public final class PlacementEngine {
    private record Placed(String instanceId, String group, TaskFootprint footprint) {
    }

    private final RandomGenerator random;
    private final Map<String, InstanceSnapshot> instances = new LinkedHashMap<>();
    private final Map<String, Placed> tasks = new HashMap<>();

    public PlacementEngine(RandomGenerator random) {
        this.random = random;
    }

    public void upsertInstance(InstanceSnapshot instance) {
        instances.put(instance.id(), instance);
    }

    public void removeInstance(String instanceId) {
        instances.remove(instanceId);
    }

    public void addTask(String taskId, String instanceId, String group, TaskFootprint footprint) {
        tasks.put(taskId, new Placed(instanceId, group, footprint));
    }

    public void removeTask(String taskId) {
        tasks.remove(taskId);
    }

    public Remaining remaining(String instanceId) {
        InstanceSnapshot i = instances.get(instanceId);
        int cpu = i.cpu();
        int mem = i.memory();
        Set<Integer> tcp = new HashSet<>(i.reservedTcpPorts());
        Set<Integer> udp = new HashSet<>(i.reservedUdpPorts());
        for (Placed p : tasks.values()) {
            if (p.instanceId.equals(instanceId)) {
                cpu -= p.footprint.cpu();
                mem -= p.footprint.memory();
                tcp.addAll(p.footprint.tcpPorts());
                udp.addAll(p.footprint.udpPorts());
            }
        }
        return new Remaining(cpu, mem, tcp, udp);
    }

    public int taskCount(String instanceId) {
        return (int) tasks.values().stream().filter(p -> p.instanceId.equals(instanceId)).count();
    }

    public PlacementOutcome place(PlacementRequest request) {
        if (instances.isEmpty()) {
            return new PlacementOutcome(List.of(), List.of(), true);
        }
        List<String> placed = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        Map<String, Remaining> scratch = new HashMap<>();
        boolean distinct = request.constraints().stream()
                .anyMatch(c -> c.type() == PlacementConstraintType.DISTINCT_INSTANCE);
        for (int n = 0; n < request.count(); n++) {
            List<String> fits = new ArrayList<>();
            String lastArn = null;
            String lastReason = "RESOURCE:CPU";
            for (InstanceSnapshot i : instances.values()) {
                if (i.status() != ContainerInstanceStatus.ACTIVE) {
                    continue;
                }
                lastArn = i.arn();
                if (!i.agentConnected()) {
                    lastReason = "AGENT";
                    continue;
                }
                Remaining r = scratch.computeIfAbsent(i.id(), this::remaining);
                TaskFootprint f = request.footprint();
                if (r.cpu() < f.cpu()) {
                    lastReason = "RESOURCE:CPU";
                } else if (r.memory() < f.memory()) {
                    lastReason = "RESOURCE:MEMORY";
                } else if (f.tcpPorts().stream().anyMatch(r.tcpPorts()::contains)) {
                    lastReason = "RESOURCE:PORTS";
                } else if (f.udpPorts().stream().anyMatch(r.udpPorts()::contains)) {
                    lastReason = "RESOURCE:PORTS_UDP";
                } else if (distinct && (placed.contains(i.id()) || tasks.values().stream()
                        .anyMatch(p -> p.instanceId.equals(i.id()) && p.group.equals(request.group())))) {
                    lastReason = "ATTRIBUTE";
                } else {
                    fits.add(i.id());
                }
            }
            if (fits.isEmpty()) {
                failures.add(new Failure(lastArn, lastReason, null));
                continue;
            }
            String chosen = fits.get(random.nextInt(fits.size()));
            placed.add(chosen);
            Remaining r = scratch.get(chosen);
            Set<Integer> tcp = new HashSet<>(r.tcpPorts());
            tcp.addAll(request.footprint().tcpPorts());
            Set<Integer> udp = new HashSet<>(r.udpPorts());
            udp.addAll(request.footprint().udpPorts());
            scratch.put(chosen, new Remaining(r.cpu() - request.footprint().cpu(),
                    r.memory() - request.footprint().memory(), tcp, udp));
        }
        return new PlacementOutcome(placed, failures, false);
    }

    /** TEMPORARY: why the task cannot go on this instance, or null. */
    public String rejection(String instanceId, TaskFootprint f) {
        InstanceSnapshot i = instances.get(instanceId);
        if (!i.agentConnected()) {
            return "AGENT";
        }
        Remaining r = remaining(instanceId);
        if (r.cpu() < f.cpu()) {
            return "RESOURCE:CPU";
        }
        if (r.memory() < f.memory()) {
            return "RESOURCE:MEMORY";
        }
        if (f.tcpPorts().stream().anyMatch(r.tcpPorts()::contains)) {
            return "RESOURCE:PORTS";
        }
        if (f.udpPorts().stream().anyMatch(r.udpPorts()::contains)) {
            return "RESOURCE:PORTS_UDP";
        }
        return null;
    }

    /** The tasks of {@code group} on {@code instanceId}. */
    public int groupTaskCount(String instanceId, String group) {
        int n = 0;
        for (Placed p : tasks.values()) {
            if (p.instanceId.equals(instanceId) && p.group.equals(group)) {
                n++;
            }
        }
        return n;
    }

    /**
     * TEMPORARY (the real engine applies the strategies): {@code candidateTaskIds} in scale-in order with ECS's default
     * - the task in the zone with the most tasks of the group, then on the instance with the most.
     */
    public List<String> scaleInOrder(String group, List<String> candidateTaskIds,
                                     List<io.ecs4j.model.PlacementStrategy> strategies) {
        Map<String, Integer> perInstance = new HashMap<>();
        Map<String, Integer> perZone = new HashMap<>();
        for (Placed p : tasks.values()) {
            if (p.group.equals(group)) {
                perInstance.merge(p.instanceId, 1, Integer::sum);
                perZone.merge(zone(p.instanceId), 1, Integer::sum);
            }
        }
        List<String> left = new ArrayList<>(candidateTaskIds);
        List<String> out = new ArrayList<>(left.size());
        while (!left.isEmpty()) {
            int best = 0;
            long bestScore = Long.MIN_VALUE;
            for (int i = 0; i < left.size(); i++) {
                Placed p = tasks.get(left.get(i));
                long score = p == null ? Long.MAX_VALUE
                        : (long) perZone.getOrDefault(zone(p.instanceId), 0) * 1_000_000L
                        + perInstance.getOrDefault(p.instanceId, 0);
                if (score > bestScore) {
                    bestScore = score;
                    best = i;
                }
            }
            String id = left.remove(best);
            Placed p = tasks.get(id);
            if (p != null) {
                perInstance.merge(p.instanceId, -1, Integer::sum);
                perZone.merge(zone(p.instanceId), -1, Integer::sum);
            }
            out.add(id);
        }
        return out;
    }

    private String zone(String instanceId) {
        InstanceSnapshot i = instances.get(instanceId);
        return i == null ? "" : String.valueOf(i.attributes().get("ecs.availability-zone"));
    }

    /** TEMPORARY: no query language yet. */
    public List<String> filterInstances(String expression) {
        return new ArrayList<>(instances.keySet());
    }
}
