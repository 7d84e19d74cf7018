package dev.bulwark.policy.gate.check;

import dev.bulwark.policy.gate.Reason;
import dev.bulwark.policy.model.GateRules;
import dev.bulwark.policy.pkg.InstalledPackage;
import dev.bulwark.policy.pkg.PurlPattern;
import java.util.ArrayList;
import java.util.List;

/** {@code deniedPackages}: packages that must not be in the image, vulnerable or not. */
final class DeniedPackagesCheck implements GateCheck {

    @Override
    public List<Reason> check(GateRules rules, CheckContext context) {
        List<Reason> reasons = new ArrayList<>();
        if (rules.deniedPackages() == null) {
            return reasons;
        }
        for (InstalledPackage installed : context.packages()) {
            for (PurlPattern pattern : rules.deniedPackages().packages()) {
                if (pattern.matches(installed.purl())) {
                    reasons.add(new Reason("deniedPackages", rules.deniedPackages().action(), installed.purl().toString(),
                            "matches the denied pattern " + pattern + (installed.path().isEmpty() ? "" : " at " + installed.path())
                                    + ": remove the package or replace it"));
                    break;
                }
            }
        }
        return reasons;
    }
}
