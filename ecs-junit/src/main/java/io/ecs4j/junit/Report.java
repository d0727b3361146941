package io.ecs4j.junit;

import io.ecs4j.LocalEcs;
import io.ecs4j.model.Container;
import io.ecs4j.model.ContainerInstance;
import io.ecs4j.model.Deployment;
import io.ecs4j.model.DesiredStatus;
import io.ecs4j.model.Service;
import io.ecs4j.model.ServiceEvent;
import io.ecs4j.model.Task;
import io.ecs4j.request.ListServicesRequest;
import io.ecs4j.request.ListTasksRequest;
import io.ecs4j.request.Page;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Renders ECS state for failure messages: a service with its deployments and its event timeline (oldest first), its
 * tasks, a container instance. Best effort: rendering never throws.
 */
final class Report {
    static final int MAX_EVENTS = 30;
    static final int MAX_TASKS = 20;
    static final int MAX_SERVICES = 10;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final String INDENT = "  ";

    private Report() {
    }

    static String time(Instant instant) {
        return instant == null ? "-" : TIME.format(instant);
    }

    static String duration(Duration d) {
        return d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }

    /** The service (as a snapshot), its deployments and its events, oldest first. */
    static String service(Service s) {
        StringBuilder out = new StringBuilder();
        out.append("service ").append(s.serviceName()).append(" (cluster ").append(s.clusterArn().clusterName())
                .append("): ").append(s.status()).append(", desired ").append(s.desiredCount()).append(", running ")
                .append(s.runningCount()).append(", pending ").append(s.pendingCount()).append(", task definition ")
                .append(s.taskDefinition() == null ? "-" : s.taskDefinition().familyRevision()).append('\n');
        out.append(INDENT).append("deployments:\n");
        for (Deployment d : s.deployments()) {
            out.append(INDENT).append(INDENT).append(deployment(d)).append('\n');
        }
        List<ServiceEvent> events = s.events();
        out.append(INDENT).append("events (oldest first");
        if (events.size() > MAX_EVENTS) {
            out.append(", the last ").append(MAX_EVENTS).append(" of ").append(events.size());
        }
        out.append("):\n");
        if (events.isEmpty()) {
            out.append(INDENT).append(INDENT).append("(none)\n");
        }
        for (int i = Math.min(events.size(), MAX_EVENTS) - 1; i >= 0; i--) {
            ServiceEvent e = events.get(i);
            out.append(INDENT).append(INDENT).append(time(e.createdAt())).append("  ").append(e.message()).append('\n');
        }
        return out.toString();
    }

    static String deployment(Deployment d) {
        return String.format("%-7s %s  %s  %s%s  desired %d, running %d, pending %d, failed tasks %d", d.status(),
                d.id(), d.taskDefinition().familyRevision(), d.rolloutState() == null ? "-" : d.rolloutState(),
                d.rolloutStateReason() == null ? "" : " (" + d.rolloutStateReason() + ")", d.desiredCount(),
                d.runningCount(), d.pendingCount(), d.failedTasks());
    }

    /** One line per task. */
    static String task(Task t) {
        StringBuilder out = new StringBuilder();
        out.append(t.taskId()).append("  ").append(t.taskDefinitionArn().familyRevision()).append("  ")
                .append(t.lastStatus()).append(" (desired ").append(t.desiredStatus()).append(')');
        if (t.availabilityZone() != null) {
            out.append("  ").append(t.availabilityZone());
        }
        if (t.startedBy() != null) {
            out.append("  startedBy ").append(t.startedBy());
        }
        if (t.stopCode() != null || t.stoppedReason() != null) {
            out.append("  stopped: ").append(t.stopCode()).append(": ").append(t.stoppedReason());
        }
        List<String> containers = new ArrayList<>();
        for (Container c : t.containers()) {
            StringBuilder cs = new StringBuilder(c.name()).append(' ').append(c.lastStatus());
            if (c.exitCode() != null) {
                cs.append(" exit ").append(c.exitCode());
            }
            if (c.reason() != null) {
                cs.append(" (").append(c.reason()).append(')');
            }
            if (c.healthStatus() != null && c.healthStatus().toString() != null
                    && !"UNKNOWN".equals(c.healthStatus().toString())) {
                cs.append(' ').append(c.healthStatus());
            }
            containers.add(cs.toString());
        }
        if (!containers.isEmpty()) {
            out.append("  [").append(String.join("; ", containers)).append(']');
        }
        return out.toString();
    }

    static String instance(ContainerInstance ci) {
        return String.format("container instance %s: %s%s, agent %s, %s, registered CPU %d / memory %d,"
                        + " remaining CPU %d / memory %d, running tasks %d, pending tasks %d", ci.id(), ci.status(),
                ci.statusReason() == null ? "" : " (" + ci.statusReason() + ")",
                ci.agentConnected() ? "connected" : "disconnected", ci.availabilityZone(), ci.registered("CPU"),
                ci.registered("MEMORY"), ci.remaining("CPU"), ci.remaining("MEMORY"), ci.runningTasksCount(),
                ci.pendingTasksCount());
    }

    /** The service as it is now, with its tasks (newest first); or what is known when it does not exist. */
    static String service(LocalEcs ecs, String cluster, String service) {
        try {
            Optional<Service> found = ecs.findService(cluster, service);
            if (found.isEmpty()) {
                return "service " + service + " does not exist in cluster " + cluster + "\n";
            }
            Service s = found.get();
            return service(s) + tasks(ecs, s.clusterArn().clusterName(), "service:" + s.serviceName(),
                    s.serviceName());
        } catch (RuntimeException e) {
            return "(could not describe service " + service + ": " + e + ")\n";
        }
    }

    /** Every service of every cluster (bounded), for failures of general conditions. */
    static String everything(LocalEcs ecs) {
        StringBuilder out = new StringBuilder();
        try {
            int shown = 0;
            for (String clusterArn : ecs.listClusters(null, null).items()) {
                String cluster = clusterArn.substring(clusterArn.lastIndexOf('/') + 1);
                for (String serviceArn : allServices(ecs, cluster)) {
                    if (shown++ == MAX_SERVICES) {
                        out.append("(more services not shown)\n");
                        return out.toString();
                    }
                    out.append(service(ecs, cluster, serviceArn.substring(serviceArn.lastIndexOf('/') + 1)));
                }
            }
            if (shown == 0) {
                out.append("(no service)\n");
            }
        } catch (RuntimeException e) {
            out.append("(could not describe the services: ").append(e).append(")\n");
        }
        return out.toString();
    }

    private static List<String> allServices(LocalEcs ecs, String cluster) {
        List<String> arns = new ArrayList<>();
        String token = null;
        do {
            Page<String> page = ecs.listServices(ListServicesRequest.builder().cluster(cluster).maxResults(100)
                    .nextToken(token).build());
            arns.addAll(page.items());
            token = page.nextToken();
        } while (token != null);
        return arns;
    }

    /** The newest tasks of a service (running ones and stopped ones still retained). */
    private static String tasks(LocalEcs ecs, String cluster, String group, String serviceName) {
        List<Task> tasks = new ArrayList<>();
        for (DesiredStatus status : List.of(DesiredStatus.RUNNING, DesiredStatus.STOPPED)) {
            List<String> ids = ecs.listTasks(ListTasksRequest.builder().cluster(cluster).serviceName(serviceName)
                    .desiredStatus(status).maxResults(100).build()).items();
            if (!ids.isEmpty()) {
                tasks.addAll(ecs.describeTasks(cluster, ids).items());
            }
        }
        tasks.removeIf(t -> !group.equals(t.group()));
        tasks.sort(Comparator.comparing(Task::createdAt, Comparator.nullsFirst(Comparator.naturalOrder())).reversed());
        StringBuilder out = new StringBuilder(INDENT).append("tasks (newest first");
        if (tasks.size() > MAX_TASKS) {
            out.append(", ").append(MAX_TASKS).append(" of ").append(tasks.size());
        }
        out.append("):\n");
        if (tasks.isEmpty()) {
            out.append(INDENT).append(INDENT).append("(none)\n");
        }
        tasks.stream().limit(MAX_TASKS).forEach(t -> out.append(INDENT).append(INDENT).append(task(t)).append('\n'));
        return out.toString();
    }
}
