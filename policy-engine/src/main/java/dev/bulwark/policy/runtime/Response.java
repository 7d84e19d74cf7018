package dev.bulwark.policy.runtime;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A response to a container that broke policy, least destructive first. */
public enum Response {
    /** Record and notify; the container runs on. */
    ALERT,
    /** Disconnect the container from its networks. */
    QUARANTINE,
    /** Freeze the container's processes. */
    PAUSE,
    /** Stop the container gracefully. */
    STOP,
    /** Kill the container at once. */
    KILL;

    @JsonCreator
    public static Response parse(String text) {
        for (Response response : values()) {
            if (response.word().equals(text == null ? "" : text.strip().toLowerCase(Locale.ROOT))) {
                return response;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a response: use alert, quarantine, pause, stop or kill");
    }

    @JsonValue
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
