package io.ecs4j.server.internal.wire;

/**
 * The answer to one request, independent of the HTTP stack.
 *
 * @param status    the HTTP status
 * @param errorType the {@code X-Amzn-ErrorType} value, or null on success
 * @param body      the UTF-8 JSON body
 */
public record WireResponse(int status, String errorType, byte[] body) {
}
