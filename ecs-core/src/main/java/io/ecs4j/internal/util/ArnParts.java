package io.ecs4j.internal.util;

import io.ecs4j.EcsException;
import java.util.List;

/**
 * The pieces of an ECS ARN: {@code arn:<partition>:ecs:<region>:<account>:<type>/<path...>}.
 *
 * @param region       the region
 * @param accountId    the account id
 * @param resourceType for example {@code task}, {@code cluster}, {@code task-definition}
 * @param path         the slash-separated segments after the type
 */
public record ArnParts(String region, String accountId, String resourceType, List<String> path) {

    /** {@code true} when {@code value} looks like an ARN (starts with {@code arn:}). */
    public static boolean isArn(String value) {
        return value != null && value.startsWith("arn:");
    }

    /**
     * Parses an ECS ARN of the given resource type.
     *
     * @throws EcsException {@code InvalidParameterException} naming {@code field} when the ARN is malformed or of
     *                      another type
     */
    public static ArnParts parse(String arn, String expectedType, String field) {
        if (arn == null || arn.isEmpty()) {
            throw EcsException.invalidParameter(field, field + " must not be empty.");
        }
        String[] colon = arn.split(":", 6);
        if (colon.length != 6 || !colon[0].equals("arn") || colon[1].isEmpty() || !colon[2].equals("ecs")) {
            throw EcsException.invalidParameter(field, "Invalid " + field + " ARN '" + arn
                    + "': expected arn:aws:ecs:<region>:<account>:" + expectedType + "/...");
        }
        String resource = colon[5];
        int slash = resource.indexOf('/');
        String type = slash < 0 ? resource : resource.substring(0, slash);
        if (!type.equals(expectedType)) {
            throw EcsException.invalidParameter(field, "Invalid " + field + " ARN '" + arn + "': expected resource type '"
                    + expectedType + "' but found '" + type + "'.");
        }
        if (slash < 0 || slash == resource.length() - 1) {
            throw EcsException.invalidParameter(field, "Invalid identifier: Unexpected number of separators");
        }
        List<String> path = List.of(resource.substring(slash + 1).split("/", -1));
        for (String segment : path) {
            if (segment.isEmpty()) {
                throw EcsException.invalidParameter(field, "Invalid identifier: Unexpected number of separators");
            }
        }
        return new ArnParts(colon[3], colon[4], type, path);
    }
}
