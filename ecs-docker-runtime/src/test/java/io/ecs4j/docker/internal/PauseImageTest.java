package io.ecs4j.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PauseImageTest {

    @Test
    void amd64Elf_isA129ByteExecutableWhoseEntryPointIsItsCode() {
        byte[] elf = PauseImage.amd64Elf();

        assertThat(elf).hasSize(129).startsWith(0x7f, 'E', 'L', 'F', 2, 1, 1);
        long entry = java.nio.ByteBuffer.wrap(elf, 24, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        assertThat(entry).isEqualTo(0x400000 + 120);
        assertThat(elf[120] & 0xff).as("mov eax, 34 (pause)").isEqualTo(0xb8);
    }

    @Test
    void buildContext_isATarOfDockerfileAndExecutablePauseWithValidChecksums() {
        byte[] tar = PauseImage.buildContext();

        assertThat(tar.length % 512).isZero();
        assertThat(entryName(tar, 0)).isEqualTo("Dockerfile");
        assertThat(checksumOk(tar, 0)).isTrue();
        int second = 512 + 512;   // the Dockerfile fits one block
        assertThat(entryName(tar, second)).isEqualTo("pause");
        assertThat(new String(tar, second + 100, 7, StandardCharsets.US_ASCII)).isEqualTo("0000755");
        assertThat(checksumOk(tar, second)).isTrue();
    }

    private static String entryName(byte[] tar, int offset) {
        int end = offset;
        while (tar[end] != 0) {
            end++;
        }
        return new String(tar, offset, end - offset, StandardCharsets.US_ASCII);
    }

    private static boolean checksumOk(byte[] tar, int offset) {
        int sum = 0;
        for (int i = 0; i < 512; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : tar[offset + i] & 0xff;
        }
        String stored = new String(tar, offset + 148, 6, StandardCharsets.US_ASCII);
        return Integer.parseInt(stored, 8) == sum;
    }
}
