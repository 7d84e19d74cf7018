package dev.bulwark.policy.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a gate rule does when it is broken: fail the gate, or warn and let it pass. */
public enum Action {
    FAIL, WARN;

    @JsonCreator
    public static Action parse(String text) {
        return switch (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) {
            case "fail" -> FAIL;
            case "warn" -> WARN;
            default -> throw new IllegalArgumentException("'" + text + "' is not an action: use fail or warn");
        };
    }

    @JsonValue
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
