package dev.bulwark.gate.posture;

import dev.bulwark.notify.outcome.FindingAdvice;
import dev.bulwark.policy.vuln.Finding;

/**
 * A finding that counted in a stored verdict, as a refresh compares it with the next: which advisory affects which
 * package, how badly, whether a fix exists, and what to do.
 *
 * @param advisory     the advisory's ID
 * @param pkg          the package's purl
 * @param name         the package's name
 * @param version      its installed version
 * @param severity     the severity word
 * @param fixedVersion the first fixed version, or empty
 * @param advice       what to do about it
 * @param blocking     whether it made the verdict fail
 */
public record StoredFinding(String advisory, String pkg, String name, String version, String severity, String fixedVersion,
                            String advice, boolean blocking) {

    /** The finding of a gate's outcome. */
    public static StoredFinding of(FindingAdvice advice) {
        Finding finding = advice.finding();
        return new StoredFinding(finding.vulnerabilityId(), finding.pkg().toString(), finding.pkg().name(),
                finding.pkg().version(), finding.severity().word(), finding.fixedVersion(), advice.advice(), advice.blocking());
    }

    /** What identifies it between refreshes: the advisory in the package. */
    public String key() {
        return advisory + " in " + pkg;
    }
}
