package dev.bulwark.policy.runtime;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What the agent does with a container: learn its behaviour, alert on deviations, or respond to them. */
public enum RuntimeMode {
    LEARN, MONITOR, PROTECT;

    @JsonCreator
    public static RuntimeMode parse(String text) {
        for (RuntimeMode mode : values()) {
            if (mode.word().equals(text == null ? "" : text.strip().toLowerCase(Locale.ROOT))) {
                return mode;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a runtime mode: use learn, monitor or protect");
    }

    @JsonValue
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
