package io.ecs4j.docker.internal;

import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns docker-java failures into the text ECS puts after an agent error name. */
final class DockerErrors {
    /** docker-java formats HTTP errors as {@code Status 404: {"message":"..."}}. */
    private static final Pattern JSON_MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private DockerErrors() {
    }

    /**
     * The daemon's own message, prefixed like the Docker Go client prefixes it ({@code Error response from daemon:}),
     * which is how the ECS agent's reasons read.
     */
    static String detail(Throwable failure) {
        Throwable t = unwrap(failure);
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
        if (t instanceof DockerException) {
            Matcher m = JSON_MESSAGE.matcher(message);
            String daemon = m.find() ? unescape(m.group(1)) : message.replaceFirst("^Status \\d+:\\s*", "");
            return "Error response from daemon: " + daemon;
        }
        if (t instanceof DockerClientException) {
            // pull errors arrive in the progress stream: "Could not pull image: <daemon message>"
            return "Error response from daemon: " + message.replaceFirst("^Could not pull image:\\s*", "");
        }
        return message;
    }

    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String unescape(String json) {
        StringBuilder out = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '\\' && i + 1 < json.length()) {
                char n = json.charAt(++i);
                switch (n) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (i + 4 < json.length()) {
                            out.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                            i += 4;
                        }
                    }
                    default -> out.append(n);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
