package dev.bulwark.policy.gate.check;

import dev.bulwark.policy.vuln.Finding;

/** What to do about a finding, in the words a developer acts on. */
final class Remedy {

    private Remedy() {
    }

    static String of(Finding finding) {
        String name = finding.pkg().namespace().isEmpty() ? finding.pkg().name()
                : finding.pkg().namespace() + "/" + finding.pkg().name();
        return finding.isFixable()
                ? "upgrade " + name + " from " + finding.pkg().version() + " to " + finding.fixedVersion() + " or later"
                : "no fixed version of " + name + " yet: remove it, or accept the risk with an exception";
    }
}
