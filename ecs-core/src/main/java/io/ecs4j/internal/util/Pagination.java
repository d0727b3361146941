package io.ecs4j.internal.util;

import io.ecs4j.EcsException;
import io.ecs4j.request.Page;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.zip.CRC32;

/**
 * ECS-style paging over a list in a stable order: {@code maxResults} checked against its range, opaque
 * {@code nextToken}s returned only while more items exist.
 *
 * <p>A token remembers the position and the key of the last item returned, and the query it belongs to (the
 * {@code scope}, for example {@code "ListTaskDefinitions|web|ACTIVE|ASC"}). The next page starts after that key, so
 * items added or removed before it do not repeat or skip entries; a token from another query, or a damaged one, is an
 * {@code InvalidParameterException}. Stateless and thread-safe.
 */
public final class Pagination {
    /** ECS's default and largest page size for most List operations. */
    public static final int DEFAULT_MAX_RESULTS = 100;

    private static final String VERSION = "v1";

    private Pagination() {
    }

    /**
     * The page size: {@code requested}, or {@code defaultValue} when null.
     *
     * @throws EcsException {@code InvalidParameterException} naming {@code maxResults} when outside 1..{@code max}
     */
    public static int maxResults(Integer requested, int defaultValue, int max) {
        if (requested == null) {
            return defaultValue;
        }
        if (requested < 1 || requested > max) {
            throw EcsException.invalidParameter("maxResults", "Invalid maxResults value " + requested
                    + ": maxResults must be between 1 and " + max + ".");
        }
        return requested;
    }

    /** {@link #page(List, Function, Integer, String, String, int, int)} with ECS's 100/100 page sizes. */
    public static <T> Page<T> page(List<T> ordered, Function<? super T, String> keyOf, Integer maxResults,
                                   String nextToken, String scope) {
        return page(ordered, keyOf, maxResults, nextToken, scope, DEFAULT_MAX_RESULTS, DEFAULT_MAX_RESULTS);
    }

    /**
     * One page of {@code ordered}.
     *
     * @param ordered      every matching item, in the operation's stable order
     * @param keyOf        a unique key per item (usually its ARN)
     * @param maxResults   the requested page size, or null for {@code defaultMax}
     * @param nextToken    the token of the previous page, or null for the first page
     * @param scope        identifies the query; a token is only valid for the same scope
     * @param defaultMax   the page size when {@code maxResults} is null
     * @param max          the largest allowed {@code maxResults}
     * @throws EcsException {@code InvalidParameterException} for a bad {@code maxResults} or {@code nextToken}
     */
    public static <T> Page<T> page(List<T> ordered, Function<? super T, String> keyOf, Integer maxResults,
                                   String nextToken, String scope, int defaultMax, int max) {
        int size = maxResults(maxResults, defaultMax, max);
        int start = nextToken == null ? 0 : resume(ordered, keyOf, nextToken, scope);
        int end = Math.min(start + size, ordered.size());
        List<T> items = ordered.subList(start, end);
        String token = end < ordered.size() ? encode(scope, end, keyOf.apply(ordered.get(end - 1))) : null;
        return new Page<>(items, token);
    }

    private static <T> int resume(List<T> ordered, Function<? super T, String> keyOf, String token, String scope) {
        String[] parts = decode(token);
        if (parts == null || !parts[1].equals(scope)) {
            throw invalidToken();
        }
        int position;
        try {
            position = Integer.parseInt(parts[2]);
        } catch (NumberFormatException e) {
            throw invalidToken();
        }
        if (position < 1) {
            throw invalidToken();
        }
        String lastKey = parts[3];
        if (position <= ordered.size() && lastKey.equals(keyOf.apply(ordered.get(position - 1)))) {
            return position;
        }
        for (int i = 0; i < ordered.size(); i++) {
            if (lastKey.equals(keyOf.apply(ordered.get(i)))) {
                return i + 1;
            }
        }
        // The last item returned is gone, so everything after it moved up by one.
        return Math.min(position - 1, ordered.size());
    }

    private static String encode(String scope, int position, String lastKey) {
        String raw = VERSION + "\n" + scope + "\n" + position + "\n" + lastKey;
        String signed = checksum(raw) + "\n" + raw;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(signed.getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String token) {
        try {
            String signed = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int newline = signed.indexOf('\n');
            if (newline < 0 || !signed.substring(0, newline).equals(checksum(signed.substring(newline + 1)))) {
                return null;
            }
            String[] parts = signed.substring(newline + 1).split("\n", 4);
            return parts.length == 4 && parts[0].equals(VERSION) ? parts : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Detects damaged tokens; not a security measure (tokens are not secrets). */
    private static String checksum(String raw) {
        CRC32 crc = new CRC32();
        crc.update(raw.getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue());
    }

    private static EcsException invalidToken() {
        return EcsException.invalidParameter("nextToken", "The nextToken is invalid. Pass the nextToken of the previous "
                + "response unchanged, with the same request parameters.");
    }
}
