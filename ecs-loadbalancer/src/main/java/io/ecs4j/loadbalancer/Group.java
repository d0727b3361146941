package io.ecs4j.loadbalancer;

import io.ecs4j.spi.loadbalancer.TargetDescription;
import io.ecs4j.spi.loadbalancer.TargetGroup;
import io.ecs4j.spi.loadbalancer.TargetHealthState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A target group of the {@link HttpLoadBalancer}: its targets and the routing decision. Thread-safe: every method
 * synchronizes on the group (routing, health results and draining of one group are short critical sections).
 */
final class Group {
    final TargetGroup config;
    /** By {@code id:port}, in registration order. */
    private final Map<String, Backend> backends = new LinkedHashMap<>();
    private long next;
    private long noTarget;
    private final Map<io.ecs4j.model.TaskArn, Long> served = new LinkedHashMap<>();

    Group(TargetGroup config) {
        this.config = config;
    }

    synchronized Backend add(Backend b) {
        return backends.putIfAbsent(b.target.key(), b) == null ? b : null;
    }

    synchronized Backend get(String key) {
        return backends.get(key);
    }

    synchronized void remove(Backend b) {
        backends.remove(b.target.key(), b);
    }

    synchronized List<Backend> all() {
        return new ArrayList<>(backends.values());
    }

    /**
     * Picks the target for a new request and counts it in flight: round robin over the healthy targets that are not
     * draining; if every registered target is unhealthy, over all of them (ELB fails open); else none.
     */
    synchronized Backend pick() {
        List<Backend> healthy = new ArrayList<>();
        List<Backend> unhealthy = new ArrayList<>();
        boolean initial = false;
        for (Backend b : backends.values()) {
            switch (b.state) {
                case HEALTHY -> healthy.add(b);
                case UNHEALTHY -> unhealthy.add(b);
                case INITIAL -> initial = true;
                default -> { }
            }
        }
        List<Backend> pool = !healthy.isEmpty() ? healthy : !initial ? unhealthy : List.of();
        if (pool.isEmpty()) {
            noTarget++;
            return null;
        }
        Backend b = pool.get((int) (next++ % pool.size()));
        b.inFlight++;
        b.served++;
        served.merge(b.target.taskArn(), 1L, Long::sum);
        return b;
    }

    /** A request to {@code b} finished; returns whether {@code b} is draining and now idle. */
    synchronized boolean finished(Backend b) {
        b.inFlight--;
        return b.state == TargetHealthState.DRAINING && b.inFlight == 0 && !b.deregistered;
    }

    synchronized Map<io.ecs4j.model.TaskArn, Long> served() {
        return new LinkedHashMap<>(served);
    }

    synchronized long noTarget() {
        return noTarget;
    }

    synchronized List<TargetDescription> describe() {
        List<TargetDescription> out = new ArrayList<>();
        for (Backend b : backends.values()) {
            out.add(new TargetDescription(b.target, b.state, b.state == TargetHealthState.HEALTHY ? null : b.reason));
        }
        return out;
    }
}
