package io.ecs4j.internal.taskdef;

import static io.ecs4j.internal.taskdef.TaskDefs.assertEcsError;
import static io.ecs4j.internal.taskdef.TaskDefs.simple;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecs4j.EcsErrorCode;
import io.ecs4j.model.TaskDefinitionStatus;
import io.ecs4j.request.FamilyStatus;
import io.ecs4j.request.ListTaskDefinitionFamiliesRequest;
import io.ecs4j.request.ListTaskDefinitionsRequest;
import io.ecs4j.request.Page;
import io.ecs4j.request.SortOrder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TaskDefinitionListingTest {
    private static final String PREFIX = "arn:aws:ecs:us-east-1:123456789012:task-definition/";
    private final TaskDefinitionRegistry registry =
            new TaskDefinitionRegistry("us-east-1", "123456789012", Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    @BeforeEach
    void registerFamilies() {
        // web:1..10 (web:2 inactive), web-api:1, api:1 (inactive, so family api has no ACTIVE revision)
        for (int i = 0; i < 10; i++) {
            registry.register(simple().family("web").build(), null);
        }
        registry.register(simple().family("web-api").build(), null);
        registry.register(simple().family("api").build(), null);
        registry.deregister("web:2");
        registry.deregister("api:1");
    }

    private static List<String> arns(String... familyRevisions) {
        return java.util.Arrays.stream(familyRevisions).map(fr -> PREFIX + fr).toList();
    }

    @Test
    void list_byDefault_returnsActiveSortedByFamilyThenNumericRevision() {
        List<String> items = registry.list(ListTaskDefinitionsRequest.builder().build()).items();
        assertThat(items).isEqualTo(arns("web:1", "web:3", "web:4", "web:5", "web:6", "web:7", "web:8", "web:9", "web:10",
                "web-api:1"));
    }

    @Test
    void list_whenDescending_reversesFamilyAndRevisionOrder() {
        List<String> items = registry.list(ListTaskDefinitionsRequest.builder().sort(SortOrder.DESC).maxResults(3).build()).items();
        assertThat(items).isEqualTo(arns("web-api:1", "web:10", "web:9"));
    }

    @Test
    void list_whenFamilyPrefix_matchesFamilyExactly() {
        assertThat(registry.list(ListTaskDefinitionsRequest.builder().familyPrefix("web-api").build()).items())
                .isEqualTo(arns("web-api:1"));
        assertThat(registry.list(ListTaskDefinitionsRequest.builder().familyPrefix("we").build()).items()).isEmpty();
    }

    @Test
    void list_whenStatusInactive_returnsOnlyInactive() {
        assertThat(registry.list(ListTaskDefinitionsRequest.builder().status(TaskDefinitionStatus.INACTIVE).build()).items())
                .isEqualTo(arns("api:1", "web:2"));
    }

    @Test
    void list_whenPaging_returnsEveryArnOnceAcrossPages() {
        List<String> all = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Page<String> page = registry.list(ListTaskDefinitionsRequest.builder().maxResults(4).nextToken(token).build());
            all.addAll(page.items());
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(pages).isEqualTo(3);
        assertThat(all).isEqualTo(registry.list(ListTaskDefinitionsRequest.builder().build()).items());
    }

    @Test
    void list_whenTokenReusedWithOtherFilter_rejects() {
        String token = registry.list(ListTaskDefinitionsRequest.builder().maxResults(2).build()).nextToken();
        assertEcsError(() -> registry.list(ListTaskDefinitionsRequest.builder().sort(SortOrder.DESC).nextToken(token).build()),
                EcsErrorCode.INVALID_PARAMETER, "nextToken",
                "The nextToken is invalid. Pass the nextToken of the previous response unchanged, with the same request parameters.");
    }

    @Test
    void list_whenMaxResultsOutOfRange_rejects() {
        assertEcsError(() -> registry.list(ListTaskDefinitionsRequest.builder().maxResults(101).build()),
                EcsErrorCode.INVALID_PARAMETER, "maxResults", "Invalid maxResults value 101: maxResults must be between 1 and 100.");
    }

    @Test
    void listFamilies_byDefault_returnsActiveAndInactiveFamilies() {
        assertThat(registry.listFamilies(ListTaskDefinitionFamiliesRequest.builder().build()).items())
                .containsExactly("api", "web", "web-api");
    }

    @Test
    void listFamilies_whenPrefix_matchesRealPrefix() {
        assertThat(registry.listFamilies(ListTaskDefinitionFamiliesRequest.builder().familyPrefix("we").build()).items())
                .containsExactly("web", "web-api");
    }

    @Test
    void listFamilies_whenStatusFilter_splitsByActiveRevision() {
        assertThat(registry.listFamilies(ListTaskDefinitionFamiliesRequest.builder().status(FamilyStatus.ACTIVE).build()).items())
                .containsExactly("web", "web-api");
        assertThat(registry.listFamilies(ListTaskDefinitionFamiliesRequest.builder().status(FamilyStatus.INACTIVE).build()).items())
                .containsExactly("api");
    }

    @Test
    void listFamilies_whenPaging_continuesWithToken() {
        Page<String> first = registry.listFamilies(ListTaskDefinitionFamiliesRequest.builder().maxResults(2).build());
        assertThat(first.items()).containsExactly("api", "web");
        Page<String> second = registry.listFamilies(
                ListTaskDefinitionFamiliesRequest.builder().maxResults(2).nextToken(first.nextToken()).build());
        assertThat(second.items()).containsExactly("web-api");
        assertThat(second.nextToken()).isNull();
    }
}
