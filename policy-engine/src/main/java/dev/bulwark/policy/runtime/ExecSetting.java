package dev.bulwark.policy.runtime;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What the agent does when an operator runs {@code docker exec} in a container. The exec is the operator's doing,
 * not the container's: it never becomes part of a learned profile, and it is judged by the explicit rules and this
 * setting only.
 */
public enum ExecSetting {
    /** Let it be (the explicit rules still apply). */
    ALLOW,
    /** Record and notify. */
    ALERT,
    /** Respond as to any block: in protect mode the container gets the policy's strongest response. */
    DENY;

    @JsonCreator
    public static ExecSetting parse(String text) {
        for (ExecSetting setting : values()) {
            if (setting.word().equals(text == null ? "" : text.strip().toLowerCase(Locale.ROOT))) {
                return setting;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not an exec setting: use allow, alert or deny");
    }

    @JsonValue
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
