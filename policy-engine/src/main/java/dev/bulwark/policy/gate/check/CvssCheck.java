package dev.bulwark.policy.gate.check;

import dev.bulwark.policy.gate.Reason;
import dev.bulwark.policy.model.Action;
import dev.bulwark.policy.model.GateRules;
import dev.bulwark.policy.vuln.Finding;
import java.util.ArrayList;
import java.util.List;

/** {@code cvss: {fail: 9.0, warn: 7.0}}: vulnerabilities at or above a CVSS base score. */
final class CvssCheck implements GateCheck {

    @Override
    public List<Reason> check(GateRules rules, CheckContext context) {
        List<Reason> reasons = new ArrayList<>();
        if (rules.cvss() == null) {
            return reasons;
        }
        for (Finding finding : context.vulnerabilitiesFor(rules)) {
            if (finding.cvssScore().isEmpty()) {
                continue;
            }
            double score = finding.cvssScore().getAsDouble();
            Action action = rules.cvss().actionFor(score);
            if (action != null) {
                reasons.add(new Reason("cvss", action, finding.subject(), "CVSS " + score + ": " + Remedy.of(finding)));
            }
        }
        return reasons;
    }
}
