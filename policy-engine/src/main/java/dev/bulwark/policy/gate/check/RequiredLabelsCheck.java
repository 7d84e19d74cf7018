package dev.bulwark.policy.gate.check;

import dev.bulwark.policy.gate.Reason;
import dev.bulwark.policy.model.GateRules;
import java.util.ArrayList;
import java.util.List;

/** {@code image.requiredLabels}: labels the image must carry. */
final class RequiredLabelsCheck implements GateCheck {

    @Override
    public List<Reason> check(GateRules rules, CheckContext context) {
        List<Reason> reasons = new ArrayList<>();
        if (rules.image() == null || rules.image().requiredLabels() == null) {
            return reasons;
        }
        for (String label : rules.image().requiredLabels().labels()) {
            String value = context.image().labels().get(label);
            if (value == null || value.isBlank()) {
                reasons.add(new Reason("image.requiredLabels", rules.image().requiredLabels().action(), "image",
                        "has no label " + label + ": add LABEL " + label + "=… to the Dockerfile"));
            }
        }
        return reasons;
    }
}
