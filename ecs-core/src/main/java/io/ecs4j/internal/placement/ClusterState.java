package io.ecs4j.internal.placement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The placement state of one cluster: instances in slots (parallel arrays), their reservations, task groups, and the
 * indexes placement reads (attribute buckets with sorted remaining CPU/memory, cached static-expression bitsets).
 * Loop-confined, not thread-safe.
 *
 * <p>Index invariant: every slot whose instance accepts tasks is in every {@link AttributeBuckets}, keyed by its
 * current {@link #cpuKey}/{@link #memoryKey}; so a slot is removed from the indexes before anything its keys depend
 * on changes, and re-added (or re-keyed) after.
 */
final class ClusterState implements QueryContext {
    /** The bucket value of instances that lack the attribute (or have it without a value): they form one bucket. */
    static final String MISSING = "\u0000missing";
    static final int SLOT_BITS = 21;
    static final long SLOT_MASK = (1L << SLOT_BITS) - 1;
    private static final int TIE_BITS = 32 - SLOT_BITS;
    private static final int MAX_STATIC_SETS = 512;

    final RandomGenerator random;
    int capacity = 16;
    int highWater;
    private final IntList freeSlots = new IntList();

    InstanceSnapshot[] snap = new InstanceSnapshot[capacity];
    int[] regCpu = new int[capacity];
    int[] regMem = new int[capacity];
    int[] usedCpu = new int[capacity];
    int[] usedMem = new int[capacity];
    int[] taskCount = new int[capacity];
    int[] tie = new int[capacity];
    long[] seq = new long[capacity];
    boolean[] candidate = new boolean[capacity];
    IntIntMap[] tcp = new IntIntMap[capacity];
    IntIntMap[] udp = new IntIntMap[capacity];
    private long nextSeq;
    int registeredCount;

    final Map<String, Integer> slotById = new HashMap<>();
    final Map<String, GroupState> groups = new HashMap<>();
    final AttributeBuckets all = new AttributeBuckets(null, capacity);
    private final Map<String, AttributeBuckets> spread = new HashMap<>();
    private final List<AttributeBuckets> indexes = new ArrayList<>(List.of(all));
    private final Map<String, StaticSet> staticSets = new HashMap<>();
    /** Bumped when cached static sets are dropped, so compiled requests re-resolve theirs. */
    long staticEpoch;
    private int[] stableOrder;

    ClusterState(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    // ---- keys -------------------------------------------------------------------------------------------------

    long cpuKey(int slot) {
        return key(regCpu[slot] - usedCpu[slot], slot);
    }

    long memoryKey(int slot) {
        return key(regMem[slot] - usedMem[slot], slot);
    }

    /** Orders by remaining amount, then by a random tie key redrawn on every change, then by slot. */
    private long key(int remaining, int slot) {
        return ((long) Math.max(0, remaining) << 32) | ((long) (tie[slot] & ((1 << TIE_BITS) - 1)) << SLOT_BITS) | slot;
    }

    private int nextTie() {
        return random.nextInt() & Integer.MAX_VALUE;
    }

    static int slotOf(long key) {
        return (int) (key & SLOT_MASK);
    }

    static int remainingOf(long key) {
        return (int) (key >>> 32);
    }

    // ---- instances --------------------------------------------------------------------------------------------

    void upsert(InstanceSnapshot s) {
        Integer existing = slotById.get(s.id());
        int slot;
        if (existing == null) {
            slot = allocate();
            slotById.put(s.id(), slot);
            seq[slot] = nextSeq++;
            tie[slot] = nextTie();
            stableOrder = null;
        } else {
            slot = existing;
            InstanceSnapshot old = snap[slot];
            if (candidate[slot]) {
                removeFromIndexes(slot);
            }
            if (!old.attributes().equals(s.attributes()) && taskCount[slot] > 0) {
                for (GroupState gs : groups.values()) {
                    if (gs.hosts(slot)) {
                        gs.moveBuckets(gs.slots.get(slot), old.attributes(), s.attributes());
                    }
                }
            }
            reservePorts(slot, old.reservedTcpPorts(), old.reservedUdpPorts(), -1);
            if (old.isRegistered()) {
                registeredCount--;
            }
        }
        snap[slot] = s;
        regCpu[slot] = s.cpu();
        regMem[slot] = s.memory();
        reservePorts(slot, s.reservedTcpPorts(), s.reservedUdpPorts(), 1);
        if (s.isRegistered()) {
            registeredCount++;
        }
        candidate[slot] = s.acceptsTasks();
        if (candidate[slot]) {
            addToIndexes(slot);
        }
        for (StaticSet set : staticSets.values()) {
            set.set(slot, set.expression.test(this, slot));
        }
    }

    /** Removes the instance and forgets the tasks still on it. */
    void remove(String instanceId, Map<String, TaskRecord> tasks) {
        Integer boxed = slotById.remove(instanceId);
        if (boxed == null) {
            return;
        }
        int slot = boxed;
        tasks.values().removeIf(t -> {
            if (t.slot != slot) {
                return false;
            }
            release(t, -1);
            return true;
        });
        if (candidate[slot]) {
            removeFromIndexes(slot);
        }
        if (snap[slot].isRegistered()) {
            registeredCount--;
        }
        for (StaticSet set : staticSets.values()) {
            set.set(slot, false);
        }
        snap[slot] = null;
        candidate[slot] = false;
        regCpu[slot] = regMem[slot] = usedCpu[slot] = usedMem[slot] = taskCount[slot] = 0;
        tcp[slot] = udp[slot] = null;
        freeSlots.add(slot);
        stableOrder = null;
    }

    private int allocate() {
        if (freeSlots.size() > 0) {
            return freeSlots.removeLast();
        }
        if (highWater == capacity) {
            if (capacity << 1 > (1 << SLOT_BITS)) {
                throw new IllegalStateException("a cluster holds at most " + (1 << SLOT_BITS) + " container instances");
            }
            grow(capacity << 1);
        }
        return highWater++;
    }

    private void grow(int n) {
        capacity = n;
        snap = Arrays.copyOf(snap, n);
        regCpu = Arrays.copyOf(regCpu, n);
        regMem = Arrays.copyOf(regMem, n);
        usedCpu = Arrays.copyOf(usedCpu, n);
        usedMem = Arrays.copyOf(usedMem, n);
        taskCount = Arrays.copyOf(taskCount, n);
        tie = Arrays.copyOf(tie, n);
        seq = Arrays.copyOf(seq, n);
        candidate = Arrays.copyOf(candidate, n);
        tcp = Arrays.copyOf(tcp, n);
        udp = Arrays.copyOf(udp, n);
        for (AttributeBuckets ab : indexes) {
            ab.grow(n);
        }
        for (StaticSet set : staticSets.values()) {
            set.grow(n);
        }
    }

    private void addToIndexes(int slot) {
        for (AttributeBuckets ab : indexes) {
            ab.add(slot, this);
        }
    }

    private void removeFromIndexes(int slot) {
        for (AttributeBuckets ab : indexes) {
            ab.remove(slot, this);
        }
    }

    /** Slots of instances, in registration order (stable across calls). */
    int[] stableOrder() {
        if (stableOrder == null) {
            Integer[] slots = slotById.values().toArray(new Integer[0]);
            Arrays.sort(slots, (a, b) -> Long.compare(seq[a], seq[b]));
            stableOrder = Arrays.stream(slots).mapToInt(Integer::intValue).toArray();
        }
        return stableOrder;
    }

    // ---- reservations -----------------------------------------------------------------------------------------

    /** Reserves {@code t}'s footprint on its slot and counts it in its group (unless it is stopping). */
    void reserve(TaskRecord t) {
        int slot = t.slot;
        boolean indexed = candidate[slot];
        long oldCpu = indexed ? cpuKey(slot) : 0;
        long oldMem = indexed ? memoryKey(slot) : 0;
        usedCpu[slot] += t.footprint.cpu();
        usedMem[slot] += t.footprint.memory();
        reservePorts(slot, t.footprint.tcpPorts(), t.footprint.udpPorts(), 1);
        tie[slot] = nextTie();
        if (indexed) {
            rekey(slot, oldCpu, oldMem);
        }
        if (!t.stopping) {
            count(slot, t.group, 1);
        }
    }

    /**
     * Releases what {@link #reserve} took.
     *
     * @param restoreTie the tie key to restore (undoing a tentative reservation exactly), or -1 to draw a new one
     */
    void release(TaskRecord t, int restoreTie) {
        int slot = t.slot;
        boolean indexed = candidate[slot];
        long oldCpu = indexed ? cpuKey(slot) : 0;
        long oldMem = indexed ? memoryKey(slot) : 0;
        usedCpu[slot] -= t.footprint.cpu();
        usedMem[slot] -= t.footprint.memory();
        reservePorts(slot, t.footprint.tcpPorts(), t.footprint.udpPorts(), -1);
        tie[slot] = restoreTie >= 0 ? restoreTie : nextTie();
        if (indexed) {
            rekey(slot, oldCpu, oldMem);
        }
        if (!t.stopping) {
            count(slot, t.group, -1);
        }
    }

    private void rekey(int slot, long oldCpu, long oldMem) {
        for (AttributeBuckets ab : indexes) {
            ab.rekey(slot, oldCpu, oldMem, this);
        }
    }

    /** Adds {@code delta} counted tasks of {@code group} on {@code slot}. */
    void count(int slot, String group, int delta) {
        taskCount[slot] += delta;
        GroupState gs = groups.get(group);
        if (gs == null) {
            gs = new GroupState(group);
            groups.put(group, gs);
        }
        gs.add(slot, delta, this);
        if (gs.total == 0) {
            groups.remove(group);
        }
    }

    private void reservePorts(int slot, java.util.Set<Integer> tcpPorts, java.util.Set<Integer> udpPorts, int delta) {
        if (!tcpPorts.isEmpty()) {
            if (tcp[slot] == null) {
                tcp[slot] = new IntIntMap();
            }
            for (int p : tcpPorts) {
                tcp[slot].add(p, delta);
            }
        }
        if (!udpPorts.isEmpty()) {
            if (udp[slot] == null) {
                udp[slot] = new IntIntMap();
            }
            for (int p : udpPorts) {
                udp[slot].add(p, delta);
            }
        }
    }

    // ---- lazily built indexes ---------------------------------------------------------------------------------

    /** The instances that accept tasks, bucketed by {@code attribute}; built on first use, maintained after. */
    AttributeBuckets spreadBuckets(String attribute) {
        AttributeBuckets ab = spread.get(attribute);
        if (ab == null) {
            ab = new AttributeBuckets(attribute, capacity);
            for (int slot = 0; slot < highWater; slot++) {
                if (candidate[slot]) {
                    ab.add(slot, this);
                }
            }
            spread.put(attribute, ab);
            indexes.add(ab);
        }
        return ab;
    }

    /**
     * Called before a request resolves its static sets: drops them all when there are too many (bumping
     * {@link #staticEpoch}), so that no set a request holds is dropped while it is being compiled.
     */
    void trimStaticSets() {
        if (staticSets.size() >= MAX_STATIC_SETS) {
            staticSets.clear();
            staticEpoch++;
        }
    }

    /** The cached bitset of a static expression, built on first use. */
    StaticSet staticSet(Expression e) {
        String key = e.canonical();
        StaticSet set = staticSets.get(key);
        if (set == null) {
            set = new StaticSet(e, capacity);
            for (int slot = 0; slot < highWater; slot++) {
                if (snap[slot] != null) {
                    set.set(slot, e.test(this, slot));
                }
            }
            staticSets.put(key, set);
        }
        return set;
    }

    // ---- QueryContext -----------------------------------------------------------------------------------------

    /** The bucket value of {@code slot} for {@code attribute}: its value, or {@link #MISSING}. */
    String bucketValue(int slot, String attribute) {
        return bucketValue(snap[slot].attributes(), attribute);
    }

    static String bucketValue(Map<String, String> attributes, String attribute) {
        String v = attributes.get(attribute);
        return v == null ? MISSING : v;
    }

    @Override
    public boolean hasAttribute(int slot, String name) {
        return snap[slot].attributes().containsKey(name);
    }

    @Override
    public String attribute(int slot, String name) {
        return snap[slot].attributes().get(name);
    }

    @Override
    public String ec2InstanceId(int slot) {
        return snap[slot].ec2InstanceId();
    }

    @Override
    public boolean agentConnected(int slot) {
        return snap[slot].agentConnected();
    }

    @Override
    public String agentVersion(int slot) {
        return snap[slot].agentVersion();
    }

    @Override
    public Instant registeredAt(int slot) {
        return snap[slot].registeredAt();
    }

    @Override
    public int runningTasksCount(int slot) {
        return taskCount[slot];
    }

    @Override
    public boolean runsGroup(int slot, String group) {
        GroupState gs = groups.get(group);
        return gs != null && gs.hosts(slot);
    }

    @Override
    public Iterable<String> groups(int slot) {
        List<String> out = new ArrayList<>();
        for (GroupState gs : groups.values()) {
            if (gs.hosts(slot)) {
                out.add(gs.name);
            }
        }
        return out;
    }

    /** Counted tasks of {@code group} on {@code slot}. */
    int groupCount(int slot, String group) {
        GroupState gs = groups.get(group);
        return gs == null ? 0 : gs.slots.get(slot);
    }
}
