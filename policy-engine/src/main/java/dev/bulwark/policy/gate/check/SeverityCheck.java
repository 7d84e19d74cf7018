package dev.bulwark.policy.gate.check;

import dev.bulwark.policy.gate.Reason;
import dev.bulwark.policy.model.Action;
import dev.bulwark.policy.model.GateRules;
import dev.bulwark.policy.vuln.Finding;
import java.util.ArrayList;
import java.util.List;

/** {@code severity: {fail: high, warn: medium}}: vulnerabilities at or above a severity. */
final class SeverityCheck implements GateCheck {

    @Override
    public List<Reason> check(GateRules rules, CheckContext context) {
        List<Reason> reasons = new ArrayList<>();
        if (rules.severity() == null) {
            return reasons;
        }
        for (Finding finding : context.vulnerabilitiesFor(rules)) {
            Action action = rules.severity().actionFor(finding.severity());
            if (action != null) {
                reasons.add(new Reason("severity", action, finding.subject(),
                        finding.severity().word() + " severity: " + Remedy.of(finding)));
            }
        }
        return reasons;
    }
}
