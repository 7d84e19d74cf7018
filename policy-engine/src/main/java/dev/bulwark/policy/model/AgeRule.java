package dev.bulwark.policy.model;

import dev.bulwark.policy.document.InvalidFieldException;
import dev.bulwark.policy.vuln.Severity;

/**
 * Vulnerabilities still in the image long after they were published: fail after {@code fail} days,
 * warn after {@code warn} days, counting only findings of at least {@code minSeverity}.
 */
public record AgeRule(Integer fail, Integer warn, Severity minSeverity) {

    public AgeRule {
        if (fail != null && fail < 0) {
            throw new InvalidFieldException("fail", "unfixedAfterDays.fail is " + fail + ": write a number of days of 0 or more");
        }
        if (warn != null && warn < 0) {
            throw new InvalidFieldException("warn", "unfixedAfterDays.warn is " + warn + ": write a number of days of 0 or more");
        }
    }

    /** The action for a vulnerability published the given number of days ago, or null. */
    public Action actionFor(long daysSincePublished, Severity severity) {
        if (minSeverity != null && !severity.isAtLeast(minSeverity)) {
            return null;
        }
        if (fail != null && daysSincePublished > fail) {
            return Action.FAIL;
        }
        if (warn != null && daysSincePublished > warn) {
            return Action.WARN;
        }
        return null;
    }

    AgeRule overriddenBy(AgeRule child) {
        return child == null ? this : new AgeRule(Merge.pick(child.fail, fail), Merge.pick(child.warn, warn),
                Merge.pick(child.minSeverity, minSeverity));
    }
}
