package io.ecs4j.internal.engine;

import io.ecs4j.EcsErrorCode;
import io.ecs4j.EcsException;
import io.ecs4j.internal.util.ArnParts;
import io.ecs4j.model.ClusterStatus;
import io.ecs4j.model.Tag;
import io.ecs4j.model.TaskDefinitionArn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * TagResource, UntagResource and ListTagsForResource for clusters, services, tasks, container instances and task
 * definitions, named by their long-format ARN.
 */
final class ResourceTags {
    private static final int MAX_TAGS = 50;

    private final DefaultLocalEcs ecs;

    ResourceTags(DefaultLocalEcs ecs) {
        this.ecs = ecs;
    }

    List<Tag> list(String resourceArn) {
        return access(resourceArn).get.get();
    }

    void tag(String resourceArn, List<Tag> tags) {
        if (tags == null || tags.isEmpty()) {
            throw EcsException.invalidParameter("tags", "Tags cannot be empty.");
        }
        Tags.validate(tags, "tags");
        TaskDefinitionArn td = taskDefinition(resourceArn);
        if (td != null) {
            ecs.registry().tag(td, tags);
            return;
        }
        Access access = access(resourceArn);
        access.write(current -> {
            Map<String, Tag> merged = new LinkedHashMap<>();
            current.forEach(t -> merged.put(t.key(), t));
            tags.forEach(t -> merged.put(t.key(), t));
            if (merged.size() > MAX_TAGS) {
                throw new EcsException(EcsErrorCode.LIMIT_EXCEEDED, "A resource can have at most " + MAX_TAGS
                        + " tags; this request would give it " + merged.size() + ".", "tags");
            }
            return new ArrayList<>(merged.values());
        });
    }

    void untag(String resourceArn, List<String> keys) {
        if (keys == null || keys.isEmpty()) {
            throw EcsException.invalidParameter("tagKeys", "tagKeys cannot be empty.");
        }
        for (int i = 0; i < keys.size(); i++) {
            String k = keys.get(i);
            if (k == null || k.isEmpty() || k.length() > 128) {
                throw EcsException.invalidParameter("tagKeys[" + i + "]", "Tag keys must be 1-128 characters.");
            }
        }
        TaskDefinitionArn td = taskDefinition(resourceArn);
        if (td != null) {
            ecs.registry().untag(td, keys);
            return;
        }
        access(resourceArn).write(current -> current.stream().filter(t -> !keys.contains(t.key())).toList());
    }

    /** How to read and replace the tags of one resource; replacing happens on the owning loop. */
    private record Access(Supplier<List<Tag>> get, Consumer<java.util.function.UnaryOperator<List<Tag>>> update) {
        void write(java.util.function.UnaryOperator<List<Tag>> change) {
            update.accept(change);
        }
    }

    private Access access(String resourceArn) {
        if (resourceArn == null || !ArnParts.isArn(resourceArn)) {
            throw EcsException.invalidParameter("resourceArn", "resourceArn must be the ARN of a cluster, service,"
                    + " task, container instance or task definition.");
        }
        String type = resourceArn.substring(resourceArn.lastIndexOf(':', resourceArn.indexOf('/') < 0
                ? resourceArn.length() : resourceArn.indexOf('/')) + 1).split("/")[0];
        switch (type) {
            case "task-definition" -> {
                TaskDefinitionArn arn = TaskDefinitionArn.parse(resourceArn);
                requireTaskDefinition(arn, resourceArn);
                return new Access(() -> ecs.registry().tags(arn), change -> {
                    throw new IllegalStateException("bug: task definition tags change through the registry");
                });
            }
            case "cluster" -> {
                ClusterContext c = ecs.cluster(ArnParts.parse(resourceArn, "cluster", "resourceArn").path().get(0));
                return new Access(() -> c.view().tags(), change -> c.call(() -> {
                    if (c.status == ClusterStatus.INACTIVE) {
                        throw EcsException.clusterInactive();
                    }
                    c.tags = List.copyOf(change.apply(c.tags));
                    c.clusterChanged();
                    return null;
                }));
            }
            case "service", "task", "container-instance" -> {
                List<String> path = ArnParts.parse(resourceArn, type, "resourceArn").path();
                if (path.size() != 2) {
                    throw EcsException.invalidParameter("resourceArn", "Long arn format must be used for tagging"
                            + " operations");
                }
                ClusterContext c = ecs.cluster(path.get(0));
                String id = path.get(1);
                return switch (type) {
                    case "service" -> new Access(() -> c.call(() -> notFound(c.services.scheduler.tags(id), resourceArn)),
                            change -> c.call(() -> {
                                c.services.scheduler.setTags(id, change.apply(notFound(
                                        c.services.scheduler.tags(id), resourceArn)));
                                return null;
                            }));
                    case "task" -> new Access(() -> c.call(() -> notFound(task(c, id), resourceArn).tags),
                            change -> c.call(() -> {
                                TaskRun t = notFound(task(c, id), resourceArn);
                                t.tags = List.copyOf(change.apply(t.tags));
                                c.changed(t);
                                return null;
                            }));
                    default -> new Access(() -> c.call(() -> notFound(c.instances.get(id), resourceArn).tags),
                            change -> c.call(() -> {
                                InstanceState i = notFound(c.instances.get(id), resourceArn);
                                i.tags = List.copyOf(change.apply(i.tags));
                                c.instanceChanged(id);
                                return null;
                            }));
                };
            }
            default -> throw EcsException.invalidParameter("resourceArn", "Tagging is not supported for resource type '"
                    + type + "'.");
        }
    }

    /** The task definition ARN {@code resourceArn} names (checked to exist), or null for other resources. */
    private TaskDefinitionArn taskDefinition(String resourceArn) {
        if (resourceArn == null || !resourceArn.contains(":task-definition/")) {
            return null;
        }
        TaskDefinitionArn arn = TaskDefinitionArn.parse(resourceArn);
        requireTaskDefinition(arn, resourceArn);
        return arn;
    }

    private static TaskRun task(ClusterContext c, String id) {
        TaskRun t = c.tasks.get(id);
        return t == null || t.isStopped() ? null : t;
    }

    private void requireTaskDefinition(TaskDefinitionArn arn, String resourceArn) {
        if (ecs.registry().find(arn) == null) {
            throw new EcsException(EcsErrorCode.RESOURCE_NOT_FOUND, "The specified resource is not found: "
                    + resourceArn + ".", "resourceArn");
        }
    }

    private static <T> T notFound(T value, String resourceArn) {
        if (value == null) {
            throw new EcsException(EcsErrorCode.RESOURCE_NOT_FOUND, "The specified resource is not found: "
                    + resourceArn + ".", "resourceArn");
        }
        return value;
    }
}
