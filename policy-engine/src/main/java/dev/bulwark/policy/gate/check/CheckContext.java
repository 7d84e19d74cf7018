package dev.bulwark.policy.gate.check;

import dev.bulwark.policy.model.GateRules;
import dev.bulwark.policy.pkg.InstalledPackage;
import dev.bulwark.policy.vuln.Finding;
import dev.bulwark.policy.vuln.ImageFacts;
import java.time.Instant;
import java.util.List;

/**
 * What the checks look at.
 *
 * @param findings the findings that count (exceptions and VEX already applied)
 * @param packages every package in the image
 * @param image    the image configuration
 * @param now      the time of judgement, from the injected clock
 */
public record CheckContext(List<Finding> findings, List<InstalledPackage> packages, ImageFacts image, Instant now) {

    public CheckContext {
        findings = List.copyOf(findings);
        packages = List.copyOf(packages);
    }

    /** The findings the vulnerability rules look at: all that count, or only the fixable ones. */
    List<Finding> vulnerabilitiesFor(GateRules rules) {
        return rules.countsOnlyFixable() ? findings.stream().filter(Finding::isFixable).toList() : findings;
    }
}
