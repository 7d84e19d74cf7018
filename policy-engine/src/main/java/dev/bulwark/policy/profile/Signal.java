package dev.bulwark.policy.profile;

import java.util.Locale;

/**
 * One kind of behaviour a profile learns, each with its own convergence and mode.
 */
public enum Signal {
    /** Programs the container runs (the executable's path). */
    EXECUTABLES("executables"),
    /** Which program started which ({@code parent > child}). */
    EXEC_EDGES("execEdges"),
    /** Which user runs each program ({@code path as uid}). */
    EXEC_USERS("execUsers"),
    /**
     * How programs are run beyond their path: an interpreter given code inline ({@code /usr/bin/python3.11 -c}) and
     * the loader variables a program was started with ({@code /usr/bin/redis-server LD_PRELOAD=/usr/lib/libjemalloc.so}).
     */
    EXEC_MODES("execModes"),
    /** Programs run by the image's health check, learned apart from the container's own. */
    HEALTHCHECKS("healthchecks"),
    /** Ports the container listens on ({@code tcp:80}). */
    LISTENING("listening"),
    /** Peers the container connects to ({@code 10.0.3.7:5432}, generalised to networks when many). */
    OUTBOUND("outbound"),
    /** Paths the container writes, creates or deletes (generalised to globs). */
    WRITES("writes"),
    /** Credential and secret files the container reads ({@code /etc/shadow}, SSH keys, mounted secrets). */
    SENSITIVE_READS("sensitiveReads"),
    /** CPU, memory and process counts: an envelope from robust statistics rather than a set of items. */
    RESOURCES("resources");

    private final String word;

    Signal(String word) {
        this.word = word;
    }

    /** The signal as files and commands name it. */
    public String word() {
        return word;
    }

    /** Reads a signal's word, case-insensitively; the error lists the valid words. */
    public static Signal parse(String text) {
        for (Signal signal : values()) {
            if (signal.word.toLowerCase(Locale.ROOT).equals(text == null ? "" : text.strip().toLowerCase(Locale.ROOT))) {
                return signal;
            }
        }
        StringBuilder words = new StringBuilder();
        for (Signal signal : values()) {
            words.append(words.isEmpty() ? "" : ", ").append(signal.word);
        }
        throw new IllegalArgumentException("'" + text + "' is not a profile signal: use one of " + words);
    }
}
