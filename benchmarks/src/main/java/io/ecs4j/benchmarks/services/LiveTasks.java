package io.ecs4j.benchmarks.services;

import io.ecs4j.model.DesiredStatus;
import io.ecs4j.model.EcsEvent;
import io.ecs4j.model.Task;
import io.ecs4j.model.TaskStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/** The RUNNING tasks of one task group, kept from the published events, for picking a random victim in O(1). */
final class LiveTasks implements Consumer<EcsEvent> {
    private final String group;
    private final List<String> ids = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();

    LiveTasks(String group) {
        this.group = group;
    }

    @Override
    public void accept(EcsEvent event) {
        if (!(event instanceof EcsEvent.TaskStateChange change) || !group.equals(change.task().group())) {
            return;
        }
        Task t = change.task();
        boolean live = t.lastStatus() == TaskStatus.RUNNING && t.desiredStatus() == DesiredStatus.RUNNING;
        Integer at = index.get(t.taskId());
        if (live && at == null) {
            index.put(t.taskId(), ids.size());
            ids.add(t.taskId());
        } else if (!live && at != null) {
            String last = ids.remove(ids.size() - 1);
            if (!last.equals(t.taskId())) {
                ids.set(at, last);
                index.put(last, at);
            }
            index.remove(t.taskId());
        }
    }

    int size() {
        return ids.size();
    }

    String pick(SplittableRandom random) {
        return ids.get(random.nextInt(ids.size()));
    }
}
