package io.ecs4j.internal.engine;

import io.ecs4j.internal.reconcile.TargetsHealth;
import io.ecs4j.model.LoadBalancer;
import io.ecs4j.model.NetworkBinding;
import io.ecs4j.model.TransportProtocol;
import io.ecs4j.spi.loadbalancer.Target;
import io.ecs4j.spi.loadbalancer.TargetEvent;
import io.ecs4j.spi.loadbalancer.TargetHealthState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service task's load balancer targets: registered when the task reaches RUNNING, their health as the load balancer
 * reports it, and their deregistration (draining) before the task's containers are stopped. Loop-confined.
 */
final class TaskTargets {

    /** One target in one target group. */
    static final class Slot {
        final String targetGroupArn;
        /** Null when the container publishes no binding for the port (then the slot is unhealthy at once). */
        final Target target;
        TargetHealthState health = TargetHealthState.INITIAL;
        boolean drained;

        Slot(String targetGroupArn, Target target) {
            this.targetGroupArn = targetGroupArn;
            this.target = target;
        }
    }

    private final List<Slot> slots = new ArrayList<>();
    private boolean registered;
    private boolean deregistering;

    /** Whether targets were registered and not yet deregistered. */
    boolean registered() {
        return registered && !deregistering;
    }

    boolean deregistering() {
        return deregistering;
    }

    /**
     * Makes the targets of a RUNNING task.
     *
     * @param bindings   per container name, its network bindings
     * @param instanceId the EC2 instance id for instance targets, or null for IP targets (awsvpc)
     */
    void build(List<LoadBalancer> loadBalancers, io.ecs4j.model.TaskArn taskArn,
               Map<String, List<NetworkBinding>> bindings, String instanceId) {
        for (LoadBalancer lb : loadBalancers) {
            if (lb.targetGroupArn() == null || lb.containerPort() == null) {
                continue;
            }
            Target target = null;
            for (NetworkBinding b : bindings.getOrDefault(lb.containerName(), List.of())) {
                if (b.containerPort() == lb.containerPort() && b.protocol() == TransportProtocol.TCP) {
                    String host = b.bindIp().equals("0.0.0.0") ? "127.0.0.1" : b.bindIp();
                    target = new Target(instanceId != null ? instanceId : host, host, b.hostPort(), taskArn,
                            lb.containerName());
                    break;
                }
            }
            Slot slot = new Slot(lb.targetGroupArn(), target);
            if (target == null) {
                slot.health = TargetHealthState.UNHEALTHY;
            }
            slots.add(slot);
        }
        registered = true;
    }

    /** The targets to register or deregister, per target group (slots without target left out). */
    Map<String, List<Target>> byTargetGroup() {
        Map<String, List<Target>> out = new LinkedHashMap<>();
        for (Slot s : slots) {
            if (s.target != null) {
                out.computeIfAbsent(s.targetGroupArn, k -> new ArrayList<>()).add(s.target);
            }
        }
        return out;
    }

    List<Slot> slots() {
        return slots;
    }

    /** Marks the deregistration started; slots without target count as drained. */
    void startDeregistration() {
        deregistering = true;
        for (Slot s : slots) {
            if (s.target == null) {
                s.drained = true;
            }
        }
    }

    /** Stop waiting for the targets to drain. */
    void forgetDraining() {
        for (Slot s : slots) {
            s.drained = true;
        }
    }

    boolean allDrained() {
        for (Slot s : slots) {
            if (!s.drained) {
                return false;
            }
        }
        return true;
    }

    /** The slot an event is about, or null. */
    Slot slot(TargetEvent event) {
        for (Slot s : slots) {
            if (s.target != null && s.targetGroupArn.equals(event.targetGroupArn()) && s.target.sameTarget(
                    event.target())) {
                return s;
            }
        }
        return null;
    }

    /** The targets' health taken together. */
    TargetsHealth health() {
        if (!registered) {
            return TargetsHealth.INITIAL;
        }
        boolean allHealthy = true;
        for (Slot s : slots) {
            if (s.health == TargetHealthState.UNHEALTHY) {
                return TargetsHealth.UNHEALTHY;
            }
            allHealthy &= s.health == TargetHealthState.HEALTHY;
        }
        return allHealthy ? TargetsHealth.HEALTHY : TargetsHealth.INITIAL;
    }

    /** The first target group in which a target is unhealthy, or null. */
    String unhealthyTargetGroup() {
        for (Slot s : slots) {
            if (s.health == TargetHealthState.UNHEALTHY) {
                return s.targetGroupArn;
            }
        }
        return null;
    }
}
