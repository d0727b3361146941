package io.ecs4j.internal.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecs4j.EcsErrorCode;
import io.ecs4j.EcsException;
import io.ecs4j.request.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PaginationTest {
    private static final List<String> ITEMS = IntStream.rangeClosed(1, 7).mapToObj(i -> "item-" + i).toList();

    private static Page<String> page(List<String> items, Integer max, String token) {
        return Pagination.page(items, Function.identity(), max, token, "scope");
    }

    @Test
    void page_whenAllFit_returnsEverythingWithoutToken() {
        Page<String> page = page(ITEMS, null, null);
        assertThat(page.items()).isEqualTo(ITEMS);
        assertThat(page.nextToken()).isNull();
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void page_whenFollowingTokens_visitsEachItemOnceInOrder() {
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Page<String> page = page(ITEMS, 3, token);
            seen.addAll(page.items());
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(seen).isEqualTo(ITEMS);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void page_whenExactMultiple_returnsNoTokenAfterLastPage() {
        Page<String> first = page(ITEMS.subList(0, 6), 3, null);
        Page<String> second = page(ITEMS.subList(0, 6), 3, first.nextToken());
        assertThat(second.items()).containsExactly("item-4", "item-5", "item-6");
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void page_whenItemsInsertedBeforePosition_continuesAfterLastReturnedKey() {
        Page<String> first = page(ITEMS, 3, null);
        List<String> grown = new ArrayList<>(ITEMS);
        grown.add(0, "item-0");
        assertThat(page(grown, 3, first.nextToken()).items()).containsExactly("item-4", "item-5", "item-6");
    }

    @Test
    void page_whenLastReturnedItemRemoved_continuesAtSamePosition() {
        Page<String> first = page(ITEMS, 3, null);
        List<String> shrunk = new ArrayList<>(ITEMS);
        shrunk.remove("item-3");
        assertThat(page(shrunk, 3, first.nextToken()).items()).containsExactly("item-4", "item-5", "item-6");
    }

    @Test
    void page_whenMaxResultsOutOfRange_rejectsNamingMaxResults() {
        for (int bad : new int[] {0, 101, -5}) {
            assertThatThrownBy(() -> page(ITEMS, bad, null))
                    .isInstanceOfSatisfying(EcsException.class, e -> {
                        assertThat(e.code()).isEqualTo(EcsErrorCode.INVALID_PARAMETER);
                        assertThat(e.field()).isEqualTo("maxResults");
                        assertThat(e.getMessage()).isEqualTo("Invalid maxResults value " + bad
                                + ": maxResults must be between 1 and 100.");
                    });
        }
    }

    @Test
    void page_whenTokenGarbledOrFromOtherScope_rejectsNamingNextToken() {
        String token = page(ITEMS, 2, null).nextToken();
        for (String bad : new String[] {"not a token!", "dGhpcyBpcyBub3QgaXQ", token + "x"}) {
            assertThatThrownBy(() -> page(ITEMS, 2, bad))
                    .isInstanceOfSatisfying(EcsException.class, e -> {
                        assertThat(e.code()).isEqualTo(EcsErrorCode.INVALID_PARAMETER);
                        assertThat(e.field()).isEqualTo("nextToken");
                    });
        }
        assertThatThrownBy(() -> Pagination.page(ITEMS, Function.identity(), 2, token, "other"))
                .isInstanceOfSatisfying(EcsException.class, e -> assertThat(e.field()).isEqualTo("nextToken"));
    }

    @Test
    void maxResults_whenCustomRange_usesDefaultAndBound() {
        assertThat(Pagination.maxResults(null, 10, 100)).isEqualTo(10);
        assertThat(Pagination.maxResults(10, 100, 10)).isEqualTo(10);
        assertThatThrownBy(() -> Pagination.maxResults(11, 10, 10))
                .hasMessage("Invalid maxResults value 11: maxResults must be between 1 and 10.");
    }
}
