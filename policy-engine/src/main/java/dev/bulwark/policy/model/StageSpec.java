package dev.bulwark.policy.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.bulwark.policy.document.InvalidFieldException;
import java.util.Objects;

/**
 * A stage as written in the policy: its name, the stage it extends (if any) and its own gate rules.
 *
 * @param name    the stage name, such as {@code dev} or {@code production}
 * @param extend  the stage whose rules this one inherits, or null
 * @param gate    the rules this stage sets itself
 */
public record StageSpec(String name, @JsonProperty("extends") String extend, GateRules gate) {

    public StageSpec {
        if (name == null || !name.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new InvalidFieldException("name", "stage name '" + name + "' is not valid: use lower-case letters, digits, '.', '_' or '-'");
        }
        gate = Objects.requireNonNullElse(gate, GateRules.none());
    }
}
