package dev.bulwark.policy.runtime;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a container touched a file. */
public enum FileAccessKind {
    /** Opened for reading. */
    READ("read"),
    /** Changed. */
    WRITE("write"),
    /** Created. */
    CREATE("create"),
    /** Deleted. */
    DELETE("delete"),
    /** Opened to be executed: a program started, however briefly it lived. */
    EXEC("exec");

    private final String word;

    FileAccessKind(String word) {
        this.word = word;
    }

    /**
     * The kind as the audit log and messages write it.
     *
     * @return {@code read}, {@code write}, {@code create}, {@code delete} or {@code exec}
     */
    @JsonValue
    public String word() {
        return word;
    }

    /**
     * Whether the access changes the file system: a write, a creation or a deletion.
     *
     * @return true for those
     */
    public boolean changes() {
        return this == WRITE || this == CREATE || this == DELETE;
    }
}
