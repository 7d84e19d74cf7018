package dev.bulwark.policy.runtime;

import com.fasterxml.jackson.annotation.JsonValue;

/** The transport of a socket, as the kernel's {@code /proc/net} tables name it. */
public enum Protocol {
    /** TCP over IPv4. */
    TCP("tcp"),
    /** TCP over IPv6. */
    TCP6("tcp6"),
    /** UDP over IPv4. */
    UDP("udp"),
    /** UDP over IPv6. */
    UDP6("udp6");

    private final String word;

    Protocol(String word) {
        this.word = word;
    }

    /**
     * The protocol as the kernel's table and the audit log name it.
     *
     * @return {@code tcp}, {@code tcp6}, {@code udp} or {@code udp6}
     */
    @JsonValue
    public String word() {
        return word;
    }

    /**
     * The protocol whatever the IP version, as profiles and ports are written.
     *
     * @return {@code tcp} or {@code udp}
     */
    public String family() {
        return this == TCP || this == TCP6 ? "tcp" : "udp";
    }

    /**
     * Whether this is TCP, which has connections.
     *
     * @return true for TCP over either IP version
     */
    public boolean isTcp() {
        return this == TCP || this == TCP6;
    }
}
