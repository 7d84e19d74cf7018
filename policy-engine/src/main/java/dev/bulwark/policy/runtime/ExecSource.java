package dev.bulwark.policy.runtime;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which sensor saw a program start. */
public enum ExecSource {
    /** The kernel's process events connector (netlink). */
    PROC_CONNECTOR("proc-connector"),
    /** Polling {@code /proc}, where the connector cannot be used. */
    PROC_POLL("proc-poll"),
    /** The Docker engine's {@code exec_start} event: an operator's {@code docker exec} or a health check. */
    DOCKER_EXEC("docker-exec");

    private final String word;

    ExecSource(String word) {
        this.word = word;
    }

    /**
     * The sensor's name in metrics and the audit log.
     *
     * @return {@code proc-connector}, {@code proc-poll} or {@code docker-exec}
     */
    @JsonValue
    public String word() {
        return word;
    }
}
