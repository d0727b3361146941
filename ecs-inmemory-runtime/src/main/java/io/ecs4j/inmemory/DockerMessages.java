package io.ecs4j.inmemory;

import io.ecs4j.spi.runtime.ContainerLaunchSpec;
import java.util.ArrayList;
import java.util.List;

/** Failure details worded as the Docker daemon words them, so simulated failures read like real ones. */
final class DockerMessages {

    private DockerMessages() {
    }

    static String pullAccessDenied(String image) {
        return "Error response from daemon: pull access denied for " + repository(image)
                + ", repository does not exist or may require 'docker login': denied: requested access to the"
                + " resource is denied";
    }

    static String noSpaceLeft(String layerId) {
        return "Error response from daemon: mkdir /var/lib/docker/overlay2/" + layerId
                + "-init: no space left on device";
    }

    static String executableNotFound(ContainerLaunchSpec spec) {
        List<String> argv = new ArrayList<>(spec.entryPoint());
        argv.addAll(spec.command());
        String executable = argv.isEmpty() ? lastPathSegment(repository(spec.image())) : argv.get(0);
        return "Error response from daemon: failed to create shim task: OCI runtime create failed: runc create failed:"
                + " unable to start container process: exec: \"" + executable
                + "\": executable file not found in $PATH: unknown";
    }

    static String portNotAvailable(String endpoint, String runtimeId, String cause) {
        return "Error response from daemon: driver failed programming external connectivity on endpoint " + endpoint
                + " (" + runtimeId + "): " + cause;
    }

    /** The ECS agent's Docker container name: {@code ecs-<family>-<revision>-<container>-<suffix>}. */
    static String agentContainerName(ContainerLaunchSpec spec, String runtimeId) {
        return "ecs-" + spec.family() + "-" + spec.revision() + "-" + spec.containerName() + "-"
                + runtimeId.substring(0, 20);
    }

    /** The image reference without its tag or digest. */
    static String repository(String image) {
        String ref = image;
        int at = ref.indexOf('@');
        if (at >= 0) {
            ref = ref.substring(0, at);
        }
        int colon = ref.lastIndexOf(':');
        if (colon > ref.lastIndexOf('/')) {
            ref = ref.substring(0, colon);
        }
        return ref;
    }

    private static String lastPathSegment(String repository) {
        return repository.substring(repository.lastIndexOf('/') + 1);
    }
}
