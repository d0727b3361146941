package io.ecs4j.internal.engine;

import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * Makes ECS-shaped identifiers from one random source, so a seeded instance is reproducible. Thread-safe.
 */
final class Ids {
    private static final HexFormat HEX = HexFormat.of();
    private final RandomGenerator random;
    /** Ids taken by something this process did not create (re-adopted tasks): never handed out again. */
    private final java.util.Set<String> reserved = new java.util.HashSet<>();

    Ids(RandomGenerator random) {
        this.random = random;
    }

    /** Marks an id as taken; the generators skip it. */
    synchronized void reserve(String id) {
        reserved.add(id);
    }

    /** 32 lowercase hex characters: new-format task and container instance ids. */
    synchronized String hex32() {
        String id;
        do {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            id = HEX.formatHex(bytes);
        } while (reserved.contains(id));
        return id;
    }

    /** A version-4-shaped UUID string, as in container ARNs and service event ids. */
    synchronized String uuid() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        b[6] = (byte) ((b[6] & 0x0f) | 0x40);
        b[8] = (byte) ((b[8] & 0x3f) | 0x80);
        String h = HEX.formatHex(b);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                + "-" + h.substring(20);
    }

    /** {@code i-} and 17 hex characters: an EC2 instance id. */
    synchronized String ec2InstanceId() {
        return "i-" + hex32().substring(0, 17);
    }

    /** A 19-digit decimal: the numeric part of a deployment id ({@code ecs-svc/<digits>}). */
    synchronized String digits19() {
        String id;
        do {
            id = Long.toString(1_000_000_000_000_000_000L + Math.floorMod(random.nextLong(), 8_000_000_000_000_000_000L));
        } while (reserved.contains(id));
        return id;
    }

    /** A value in [0, bound). */
    synchronized int nextInt(int bound) {
        return random.nextInt(bound);
    }
}
