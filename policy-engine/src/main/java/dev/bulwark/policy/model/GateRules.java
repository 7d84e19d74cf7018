package dev.bulwark.policy.model;

/**
 * The gate rules of one stage. Every rule is optional; a stage that extends another inherits each rule
 * it does not set itself.
 *
 * @param severity          fail/warn at a severity
 * @param cvss              fail/warn at a CVSS base score
 * @param fixableOnly       count only vulnerabilities that have a fixed version (severity, cvss and age rules)
 * @param unfixedAfterDays  fail/warn when a vulnerability is still in the image N days after it was published
 * @param deniedPackages    packages that must not be in the image
 * @param allowedPackages   when set, packages outside this list break the rule
 * @param image             rules on the image configuration
 */
public record GateRules(Thresholds severity, CvssThresholds cvss, Boolean fixableOnly, AgeRule unfixedAfterDays,
                        PackageList deniedPackages, PackageList allowedPackages, ImageRules image) {

    /** No rules at all: everything passes. */
    public static GateRules none() {
        return new GateRules(null, null, null, null, null, null, null);
    }

    /** Whether severity, cvss and age rules ignore vulnerabilities without a fix. */
    public boolean countsOnlyFixable() {
        return Boolean.TRUE.equals(fixableOnly);
    }

    /** These rules with the child's own rules laid over them. */
    public GateRules overriddenBy(GateRules child) {
        if (child == null) {
            return this;
        }
        return new GateRules(
                Merge.overridden(severity, child.severity, Thresholds::overriddenBy),
                Merge.overridden(cvss, child.cvss, CvssThresholds::overriddenBy),
                Merge.pick(child.fixableOnly, fixableOnly),
                Merge.overridden(unfixedAfterDays, child.unfixedAfterDays, AgeRule::overriddenBy),
                Merge.pick(child.deniedPackages, deniedPackages),
                Merge.pick(child.allowedPackages, allowedPackages),
                Merge.overridden(image, child.image, ImageRules::overriddenBy));
    }
}
