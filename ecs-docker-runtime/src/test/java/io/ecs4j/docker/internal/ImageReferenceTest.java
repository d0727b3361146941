package io.ecs4j.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImageReferenceTest {

    @Test
    void parse_withoutTag_meansLatest() {
        assertThat(ImageReference.parse("busybox")).isEqualTo(new ImageReference("busybox", "latest"));
    }

    @Test
    void parse_withTag_splitsAtTheLastColon() {
        assertThat(ImageReference.parse("library/busybox:1.36")).isEqualTo(new ImageReference("library/busybox", "1.36"));
    }

    @Test
    void parse_withRegistryPort_keepsThePortInTheRepository() {
        assertThat(ImageReference.parse("localhost:5000/team/app")).isEqualTo(
                new ImageReference("localhost:5000/team/app", "latest"));
        assertThat(ImageReference.parse("localhost:1/nope:1")).isEqualTo(new ImageReference("localhost:1/nope", "1"));
    }

    @Test
    void parse_withDigest_usesTheDigestAsTag() {
        assertThat(ImageReference.parse("app@sha256:abc")).isEqualTo(new ImageReference("app", "sha256:abc"));
    }

    @Test
    void registry_isTheFirstComponentOnlyWhenItLooksLikeAHost() {
        assertThat(ImageReference.parse("123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1").registry())
                .isEqualTo("123456789012.dkr.ecr.us-east-1.amazonaws.com");
        assertThat(ImageReference.parse("localhost/app").registry()).isEqualTo("localhost");
        assertThat(ImageReference.parse("team/app").registry()).isNull();
        assertThat(ImageReference.parse("app").registry()).isNull();
    }
}
