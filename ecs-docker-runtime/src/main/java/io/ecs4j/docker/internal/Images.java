package io.ecs4j.docker.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import io.ecs4j.docker.RegistryCredentials;
import io.ecs4j.spi.runtime.ContainerLaunchSpec;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Makes images present: the local one when it exists, else a pull (with the container's registry credentials).
 *
 * <p>Images seen present are remembered (reference → image id and digest), so a launch of a known image costs no
 * Docker call before the create. The memory is corrected by what Docker says later: a create that fails for a missing
 * image forgets the reference ({@link #forget}) and the launch makes it present again; a container created from
 * another image id than remembered ({@link #createdFrom}, for example after the tag was rebuilt or re-pulled) forgets
 * it too, so the next launch inspects again.
 */
final class Images {
    private final DockerClient docker;
    private final Settings settings;
    private final Object pauseLock = new Object();
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    /** An image reference last seen present as image {@code id}, with its repository digest (or null). */
    private record Known(String id, String digest) {
    }

    Images(DockerClient docker, Settings settings) {
        this.docker = docker;
        this.settings = settings;
    }

    /**
     * Makes {@code spec.image()} present, pulling it if needed.
     *
     * @param pullStarted told about the pull in flight, so a stop can abort it
     * @return the image's repository digest, or null when it has none (an image built or imported locally)
     * @throws RuntimeException with Docker's message when the image cannot be pulled
     */
    String ensure(ContainerLaunchSpec spec, Consumer<Closeable> pullStarted) {
        String image = spec.image();
        Known k = known.get(image);
        if (k != null) {
            return k.digest();
        }
        InspectImageResponse local = inspect(image);
        if (local == null) {
            pull(image, spec.registryCredentials(), pullStarted);
            local = inspect(image);
        }
        String digest = digest(local);
        if (local != null && local.getId() != null) {
            known.put(image, new Known(local.getId(), digest));
        }
        return digest;
    }

    /** Forgets what is remembered of {@code image}; returns whether anything was. */
    boolean forget(String image) {
        return known.remove(image) != null;
    }

    /** A container of {@code image} was created from image id {@code imageId}: forget a memory that disagrees. */
    void createdFrom(String image, String imageId) {
        Known k = known.get(image);
        if (k != null && imageId != null && !k.id().equals(imageId)) {
            known.remove(image, k);
        }
    }

    private void pull(String image, String credentialsParameter, Consumer<Closeable> pullStarted) {
        ImageReference ref = ImageReference.parse(image);
        var cmd = docker.pullImageCmd(ref.repository()).withTag(ref.tag());
        if (credentialsParameter != null) {
            RegistryCredentials credentials;
            try {
                credentials = settings.credentials().credentials(credentialsParameter, image);
            } catch (RuntimeException e) {
                throw new IllegalStateException("unable to retrieve registry credentials from " + credentialsParameter
                        + ": " + e.getMessage(), e);
            }
            if (credentials != null) {
                AuthConfig auth = new AuthConfig().withUsername(credentials.username())
                        .withPassword(credentials.password());
                if (ref.registry() != null) {
                    auth.withRegistryAddress(ref.registry());
                }
                cmd.withAuthConfig(auth);
            }
        }
        QuietPullCallback callback = cmd.exec(new QuietPullCallback());
        pullStarted.accept(callback);
        try {
            if (!callback.awaitCompletion(settings.pullTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                callback.close();
                throw new DockerClientException("Could not pull image: timed out after " + settings.pullTimeout());
            }
            callback.throwFailure();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerClientException("Could not pull image: interrupted");
        } catch (java.io.IOException e) {
            throw new DockerClientException("Could not pull image: " + e.getMessage());
        } finally {
            pullStarted.accept(null);
        }
    }

    private InspectImageResponse inspect(String image) {
        try {
            return docker.inspectImageCmd(image).exec();
        } catch (NotFoundException e) {
            return null;
        }
    }

    private static String digest(InspectImageResponse image) {
        if (image == null) {
            return null;
        }
        List<String> repoDigests = image.getRepoDigests();
        if (repoDigests == null || repoDigests.isEmpty()) {
            return null;
        }
        String first = repoDigests.get(0);
        int at = first.indexOf('@');
        return at < 0 ? null : first.substring(at + 1);
    }

    /**
     * The pause image's name, importing the built-in one if it is missing. The built-in image is x86-64 only; on other
     * engines configure a pause image.
     */
    String ensurePauseImage() {
        String image = settings.effectivePauseImage();
        if (inspect(image) != null) {
            return image;
        }
        if (settings.pauseImage() != null) {
            pull(image, null, c -> { });
            return image;
        }
        synchronized (pauseLock) {
            if (inspect(image) != null) {
                return image;
            }
            String arch = docker.infoCmd().exec().getArchitecture();
            if (arch != null && !arch.equals("x86_64") && !arch.equals("amd64")) {
                throw new IllegalStateException("the built-in pause image is x86-64 only and this Docker engine is "
                        + arch + "; configure one with DockerRuntime.builder().pauseImage(\"<image that runs forever>\")");
            }
            docker.buildImageCmd().withTarInputStream(new ByteArrayInputStream(PauseImage.buildContext()))
                    .withTags(java.util.Set.of(image)).withPull(false).withRemove(true)
                    .exec(new com.github.dockerjava.api.command.BuildImageResultCallback())
                    .awaitImageId(2, TimeUnit.MINUTES);
            return image;
        }
    }

    /**
     * A pull callback that keeps a failure for the caller instead of logging it at ERROR level as docker-java's
     * template does: a failing pull is an expected outcome here (the task stops with CannotPullContainerError).
     */
    private static final class QuietPullCallback extends PullImageResultCallback {
        private volatile Throwable failure;

        @Override
        public void onError(Throwable error) {
            if (failure == null) {
                failure = error;
            }
            try {
                close();
            } catch (java.io.IOException ignored) {
                // the stream is gone either way; the failure is reported by throwFailure
            }
        }

        void throwFailure() {
            Throwable f = failure;
            if (f instanceof RuntimeException e) {
                throw e;
            }
            if (f instanceof Error e) {
                throw e;
            }
            if (f != null) {
                throw new DockerClientException("Could not pull image: " + f.getMessage());
            }
        }
    }
}
