package dev.bulwark.policy.model;

import java.util.List;
import java.util.Objects;

/**
 * A stage with its effective rules: its own laid over everything it inherits.
 *
 * @param name    the stage name
 * @param order   its place in the promotion order, from 0
 * @param lineage the stages it inherits from, nearest first
 * @param gate    the effective gate rules
 */
public record Stage(String name, int order, List<String> lineage, GateRules gate) {

    public Stage {
        Objects.requireNonNull(name, "name");
        lineage = List.copyOf(lineage);
        Objects.requireNonNull(gate, "gate");
    }
}
