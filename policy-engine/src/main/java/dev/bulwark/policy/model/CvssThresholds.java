package dev.bulwark.policy.model;

import dev.bulwark.policy.document.InvalidFieldException;


/** CVSS base-score thresholds: a finding scored at or above {@code fail} fails the gate, at or above {@code warn} warns. */
public record CvssThresholds(Double fail, Double warn) {

    public CvssThresholds {
        requireScore(fail, "fail");
        requireScore(warn, "warn");
    }

    private static void requireScore(Double score, String key) {
        if (score != null && (score < 0.0 || score > 10.0)) {
            throw new InvalidFieldException(key, "cvss." + key + " is " + score + ": a CVSS score lies between 0.0 and 10.0");
        }
    }

    /** The action for a score, or null when neither threshold is reached. */
    public Action actionFor(double score) {
        if (fail != null && score >= fail) {
            return Action.FAIL;
        }
        if (warn != null && score >= warn) {
            return Action.WARN;
        }
        return null;
    }

    CvssThresholds overriddenBy(CvssThresholds child) {
        return child == null ? this : new CvssThresholds(Merge.pick(child.fail, fail), Merge.pick(child.warn, warn));
    }
}
