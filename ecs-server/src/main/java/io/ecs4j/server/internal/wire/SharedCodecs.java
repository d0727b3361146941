package io.ecs4j.server.internal.wire;

import io.ecs4j.EcsErrorCode;
import io.ecs4j.EcsException;
import java.util.function.Supplier;

/**
 * Calls into ecs-core's JSON codecs ({@code io.ecs4j.internal.json}), which report every input problem as a
 * {@code ClientException} naming the member. On the wire a member of the wrong JSON type is a
 * {@code SerializationException}, as for every other member the server reads; other problems (unknown enum values,
 * missing members) stay {@code ClientException}s.
 */
final class SharedCodecs {
    private SharedCodecs() {
    }

    static <T> T read(Supplier<T> reader) {
        try {
            return reader.get();
        } catch (EcsException e) {
            if (e.code() == EcsErrorCode.CLIENT && isTypeError(e.getMessage())) {
                throw WireException.serialization(e.getMessage());
            }
            throw e;
        }
    }

    /** The wording of {@code JsonReads.typeError}: "Invalid value for 'x': expected a string but found ...". */
    static boolean isTypeError(String message) {
        return message != null && message.startsWith("Invalid value for ") && message.contains(" but found ");
    }
}
