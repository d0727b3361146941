package io.ecs4j.internal.taskdef;

import io.ecs4j.EcsErrorCode;
import io.ecs4j.EcsException;
import io.ecs4j.internal.util.ArnParts;
import io.ecs4j.internal.util.Pagination;
import io.ecs4j.model.Failure;
import io.ecs4j.model.Tag;
import io.ecs4j.model.TaskDefinition;
import io.ecs4j.model.TaskDefinitionArn;
import io.ecs4j.model.TaskDefinitionRef;
import io.ecs4j.model.TaskDefinitionStatus;
import io.ecs4j.request.DeleteTaskDefinitionsResult;
import io.ecs4j.request.FamilyStatus;
import io.ecs4j.request.ListTaskDefinitionFamiliesRequest;
import io.ecs4j.request.ListTaskDefinitionsRequest;
import io.ecs4j.request.Page;
import io.ecs4j.request.SortOrder;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The account-wide task definition registry of one region: RegisterTaskDefinition, DeregisterTaskDefinition,
 * DescribeTaskDefinition, ListTaskDefinitions, ListTaskDefinitionFamilies, DeleteTaskDefinitions and task-definition
 * tagging, with ECS semantics (ecs-semantics §2.1, §2.2).
 *
 * <p>Thread-safe: writers serialise on a lock and publish a new immutable snapshot; readers never lock. Every method
 * that throws {@link EcsException} has changed nothing. Timestamps come from the injected clock, truncated to
 * milliseconds as ECS reports them.
 */
public final class TaskDefinitionRegistry {
    /** ECS's cap on revisions per family; deregistered and deleted revisions count. */
    static final int MAX_REVISIONS = 1_000_000;
    private static final int MAX_DELETE_BATCH = 10;

    private final String region;
    private final String accountId;
    private final Clock clock;
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile Snapshot snapshot = new Snapshot(Collections.emptyNavigableMap());
    /** How many revisions are DELETE_IN_PROGRESS (written under the write lock). */
    private volatile int deletionsInProgress;

    /** One family: the highest revision ever assigned (never reused) and the revisions still stored. */
    private record Family(int lastRevision, NavigableMap<Integer, TaskDefinition> revisions) {
    }

    /** Families by name, in name order. Never mutated once published. */
    private record Snapshot(NavigableMap<String, Family> families) {
        TaskDefinition get(String family, int revision) {
            Family f = families.get(family);
            return f == null ? null : f.revisions().get(revision);
        }
    }

    /**
     * @param region    the region of the ARNs it issues, for example {@code us-east-1}
     * @param accountId the 12-digit account id of the ARNs it issues
     * @param clock     the source of {@code registeredAt} / {@code deregisteredAt}
     */
    public TaskDefinitionRegistry(String region, String accountId, Clock clock) {
        this.region = Objects.requireNonNull(region, "region");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * RegisterTaskDefinition: validates {@code input}, normalises it and stores it as the family's next revision
     * (highest ever + 1), ACTIVE. Output-only members of {@code input} are ignored; its tags are kept.
     *
     * @param registeredBy the caller's principal ARN, or null
     * @throws EcsException the first rule {@code input} breaks; {@code LimitExceededException} past 1,000,000
     *                      revisions
     */
    public TaskDefinition register(TaskDefinition input, String registeredBy) {
        Objects.requireNonNull(input, "input");
        TaskDefinitionValidator.validate(input);
        TaskDefinition normalized = TaskDefinitionNormalizer.normalize(input);
        writeLock.lock();
        try {
            Snapshot current = snapshot;
            Family family = current.families().get(input.family());
            int revision = family == null ? 1 : family.lastRevision() + 1;
            if (revision > MAX_REVISIONS) {
                throw new EcsException(EcsErrorCode.LIMIT_EXCEEDED, "The family '" + input.family()
                        + "' has reached the limit of " + MAX_REVISIONS + " revisions.", "family");
            }
            TaskDefinition registered = normalized.toBuilder()
                    .revision(revision)
                    .taskDefinitionArn(new TaskDefinitionArn(region, accountId, input.family(), revision))
                    .status(TaskDefinitionStatus.ACTIVE)
                    .registeredAt(clock.instant().truncatedTo(ChronoUnit.MILLIS))
                    .registeredBy(registeredBy)
                    .deregisteredAt(null)
                    .build();
            NavigableMap<Integer, TaskDefinition> revisions =
                    family == null ? new TreeMap<>() : new TreeMap<>(family.revisions());
            revisions.put(revision, registered);
            publish(current, input.family(), new Family(revision, Collections.unmodifiableNavigableMap(revisions)));
            return registered;
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Takes back a registered revision found on a running container after a restart (re-adoption): stored as it is,
     * with its ARN, revision and status, unless this registry already has that revision. The family's revision counter
     * moves past it, so revisions are never reused.
     *
     * @return the stored revision (the existing one when already present)
     * @throws IllegalArgumentException when {@code registered} has no ARN or belongs to another region or account
     */
    public TaskDefinition adopt(TaskDefinition registered) {
        TaskDefinitionArn arn = Objects.requireNonNull(registered.taskDefinitionArn(), "taskDefinitionArn");
        if (!arn.region().equals(region) || !arn.accountId().equals(accountId)) {
            throw new IllegalArgumentException("task definition " + arn + " is not of " + region + "/" + accountId);
        }
        writeLock.lock();
        try {
            Snapshot current = snapshot;
            TaskDefinition existing = current.get(arn.family(), arn.revision());
            if (existing != null) {
                return existing;
            }
            Family family = current.families().get(arn.family());
            NavigableMap<Integer, TaskDefinition> revisions =
                    family == null ? new TreeMap<>() : new TreeMap<>(family.revisions());
            TaskDefinition stored = registered.toBuilder().revision(arn.revision())
                    .status(registered.status() == null ? TaskDefinitionStatus.ACTIVE : registered.status()).build();
            revisions.put(arn.revision(), stored);
            int last = Math.max(family == null ? 0 : family.lastRevision(), arn.revision());
            publish(current, arn.family(), new Family(last, Collections.unmodifiableNavigableMap(revisions)));
            if (stored.status() == TaskDefinitionStatus.DELETE_IN_PROGRESS) {
                deletionsInProgress++;
            }
            return stored;
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * DeregisterTaskDefinition: marks a revision INACTIVE with {@code deregisteredAt}. Deregistering an INACTIVE (or
     * DELETE_IN_PROGRESS) revision returns it unchanged.
     *
     * @param ref {@code family:revision} or an ARN; a bare family is rejected
     * @throws EcsException {@code ClientException} for a bare family or an unknown revision
     */
    public TaskDefinition deregister(String ref) {
        TaskDefinitionRef parsed = parse(ref);
        if (parsed.revision() == null) {
            throw EcsException.client("taskDefinition", "Revision is missing.");
        }
        writeLock.lock();
        try {
            Snapshot current = snapshot;
            TaskDefinition td = current.get(parsed.family(), parsed.revision());
            if (td == null || !ownArn(ref)) {
                throw EcsException.client("taskDefinition", "The specified task definition does not exist.");
            }
            if (td.status() != TaskDefinitionStatus.ACTIVE) {
                return td;
            }
            TaskDefinition inactive = td.toBuilder()
                    .status(TaskDefinitionStatus.INACTIVE)
                    .deregisteredAt(clock.instant().truncatedTo(ChronoUnit.MILLIS))
                    .build();
            replace(current, inactive);
            return inactive;
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * DescribeTaskDefinition: a bare family means its latest ACTIVE revision; an explicit revision is found in any
     * status.
     *
     * @throws EcsException {@code ClientException: Unable to describe task definition.} when there is none
     */
    public TaskDefinition describe(String ref) {
        TaskDefinition td = lookup(ref);
        if (td == null) {
            throw EcsException.client("taskDefinition", "Unable to describe task definition.");
        }
        return td;
    }

    /**
     * The definition RunTask, StartTask or CreateService/UpdateService launch: it must exist and be ACTIVE.
     *
     * @throws EcsException {@code ClientException: TaskDefinition not found.} when missing;
     *                      {@code InvalidParameterException: TaskDefinition is inactive} when INACTIVE or
     *                      DELETE_IN_PROGRESS
     */
    public TaskDefinition resolveForLaunch(String ref) {
        TaskDefinition td = lookup(ref);
        if (td == null) {
            throw EcsException.client("taskDefinition", "TaskDefinition not found.");
        }
        if (td.status() != TaskDefinitionStatus.ACTIVE) {
            throw EcsException.invalidParameter("taskDefinition", "TaskDefinition is inactive");
        }
        return td;
    }

    /** The revision {@code arn} names, in any status, or null when this registry has none (for running tasks). */
    public TaskDefinition find(TaskDefinitionArn arn) {
        Objects.requireNonNull(arn, "arn");
        if (!arn.region().equals(region) || !arn.accountId().equals(accountId)) {
            return null;
        }
        return snapshot.get(arn.family(), arn.revision());
    }

    /**
     * ListTaskDefinitions: ARNs with the given status (default ACTIVE), of one family when {@code familyPrefix} is set
     * (an exact match, as in ECS), sorted by family then revision, ascending by default.
     *
     * @throws EcsException {@code InvalidParameterException} for a bad {@code maxResults} or {@code nextToken}
     */
    public Page<String> list(ListTaskDefinitionsRequest request) {
        TaskDefinitionStatus status = request.status() == null ? TaskDefinitionStatus.ACTIVE : request.status();
        SortOrder sort = request.sort() == null ? SortOrder.ASC : request.sort();
        Snapshot current = snapshot;
        Map<String, Family> families = request.familyPrefix() == null ? current.families()
                : current.families().containsKey(request.familyPrefix())
                ? Map.of(request.familyPrefix(), current.families().get(request.familyPrefix())) : Map.of();
        List<String> arns = new ArrayList<>();
        for (Family family : families.values()) {
            for (TaskDefinition td : family.revisions().values()) {
                if (td.status() == status) {
                    arns.add(td.taskDefinitionArn().toString());
                }
            }
        }
        if (sort == SortOrder.DESC) {
            Collections.reverse(arns);
        }
        String scope = "ListTaskDefinitions|" + request.familyPrefix() + "|" + status + "|" + sort;
        return Pagination.page(arns, arn -> arn, request.maxResults(), request.nextToken(), scope);
    }

    /**
     * ListTaskDefinitionFamilies: family names starting with {@code familyPrefix}, in name order. Status ACTIVE means
     * families with an ACTIVE revision, INACTIVE those without one, ALL (the default) both.
     *
     * @throws EcsException {@code InvalidParameterException} for a bad {@code maxResults} or {@code nextToken}
     */
    public Page<String> listFamilies(ListTaskDefinitionFamiliesRequest request) {
        FamilyStatus status = request.status() == null ? FamilyStatus.ALL : request.status();
        String prefix = request.familyPrefix() == null ? "" : request.familyPrefix();
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, Family> e : snapshot.families().tailMap(prefix, true).entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                break;
            }
            if (e.getValue().revisions().isEmpty()) {
                continue;
            }
            boolean active = e.getValue().revisions().values().stream()
                    .anyMatch(td -> td.status() == TaskDefinitionStatus.ACTIVE);
            if (status == FamilyStatus.ALL || (status == FamilyStatus.ACTIVE) == active) {
                names.add(e.getKey());
            }
        }
        String scope = "ListTaskDefinitionFamilies|" + request.familyPrefix() + "|" + status;
        return Pagination.page(names, name -> name, request.maxResults(), request.nextToken(), scope);
    }

    /**
     * DeleteTaskDefinitions: moves INACTIVE revisions to DELETE_IN_PROGRESS. Revisions that cannot be deleted are
     * reported in {@code failures}; the others are deleted together.
     *
     * @param refs 1–10 {@code family:revision} or ARNs
     * @throws EcsException {@code InvalidParameterException} for an empty list or more than 10 entries
     */
    public DeleteTaskDefinitionsResult delete(List<String> refs) {
        Objects.requireNonNull(refs, "refs");
        if (refs.isEmpty()) {
            throw EcsException.invalidParameter("taskDefinitions", "taskDefinitions must contain at least one entry.");
        }
        if (refs.size() > MAX_DELETE_BATCH) {
            throw EcsException.invalidParameter("taskDefinitions",
                    "taskDefinitions can contain at most " + MAX_DELETE_BATCH + " entries.");
        }
        writeLock.lock();
        try {
            Snapshot current = snapshot;
            Map<String, TaskDefinition> deleted = new LinkedHashMap<>();
            List<Failure> failures = new ArrayList<>();
            for (String ref : refs) {
                TaskDefinitionRef parsed;
                try {
                    parsed = parse(ref);
                } catch (EcsException e) {
                    failures.add(new Failure(ref, "The specified task definition identifier is invalid.", e.getMessage()));
                    continue;
                }
                TaskDefinition td = parsed.revision() == null || !ownArn(ref) ? null
                        : current.get(parsed.family(), parsed.revision());
                if (parsed.revision() == null) {
                    failures.add(new Failure(ref, "The specified task definition identifier is invalid.",
                            "Specify family:revision or a full task definition ARN."));
                } else if (td == null) {
                    failures.add(new Failure(ref, "The specified task definition does not exist.", null));
                } else if (td.status() == TaskDefinitionStatus.ACTIVE) {
                    failures.add(new Failure(td.taskDefinitionArn().toString(), "The specified task definition is "
                            + "still in ACTIVE status. Deregister it before deleting it.", null));
                } else {
                    deleted.put(td.taskDefinitionArn().toString(),
                            td.toBuilder().status(TaskDefinitionStatus.DELETE_IN_PROGRESS).build());
                }
            }
            Snapshot next = current;
            for (TaskDefinition td : deleted.values()) {
                next = replaced(next, td);
            }
            snapshot = next;
            for (TaskDefinition td : deleted.values()) {
                if (current.get(td.family(), td.revision()).status() != TaskDefinitionStatus.DELETE_IN_PROGRESS) {
                    deletionsInProgress++;
                }
            }
            return new DeleteTaskDefinitionsResult(List.copyOf(deleted.values()), failures);
        } finally {
            writeLock.unlock();
        }
    }

    /** Whether some revision is DELETE_IN_PROGRESS (one volatile read: callers check it before gathering references). */
    public boolean hasDeletionsInProgress() {
        return deletionsInProgress > 0;
    }

    /**
     * Removes the DELETE_IN_PROGRESS revisions nothing references any more (ecs-semantics §2.2: "gone once no
     * task/service/deployment references it"). Their revision numbers stay used.
     *
     * @param referenced whether a task definition ARN is still referenced by a task or a service deployment
     * @return the revisions removed
     */
    public List<TaskDefinition> purgeDeleted(java.util.function.Predicate<String> referenced) {
        Objects.requireNonNull(referenced, "referenced");
        writeLock.lock();
        try {
            Snapshot current = snapshot;
            List<TaskDefinition> purged = new ArrayList<>();
            NavigableMap<String, Family> families = null;
            for (Map.Entry<String, Family> e : current.families().entrySet()) {
                NavigableMap<Integer, TaskDefinition> kept = null;
                for (TaskDefinition td : e.getValue().revisions().values()) {
                    if (td.status() == TaskDefinitionStatus.DELETE_IN_PROGRESS
                            && !referenced.test(td.taskDefinitionArn().toString())) {
                        if (kept == null) {
                            kept = new TreeMap<>(e.getValue().revisions());
                        }
                        kept.remove(td.revision());
                        purged.add(td);
                    }
                }
                if (kept != null) {
                    if (families == null) {
                        families = new TreeMap<>(current.families());
                    }
                    families.put(e.getKey(), new Family(e.getValue().lastRevision(),
                            Collections.unmodifiableNavigableMap(kept)));
                }
            }
            if (families != null) {
                snapshot = new Snapshot(Collections.unmodifiableNavigableMap(families));
                deletionsInProgress -= purged.size();
            }
            return purged;
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * ListTagsForResource on a task definition.
     *
     * @throws EcsException {@code ResourceNotFoundException} when the revision does not exist
     */
    public List<Tag> tags(TaskDefinitionArn arn) {
        return existing(snapshot, arn).tags();
    }

    /**
     * TagResource: adds {@code tags}, replacing the values of keys already present.
     *
     * @throws EcsException {@code ResourceNotFoundException} when the revision does not exist;
     *                      {@code InvalidParameterException} when a tag or the resulting set breaks the tag rules
     */
    public void tag(TaskDefinitionArn arn, List<Tag> tags) {
        TagRules.validate(tags, "tags");
        writeLock.lock();
        try {
            Snapshot current = snapshot;
            TaskDefinition td = existing(current, arn);
            Map<String, Tag> merged = new LinkedHashMap<>();
            td.tags().forEach(t -> merged.put(t.key(), t));
            tags.forEach(t -> merged.put(t.key(), t));
            List<Tag> result = List.copyOf(merged.values());
            TagRules.validate(result, "tags");
            replace(current, td.toBuilder().tags(result).build());
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * UntagResource: removes the tags with these keys (unknown keys are ignored).
     *
     * @throws EcsException {@code ResourceNotFoundException} when the revision does not exist;
     *                      {@code InvalidParameterException} for an invalid key
     */
    public void untag(TaskDefinitionArn arn, List<String> keys) {
        for (int i = 0; i < keys.size(); i++) {
            TagRules.validateKey(keys.get(i), "tagKeys[" + i + "]");
        }
        writeLock.lock();
        try {
            Snapshot current = snapshot;
            TaskDefinition td = existing(current, arn);
            Set<String> remove = new LinkedHashSet<>(keys);
            List<Tag> kept = td.tags().stream().filter(t -> !remove.contains(t.key())).toList();
            replace(current, td.toBuilder().tags(kept).build());
        } finally {
            writeLock.unlock();
        }
    }

    private TaskDefinition existing(Snapshot current, TaskDefinitionArn arn) {
        Objects.requireNonNull(arn, "arn");
        TaskDefinition td = arn.region().equals(region) && arn.accountId().equals(accountId)
                ? current.get(arn.family(), arn.revision()) : null;
        if (td == null) {
            throw new EcsException(EcsErrorCode.RESOURCE_NOT_FOUND, "The specified resource could not be found.",
                    "resourceArn");
        }
        return td;
    }

    /** Bare family → latest ACTIVE revision; explicit revision → that revision in any status; else null. */
    private TaskDefinition lookup(String ref) {
        TaskDefinitionRef parsed = parse(ref);
        Snapshot current = snapshot;
        if (parsed.revision() != null) {
            return ownArn(ref) ? current.get(parsed.family(), parsed.revision()) : null;
        }
        Family family = current.families().get(parsed.family());
        if (family == null) {
            return null;
        }
        for (TaskDefinition td : family.revisions().descendingMap().values()) {
            if (td.status() == TaskDefinitionStatus.ACTIVE) {
                return td;
            }
        }
        return null;
    }

    private static TaskDefinitionRef parse(String ref) {
        return TaskDefinitionRef.parse(ref);
    }

    /** An ARN reference must name this registry's region and account; a plain reference always does. */
    private boolean ownArn(String ref) {
        if (!ArnParts.isArn(ref)) {
            return true;
        }
        TaskDefinitionArn arn = TaskDefinitionArn.parse(ref);
        return arn.region().equals(region) && arn.accountId().equals(accountId);
    }

    private void replace(Snapshot current, TaskDefinition td) {
        snapshot = replaced(current, td);
    }

    private static Snapshot replaced(Snapshot current, TaskDefinition td) {
        Family family = current.families().get(td.family());
        NavigableMap<Integer, TaskDefinition> revisions = new TreeMap<>(family.revisions());
        revisions.put(td.revision(), td);
        NavigableMap<String, Family> families = new TreeMap<>(current.families());
        families.put(td.family(), new Family(family.lastRevision(), Collections.unmodifiableNavigableMap(revisions)));
        return new Snapshot(Collections.unmodifiableNavigableMap(families));
    }

    private void publish(Snapshot current, String name, Family family) {
        NavigableMap<String, Family> families = new TreeMap<>(current.families());
        families.put(name, family);
        snapshot = new Snapshot(Collections.unmodifiableNavigableMap(families));
    }
}
