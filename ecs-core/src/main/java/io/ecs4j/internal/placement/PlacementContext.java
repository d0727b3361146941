package io.ecs4j.internal.placement;

import java.util.Set;

/**
 * One placement decision in progress: the request's footprint and compiled constraints against the cluster state.
 * The filters live here, in pipeline order ({@link Rejection}). Loop-confined; the engine reuses one for
 * {@code place} so that the hot path allocates nothing here.
 */
final class PlacementContext {
    private static final int[] NO_PORTS = new int[0];

    final ClusterState s;
    CompiledRequest c;
    String group;
    int cpu;
    int memory;
    int[] tcp;
    int[] udp;
    /** The group's counted tasks, or null when it has none; refreshed after every tentative placement. */
    GroupState gs;

    PlacementContext(ClusterState s) {
        this.s = s;
    }

    /** Points this (reusable) context at a new decision. */
    PlacementContext reset(CompiledRequest compiled, String taskGroup, TaskFootprint footprint) {
        this.c = compiled;
        this.group = taskGroup;
        this.cpu = footprint.cpu();
        this.memory = footprint.memory();
        this.tcp = ports(footprint.tcpPorts());
        this.udp = ports(footprint.udpPorts());
        this.gs = s.groups.get(taskGroup);
        return this;
    }

    void refreshGroup() {
        gs = s.groups.get(group);
    }

    int groupCount(int slot) {
        return gs == null ? 0 : gs.slots.get(slot);
    }

    /** Whether the instance in {@code slot} passes every filter; the hot path, allocation-free. */
    boolean feasible(int slot) {
        ClusterState st = s;
        if (!st.candidate[slot] || (c.distinct && gs != null && gs.hosts(slot))) {
            return false;
        }
        for (StaticSet m : c.member) {
            if (!m.test(slot)) {
                return false;
            }
        }
        for (StaticSet r : c.required) {
            if (!r.test(slot)) {
                return false;
            }
        }
        if (st.regMem[slot] - st.usedMem[slot] < memory || st.regCpu[slot] - st.usedCpu[slot] < cpu) {
            return false;
        }
        if (portConflict(st.tcp[slot], tcp) >= 0 || portConflict(st.udp[slot], udp) >= 0) {
            return false;
        }
        for (Expression d : c.dynamic) {
            if (!d.test(st, slot)) {
                return false;
            }
        }
        return true;
    }

    /** The first filter that rejects {@code slot}, in pipeline order, or null when it passes them all. */
    Rejection rejection(int slot) {
        ClusterState st = s;
        InstanceSnapshot i = st.snap[slot];
        if (i.status() != io.ecs4j.model.ContainerInstanceStatus.ACTIVE) {
            return Rejection.INACTIVE;
        }
        if (!i.agentConnected()) {
            return Rejection.AGENT;
        }
        for (StaticSet r : c.required) {
            if (!r.test(slot)) {
                return Rejection.ATTRIBUTE;
            }
        }
        if (st.regCpu[slot] - st.usedCpu[slot] < cpu) {
            return Rejection.RESOURCE_CPU;
        }
        if (st.regMem[slot] - st.usedMem[slot] < memory) {
            return Rejection.RESOURCE_MEMORY;
        }
        if (portConflict(st.tcp[slot], tcp) >= 0) {
            return Rejection.RESOURCE_PORTS;
        }
        if (portConflict(st.udp[slot], udp) >= 0) {
            return Rejection.RESOURCE_PORTS_UDP;
        }
        for (StaticSet m : c.member) {
            if (!m.test(slot)) {
                return Rejection.MEMBER_OF;
            }
        }
        for (Expression d : c.dynamic) {
            if (!d.test(st, slot)) {
                return Rejection.MEMBER_OF;
            }
        }
        if (c.distinct && groupCount(slot) > 0) {
            return Rejection.DISTINCT_INSTANCE;
        }
        return null;
    }

    /** A human-readable reason for {@code rejection} of {@code slot}, for explanations. */
    String detail(int slot, Rejection rejection) {
        ClusterState st = s;
        switch (rejection) {
            case INACTIVE:
                return "container instance status is " + st.snap[slot].status();
            case AGENT:
                return "the agent is disconnected";
            case ATTRIBUTE:
                for (int k = 0; k < c.required.length; k++) {
                    if (!c.required[k].test(slot)) {
                        return "missing required attribute " + c.requiredNames[k];
                    }
                }
                return "missing a required attribute";
            case RESOURCE_CPU:
                return "needs " + cpu + " CPU units, " + (st.regCpu[slot] - st.usedCpu[slot]) + " remaining";
            case RESOURCE_MEMORY:
                return "needs " + memory + " MiB, " + (st.regMem[slot] - st.usedMem[slot]) + " remaining";
            case RESOURCE_PORTS:
                return "TCP host port " + portConflict(st.tcp[slot], tcp) + " is already reserved";
            case RESOURCE_PORTS_UDP:
                return "UDP host port " + portConflict(st.udp[slot], udp) + " is already reserved";
            case MEMBER_OF:
                for (StaticSet m : c.member) {
                    if (!m.test(slot)) {
                        return "expression is false: " + m.expression.canonical();
                    }
                }
                for (Expression d : c.dynamic) {
                    if (!d.test(st, slot)) {
                        return "expression is false: " + d.canonical();
                    }
                }
                return "a memberOf expression is false";
            case DISTINCT_INSTANCE:
                return "already runs a task of group " + group;
            default:
                throw new IllegalStateException("bug: unknown rejection " + rejection);
        }
    }

    /** The first of {@code wanted} already reserved in {@code reserved}, or -1. */
    private static int portConflict(IntIntMap reserved, int[] wanted) {
        if (reserved == null || wanted.length == 0) {
            return -1;
        }
        for (int p : wanted) {
            if (reserved.get(p) > 0) {
                return p;
            }
        }
        return -1;
    }

    private static int[] ports(Set<Integer> ports) {
        if (ports.isEmpty()) {
            return NO_PORTS;
        }
        return ports.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
