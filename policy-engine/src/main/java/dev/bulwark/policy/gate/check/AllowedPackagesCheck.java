package dev.bulwark.policy.gate.check;

import dev.bulwark.policy.gate.Reason;
import dev.bulwark.policy.model.GateRules;
import dev.bulwark.policy.pkg.InstalledPackage;
import java.util.ArrayList;
import java.util.List;

/** {@code allowedPackages}: when set, every package must match one of its patterns. */
final class AllowedPackagesCheck implements GateCheck {

    @Override
    public List<Reason> check(GateRules rules, CheckContext context) {
        List<Reason> reasons = new ArrayList<>();
        if (rules.allowedPackages() == null) {
            return reasons;
        }
        for (InstalledPackage installed : context.packages()) {
            boolean allowed = rules.allowedPackages().packages().stream().anyMatch(p -> p.matches(installed.purl()));
            if (!allowed) {
                reasons.add(new Reason("allowedPackages", rules.allowedPackages().action(), installed.purl().toString(),
                        "is not on the allowed list: remove it, or add a pattern for it to allowedPackages"));
            }
        }
        return reasons;
    }
}
