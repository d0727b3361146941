package io.ecs4j.model;

/**
 * The protocol of a port mapping. Default {@link #TCP}.
 *
 * <p>{@link #value()} is the string the ECS API uses.
 */
public enum TransportProtocol {
    /** {@code tcp} */
    TCP("tcp"),
    /** {@code udp} */
    UDP("udp");

    private final String value;

    TransportProtocol(String value) {
        this.value = value;
    }

    /** The value as the ECS API spells it. */
    public String value() {
        return value;
    }

    /**
     * The constant whose {@linkplain #value() ECS value} is {@code value} (exact match).
     *
     * @throws IllegalArgumentException naming the valid values when there is no such constant
     */
    public static TransportProtocol fromValue(String value) {
        for (TransportProtocol candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a valid TransportProtocol; valid values are: tcp, udp");
    }

    @Override
    public String toString() {
        return value;
    }
}
