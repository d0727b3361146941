package io.ecs4j.internal.engine;

import io.ecs4j.internal.placement.TaskFootprint;
import io.ecs4j.model.ContainerDefinition;
import io.ecs4j.model.ContainerInstanceArn;
import io.ecs4j.model.TaskArn;
import io.ecs4j.model.TaskDefinition;
import io.ecs4j.request.AdoptionReport;
import io.ecs4j.spi.runtime.DiscoveredContainer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Re-adoption after a restart: rebuilds tasks from the containers a runtime discovers, using the labels the control
 * plane wrote when it launched them ({@link TaskMetadata}). Tasks keep their ARNs; their cluster, container instance
 * and task definition revision are recreated when this process does not have them yet. Containers that cannot be tied
 * to a task of this region and account are stopped: ecs4j never leaves containers it cannot account for running.
 */
final class Adoption {
    /** The logger, made on first use: System.getLogger bootstraps the JDK's logging (tens of ms at a cold start). */
    private static final class Log {
        static final System.Logger LOG = System.getLogger(Adoption.class.getName());
    }

    private final DefaultLocalEcs ecs;
    private final InstanceOperations instances;

    Adoption(DefaultLocalEcs ecs, InstanceOperations instances) {
        this.ecs = ecs;
        this.instances = instances;
    }

    AdoptionReport adopt(List<DiscoveredContainer> found) {
        if (found.isEmpty()) {
            return AdoptionReport.empty();
        }
        Map<TaskArn, List<DiscoveredContainer>> byTask = new LinkedHashMap<>();
        for (DiscoveredContainer c : found) {
            byTask.computeIfAbsent(c.handle().taskArn(), k -> new ArrayList<>()).add(c);
        }
        List<String> adopted = new ArrayList<>();
        List<String> orphans = new ArrayList<>();
        for (Map.Entry<TaskArn, List<DiscoveredContainer>> entry : byTask.entrySet()) {
            TaskArn arn = entry.getKey();
            List<DiscoveredContainer> containers = entry.getValue();
            Map<String, String> labels = containers.get(0).labels();
            TaskDefinition td;
            TaskMetadata.Facts facts;
            try {
                td = TaskMetadata.taskDefinition(labels);
                facts = TaskMetadata.facts(labels);
            } catch (RuntimeException e) {
                td = null;
                facts = null;
            }
            if (td == null || facts == null || arn.clusterName() == null
                    || !arn.region().equals(ecs.config().region()) || !arn.accountId().equals(ecs.config().accountId())
                    || td.taskDefinitionArn() == null || !td.taskDefinitionArn().region().equals(arn.region())) {
                for (DiscoveredContainer c : containers) {
                    if (c.running()) {
                        ecs.runtime().stop(c.handle(), ecs.config().defaultStopTimeout());
                    }
                    orphans.add(c.runtimeId());
                }
                Log.LOG.log(System.Logger.Level.WARNING, "stopped {0} container(s) of task {1}: it cannot be re-adopted"
                        + " (missing ecs4j metadata, or another region or account)", containers.size(), arn);
                continue;
            }
            TaskDefinition stored = ecs.registry().adopt(td);
            ClusterContext cluster = ecs.ensureCluster(arn.clusterName());
            TaskMetadata.Facts f = facts;
            boolean taken = cluster.call(() -> adoptTask(cluster, arn, stored, f, containers, labels));
            if (taken) {
                adopted.add(arn.toString());
            }
        }
        return new AdoptionReport(adopted, orphans);
    }

    private boolean adoptTask(ClusterContext cluster, TaskArn arn, TaskDefinition td, TaskMetadata.Facts f,
                              List<DiscoveredContainer> containers, Map<String, String> labels) {
        if (cluster.tasks.containsKey(arn.taskId())) {
            return false;
        }
        ecs.ids().reserve(arn.taskId());
        if (f.startedBy() != null && f.startedBy().startsWith("ecs-svc/")) {
            ecs.ids().reserve(f.startedBy().substring("ecs-svc/".length()));
        }
        if (f.containerInstanceArn() != null) {
            ecs.ids().reserve(ContainerInstanceArn.parse(f.containerInstanceArn()).id());
        }
        InstanceState instance = null;
        if (f.containerInstanceArn() != null) {
            String id = ContainerInstanceArn.parse(f.containerInstanceArn()).id();
            instance = cluster.instances.get(id);
            if (instance == null) {
                var host = ecs.runtime().hostResources();
                int cpu = f.instanceCpu() != null ? f.instanceCpu()
                        : host.map(h -> h.cpuUnits()).orElse(InstanceDefaults.CPU);
                int memory = f.instanceMemory() != null ? f.instanceMemory()
                        : host.map(h -> h.memoryMiB()).orElse(InstanceDefaults.MEMORY);
                String zone = f.availabilityZone() != null ? f.availabilityZone() : ecs.config().region() + "a";
                instance = instances.create(cluster, id, f.ec2InstanceId() != null ? f.ec2InstanceId()
                                : ecs.ids().ec2InstanceId(), InstanceOperations.defaultVersionInfo(), cpu, memory,
                        Set.of(22, 2375, 2376, 51678, 51679), Set.of(), zone,
                        f.instanceType() != null ? f.instanceType() : InstanceDefaults.INSTANCE_TYPE, List.of(),
                        List.of());
            }
        }
        List<ContainerDefinition> effective = LaunchSpecs.applyOverrides(td, f.overrides());
        TaskFootprint footprint = TaskOperations.footprint(td, effective, f.cpu(), f.memory());
        TaskFacts facts = new TaskFacts(arn, cluster.arn, td, f.overrides(), instance == null ? null : instance.id(),
                instance == null ? null : instance.arn, f.availabilityZone(), f.launchType(),
                f.group() != null ? f.group() : "family:" + td.family(), f.startedBy(), f.cpu(), f.memory(), footprint,
                f.networkConfiguration(), List.of(), false, f.platformVersion(), f.networkAliases(),
                f.createdAt() != null ? f.createdAt() : cluster.clock().instant(), cluster.taskSequence++,
                List.of());
        TaskRun task = new TaskRun(facts, effective, cluster, ecs.ids());
        Map<String, DiscoveredContainer> byName = new LinkedHashMap<>();
        containers.forEach(c -> byName.put(c.handle().containerName(), c));
        cluster.added(task);
        task.adopt(byName, labels);
        task.evaluate();
        return true;
    }
}
