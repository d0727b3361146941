package io.ecs4j.internal.taskdef;

import static io.ecs4j.internal.taskdef.TaskDefs.assertEcsError;
import static io.ecs4j.internal.taskdef.TaskDefs.container;
import static io.ecs4j.internal.taskdef.TaskDefs.simple;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecs4j.EcsErrorCode;
import io.ecs4j.EcsException;
import io.ecs4j.model.Tag;
import io.ecs4j.model.TaskDefinition;
import io.ecs4j.model.TaskDefinitionArn;
import io.ecs4j.model.TaskDefinitionStatus;
import io.ecs4j.request.DeleteTaskDefinitionsResult;
import io.ecs4j.request.ListTaskDefinitionsRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TaskDefinitionRegistryTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00.123456Z");
    private final MutableClock clock = new MutableClock(T0);
    private final TaskDefinitionRegistry registry = new TaskDefinitionRegistry("us-east-1", "123456789012", clock);

    /** A test clock that only moves when told to. */
    static final class MutableClock extends Clock {
        private final AtomicReference<Instant> now;

        MutableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    private TaskDefinition register(String family) {
        return registry.register(simple().family(family).build(), "arn:aws:iam::123456789012:user/dev");
    }

    @Test
    void register_whenFirstRevision_assignsArnStatusAndRegistrationMetadata() {
        TaskDefinition td = register("web");
        assertThat(td.revision()).isEqualTo(1);
        assertThat(td.taskDefinitionArn()).hasToString("arn:aws:ecs:us-east-1:123456789012:task-definition/web:1");
        assertThat(td.status()).isEqualTo(TaskDefinitionStatus.ACTIVE);
        assertThat(td.registeredAt()).isEqualTo(Instant.parse("2024-05-01T10:00:00.123Z"));
        assertThat(td.registeredBy()).isEqualTo("arn:aws:iam::123456789012:user/dev");
        assertThat(td.deregisteredAt()).isNull();
    }

    @Test
    void register_whenInputCarriesOutputOnlyFields_ignoresThem() {
        TaskDefinition input = simple().revision(42).status(TaskDefinitionStatus.INACTIVE)
                .taskDefinitionArn(new TaskDefinitionArn("eu-west-1", "999999999999", "web", 42))
                .deregisteredAt(T0).build();
        TaskDefinition td = registry.register(input, null);
        assertThat(td.revision()).isEqualTo(1);
        assertThat(td.status()).isEqualTo(TaskDefinitionStatus.ACTIVE);
        assertThat(td.taskDefinitionArn().region()).isEqualTo("us-east-1");
        assertThat(td.deregisteredAt()).isNull();
    }

    @Test
    void register_whenRevisionsDeregisteredAndDeleted_neverReusesRevisionNumbers() {
        register("web");
        register("web");
        registry.deregister("web:2");
        registry.delete(List.of("web:2"));
        registry.deregister("web:1");
        registry.delete(List.of("web:1"));
        assertThat(register("web").revision()).isEqualTo(3);
        assertThat(register("other").revision()).isEqualTo(1);
    }

    @Test
    void register_whenInvalid_leavesRegistryUnchanged() {
        register("web");
        TaskDefinition bad = simple().containerDefinitions(container("a").memory(null).build()).build();
        assertThatThrownBy(() -> registry.register(bad, null)).isInstanceOf(EcsException.class);
        assertThat(registry.describe("web").revision()).isEqualTo(1);
        assertThat(register("web").revision()).isEqualTo(2);
        assertThat(registry.list(ListTaskDefinitionsRequest.builder().build()).items()).hasSize(2);
    }

    @Test
    void register_keepsTags() {
        TaskDefinition td = registry.register(simple().tags(Tag.of("team", "a")).build(), null);
        assertThat(registry.tags(td.taskDefinitionArn())).containsExactly(Tag.of("team", "a"));
    }

    @Test
    void deregister_whenExplicitRevision_marksInactiveWithTimestamp() {
        register("web");
        clock.advance(Duration.ofMinutes(5));
        TaskDefinition td = registry.deregister("web:1");
        assertThat(td.status()).isEqualTo(TaskDefinitionStatus.INACTIVE);
        assertThat(td.deregisteredAt()).isEqualTo(Instant.parse("2024-05-01T10:05:00.123Z"));
        assertThat(registry.describe("web:1").status()).isEqualTo(TaskDefinitionStatus.INACTIVE);
    }

    @Test
    void deregister_whenArnGiven_deregistersThatRevision() {
        TaskDefinition td = register("web");
        assertThat(registry.deregister(td.taskDefinitionArn().toString()).status()).isEqualTo(TaskDefinitionStatus.INACTIVE);
    }

    @Test
    void deregister_whenBareFamily_rejectsWithoutChange() {
        register("web");
        assertEcsError(() -> registry.deregister("web"), EcsErrorCode.CLIENT, "taskDefinition", "Revision is missing.");
        assertThat(registry.describe("web:1").status()).isEqualTo(TaskDefinitionStatus.ACTIVE);
    }

    @Test
    void deregister_whenUnknownRevision_rejects() {
        register("web");
        assertEcsError(() -> registry.deregister("web:9"), EcsErrorCode.CLIENT, "taskDefinition",
                "The specified task definition does not exist.");
        assertEcsError(() -> registry.deregister("arn:aws:ecs:eu-west-1:123456789012:task-definition/web:1"),
                EcsErrorCode.CLIENT, "taskDefinition", "The specified task definition does not exist.");
    }

    @Test
    void deregister_whenAlreadyInactive_returnsItUnchanged() {
        register("web");
        TaskDefinition first = registry.deregister("web:1");
        clock.advance(Duration.ofMinutes(1));
        assertThat(registry.deregister("web:1")).isEqualTo(first);
    }

    @Test
    void describe_whenBareFamily_returnsLatestActiveRevision() {
        register("web");
        register("web");
        register("web");
        registry.deregister("web:3");
        assertThat(registry.describe("web").revision()).isEqualTo(2);
        assertThat(registry.describe("web:3").status()).isEqualTo(TaskDefinitionStatus.INACTIVE);
    }

    @Test
    void describe_whenNothingActiveOrUnknown_usesEcsWording() {
        register("web");
        registry.deregister("web:1");
        assertEcsError(() -> registry.describe("web"), EcsErrorCode.CLIENT, "taskDefinition",
                "Unable to describe task definition.");
        assertEcsError(() -> registry.describe("nope:1"), EcsErrorCode.CLIENT, "taskDefinition",
                "Unable to describe task definition.");
        assertEcsError(() -> registry.describe("arn:aws:ecs:us-east-1:000000000000:task-definition/web:1"),
                EcsErrorCode.CLIENT, "taskDefinition", "Unable to describe task definition.");
    }

    @Test
    void resolveForLaunch_whenActive_returnsIt() {
        TaskDefinition td = register("web");
        assertThat(registry.resolveForLaunch("web")).isEqualTo(td);
        assertThat(registry.resolveForLaunch(td.taskDefinitionArn().toString())).isEqualTo(td);
    }

    @Test
    void resolveForLaunch_whenMissing_usesEcsWording() {
        assertEcsError(() -> registry.resolveForLaunch("web"), EcsErrorCode.CLIENT, "taskDefinition", "TaskDefinition not found.");
    }

    @Test
    void resolveForLaunch_whenInactive_usesEcsWording() {
        register("web");
        registry.deregister("web:1");
        assertEcsError(() -> registry.resolveForLaunch("web:1"), EcsErrorCode.INVALID_PARAMETER, "taskDefinition",
                "TaskDefinition is inactive");
        registry.delete(List.of("web:1"));
        assertEcsError(() -> registry.resolveForLaunch("web:1"), EcsErrorCode.INVALID_PARAMETER, "taskDefinition",
                "TaskDefinition is inactive");
    }

    @Test
    void find_whenAnyStatus_returnsRevisionOrNull() {
        TaskDefinition td = register("web");
        registry.deregister("web:1");
        assertThat(registry.find(td.taskDefinitionArn()).status()).isEqualTo(TaskDefinitionStatus.INACTIVE);
        assertThat(registry.find(new TaskDefinitionArn("us-east-1", "123456789012", "web", 2))).isNull();
        assertThat(registry.find(new TaskDefinitionArn("eu-west-1", "123456789012", "web", 1))).isNull();
    }

    @Test
    void delete_whenInactive_movesToDeleteInProgress() {
        register("web");
        registry.deregister("web:1");
        DeleteTaskDefinitionsResult result = registry.delete(List.of("web:1"));
        assertThat(result.failures()).isEmpty();
        assertThat(result.taskDefinitions()).singleElement()
                .satisfies(td -> assertThat(td.status()).isEqualTo(TaskDefinitionStatus.DELETE_IN_PROGRESS));
        assertThat(registry.describe("web:1").status()).isEqualTo(TaskDefinitionStatus.DELETE_IN_PROGRESS);
    }

    @Test
    void delete_whenActiveMissingOrBareFamily_reportsFailuresAndDeletesTheRest() {
        register("web");
        register("web");
        registry.deregister("web:2");
        DeleteTaskDefinitionsResult result = registry.delete(List.of("web:1", "web:2", "web:7", "web"));
        assertThat(result.taskDefinitions()).extracting(TaskDefinition::revision).containsExactly(2);
        assertThat(result.failures()).extracting(f -> f.arn() + " | " + f.reason()).containsExactly(
                "arn:aws:ecs:us-east-1:123456789012:task-definition/web:1 | The specified task definition is still in "
                        + "ACTIVE status. Deregister it before deleting it.",
                "web:7 | The specified task definition does not exist.",
                "web | The specified task definition identifier is invalid.");
        assertThat(registry.describe("web:1").status()).isEqualTo(TaskDefinitionStatus.ACTIVE);
    }

    @Test
    void delete_whenBatchEmptyOrTooLarge_rejectsAsInvalidParameter() {
        assertEcsError(() -> registry.delete(List.of()), EcsErrorCode.INVALID_PARAMETER, "taskDefinitions",
                "taskDefinitions must contain at least one entry.");
        assertEcsError(() -> registry.delete(java.util.Collections.nCopies(11, "web:1")), EcsErrorCode.INVALID_PARAMETER,
                "taskDefinitions", "taskDefinitions can contain at most 10 entries.");
    }

    @Test
    void tag_whenKeysOverlap_replacesValuesAndKeepsOthers() {
        TaskDefinitionArn arn = register("web").taskDefinitionArn();
        registry.tag(arn, List.of(Tag.of("a", "1"), Tag.of("b", "2")));
        registry.tag(arn, List.of(Tag.of("b", "3"), Tag.of("c", "4")));
        assertThat(registry.tags(arn)).containsExactly(Tag.of("a", "1"), Tag.of("b", "3"), Tag.of("c", "4"));
        registry.untag(arn, List.of("a", "zzz"));
        assertThat(registry.tags(arn)).containsExactly(Tag.of("b", "3"), Tag.of("c", "4"));
        assertThat(registry.describe("web:1").tags()).containsExactly(Tag.of("b", "3"), Tag.of("c", "4"));
    }

    @Test
    void tag_whenResultWouldExceedFiftyTags_rejectsWithoutChange() {
        TaskDefinitionArn arn = register("web").taskDefinitionArn();
        List<Tag> fifty = java.util.stream.IntStream.range(0, 50).mapToObj(i -> Tag.of("k" + i, "v")).toList();
        registry.tag(arn, fifty);
        assertEcsError(() -> registry.tag(arn, List.of(Tag.of("one-more", "v"))), EcsErrorCode.INVALID_PARAMETER, "tags",
                "Too many tags: 51. A resource can have at most 50 tags.");
        assertThat(registry.tags(arn)).hasSize(50);
    }

    @Test
    void tag_whenInvalidOrUnknownResource_rejects() {
        TaskDefinitionArn arn = register("web").taskDefinitionArn();
        assertEcsError(() -> registry.tag(arn, List.of(Tag.of("aws:x", "1"))), EcsErrorCode.INVALID_PARAMETER, "tags[0].key",
                "Tag key 'aws:x' uses the prefix 'aws:', which is reserved for AWS use.");
        assertEcsError(() -> registry.untag(arn, List.of("")), EcsErrorCode.INVALID_PARAMETER, "tagKeys[0]",
                "Tag key must be between 1 and 128 characters long.");
        TaskDefinitionArn missing = new TaskDefinitionArn("us-east-1", "123456789012", "web", 5);
        assertEcsError(() -> registry.tags(missing), EcsErrorCode.RESOURCE_NOT_FOUND, "resourceArn",
                "The specified resource could not be found.");
    }

    @Test
    void reads_whileWritersRegisterConcurrently_seeConsistentSnapshots() throws Exception {
        int threads = 4;
        int perThread = 50;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Callable<Void>> writers = java.util.Collections.nCopies(threads, () -> {
                for (int i = 0; i < perThread; i++) {
                    register("web");
                    assertThat(registry.describe("web").status()).isEqualTo(TaskDefinitionStatus.ACTIVE);
                }
                return null;
            });
            for (java.util.concurrent.Future<Void> f : pool.invokeAll(writers)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(registry.describe("web").revision()).isEqualTo(threads * perThread);
        assertThat(registry.list(ListTaskDefinitionsRequest.builder().familyPrefix("web").maxResults(100).build()).items())
                .hasSize(100);
    }
}
