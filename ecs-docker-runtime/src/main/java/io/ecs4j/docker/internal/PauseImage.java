package io.ecs4j.docker.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The built-in pause image: one 129-byte static x86-64 executable that calls {@code pause(2)} forever. It plays the
 * part of the ECS agent's {@code amazon-ecs-pause} image (which the agent also loads locally rather than pulling), so
 * {@code awsvpc} works without registry access. The image is built from a tar build context ({@code FROM scratch},
 * the binary, its entry point).
 */
final class PauseImage {
    static final String BINARY = "/pause";
    static final String DOCKERFILE = "FROM scratch\nCOPY pause /pause\nENTRYPOINT [\"/pause\"]\n";

    private PauseImage() {
    }

    /** A build context: the Dockerfile and {@code pause} (mode 0755), as a tar. */
    static byte[] buildContext() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        addFile(out, "Dockerfile", "0000644", DOCKERFILE.getBytes(StandardCharsets.US_ASCII));
        addFile(out, "pause", "0000755", amd64Elf());
        out.writeBytes(new byte[1024]);   // end-of-archive marker
        return out.toByteArray();
    }

    private static void addFile(ByteArrayOutputStream out, String name, String mode, byte[] content) {
        byte[] header = new byte[512];
        put(header, 0, name);
        put(header, 100, mode);
        put(header, 108, "0000000");
        put(header, 116, "0000000");
        put(header, 124, String.format("%011o", content.length));
        put(header, 136, String.format("%011o", 0));
        header[156] = '0';
        put(header, 257, "ustar");
        header[262] = 0;
        put(header, 263, "00");
        for (int i = 148; i < 156; i++) {
            header[i] = ' ';
        }
        int sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, String.format("%06o", sum));
        header[154] = 0;
        header[155] = ' ';
        out.writeBytes(header);
        out.writeBytes(content);
        if (content.length % 512 != 0) {
            out.writeBytes(new byte[512 - content.length % 512]);
        }
    }

    /** ELF64 header, one PT_LOAD program header, then: {@code mov eax,34 (pause); syscall; jmp back}. */
    static byte[] amd64Elf() {
        byte[] code = {(byte) 0xb8, 0x22, 0, 0, 0, 0x0f, 0x05, (byte) 0xeb, (byte) 0xf7};
        long base = 0x400000;
        int size = 64 + 56 + code.length;
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        b.putShort((short) 2).putShort((short) 0x3e).putInt(1);          // ET_EXEC, x86-64, version
        b.putLong(base + 64 + 56).putLong(64).putLong(0).putInt(0);      // entry, phoff, shoff, flags
        b.putShort((short) 64).putShort((short) 56).putShort((short) 1); // ehsize, phentsize, phnum
        b.putShort((short) 0).putShort((short) 0).putShort((short) 0);   // no sections
        b.putInt(1).putInt(5).putLong(0).putLong(base).putLong(base);    // PT_LOAD, R+X, offset, vaddr, paddr
        b.putLong(size).putLong(size).putLong(0x1000);                   // filesz, memsz, align
        b.put(code);
        return b.array();
    }

    private static void put(byte[] header, int offset, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }
}
