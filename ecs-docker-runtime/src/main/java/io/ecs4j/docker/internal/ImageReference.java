package io.ecs4j.docker.internal;

/**
 * An image reference split the way the pull API wants it: {@code fromImage} and {@code tag} (a tag or a digest).
 * Without a tag, Docker would pull every tag of the repository; ECS means {@code latest}.
 *
 * @param repository the repository, with its registry host if any
 * @param tag        the tag, or the digest ({@code sha256:...})
 */
record ImageReference(String repository, String tag) {

    static ImageReference parse(String image) {
        int at = image.indexOf('@');
        if (at >= 0) {
            return new ImageReference(image.substring(0, at), image.substring(at + 1));
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        if (colon > slash) {   // a colon before the last slash is a registry port (localhost:5000/x)
            return new ImageReference(image.substring(0, colon), image.substring(colon + 1));
        }
        return new ImageReference(image, "latest");
    }

    /** The registry host, or null for Docker Hub. */
    String registry() {
        int slash = repository.indexOf('/');
        if (slash < 0) {
            return null;
        }
        String first = repository.substring(0, slash);
        boolean host = first.contains(".") || first.contains(":") || first.equals("localhost");
        return host ? first : null;
    }
}
