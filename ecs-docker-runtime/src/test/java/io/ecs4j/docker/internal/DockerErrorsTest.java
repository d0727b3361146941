package io.ecs4j.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class DockerErrorsTest {

    @Test
    void detail_ofHttpError_isTheDaemonMessageLikeTheGoClientPrintsIt() {
        // docker-java's message is "Status 500: " + the response body
        var e = new InternalServerErrorException(
                "{\"message\":\"Get \\\"http://localhost:1/v2/\\\": connection refused\"}\n");

        assertThat(DockerErrors.detail(e))
                .isEqualTo("Error response from daemon: Get \"http://localhost:1/v2/\": connection refused");
    }

    @Test
    void detail_ofHttpErrorWithoutJson_dropsTheStatusPrefix() {
        assertThat(DockerErrors.detail(new NotFoundException("no such image")))
                .isEqualTo("Error response from daemon: no such image");
    }

    @Test
    void detail_ofPullStreamError_dropsDockerJavasPrefix() {
        assertThat(DockerErrors.detail(new CompletionException(
                new DockerClientException("Could not pull image: manifest unknown"))))
                .isEqualTo("Error response from daemon: manifest unknown");
    }

    @Test
    void detail_ofOtherFailure_isItsMessage() {
        assertThat(DockerErrors.detail(new IllegalStateException("no credentials"))).isEqualTo("no credentials");
    }
}
