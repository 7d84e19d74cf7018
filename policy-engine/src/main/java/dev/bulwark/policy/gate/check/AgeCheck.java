package dev.bulwark.policy.gate.check;

import dev.bulwark.policy.gate.Reason;
import dev.bulwark.policy.model.Action;
import dev.bulwark.policy.model.GateRules;
import dev.bulwark.policy.vuln.Finding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@code unfixedAfterDays: {fail: 90}}: vulnerabilities still in the image long after they were published. */
final class AgeCheck implements GateCheck {

    @Override
    public List<Reason> check(GateRules rules, CheckContext context) {
        List<Reason> reasons = new ArrayList<>();
        if (rules.unfixedAfterDays() == null) {
            return reasons;
        }
        for (Finding finding : context.vulnerabilitiesFor(rules)) {
            if (finding.published().isEmpty()) {
                continue;
            }
            long days = Duration.between(finding.published().get(), context.now()).toDays();
            Action action = rules.unfixedAfterDays().actionFor(days, finding.severity());
            if (action != null) {
                reasons.add(new Reason("unfixedAfterDays", action, finding.subject(),
                        "published " + days + " days ago and still in the image: " + Remedy.of(finding)));
            }
        }
        return reasons;
    }
}
