package dev.bulwark.policy.model;

import dev.bulwark.policy.vuln.Severity;

/**
 * Severity thresholds: a finding at or above {@code fail} fails the gate, at or above {@code warn} warns.
 * Either may be absent.
 */
public record Thresholds(Severity fail, Severity warn) {

    /** The action for a severity, or null when neither threshold is reached. */
    public Action actionFor(Severity severity) {
        if (fail != null && severity.isAtLeast(fail)) {
            return Action.FAIL;
        }
        if (warn != null && severity.isAtLeast(warn)) {
            return Action.WARN;
        }
        return null;
    }

    Thresholds overriddenBy(Thresholds child) {
        return child == null ? this : new Thresholds(Merge.pick(child.fail, fail), Merge.pick(child.warn, warn));
    }
}
