package dev.bulwark.policy.gate.check;

import dev.bulwark.policy.gate.Reason;
import dev.bulwark.policy.model.GateRules;
import java.util.ArrayList;
import java.util.List;

/** {@code image.forbiddenPorts}: ports the image must not EXPOSE; {@code 22} means any protocol. */
final class ForbiddenPortsCheck implements GateCheck {

    @Override
    public List<Reason> check(GateRules rules, CheckContext context) {
        List<Reason> reasons = new ArrayList<>();
        if (rules.image() == null || rules.image().forbiddenPorts() == null) {
            return reasons;
        }
        for (String exposed : context.image().exposedPorts()) {
            String withProtocol = exposed.contains("/") ? exposed : exposed + "/tcp";
            String port = withProtocol.substring(0, withProtocol.indexOf('/'));
            boolean forbidden = rules.image().forbiddenPorts().ports().stream()
                    .anyMatch(rule -> rule.contains("/") ? rule.equals(withProtocol) : rule.equals(port));
            if (forbidden) {
                reasons.add(new Reason("image.forbiddenPorts", rules.image().forbiddenPorts().action(), "image",
                        "exposes port " + withProtocol + ", which the policy forbids: remove that EXPOSE"));
            }
        }
        return reasons;
    }
}
