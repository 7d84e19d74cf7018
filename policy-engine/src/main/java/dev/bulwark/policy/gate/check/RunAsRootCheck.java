package dev.bulwark.policy.gate.check;

import dev.bulwark.policy.gate.Reason;
import dev.bulwark.policy.model.GateRules;
import java.util.List;

/** {@code image.runAsRoot}: the image must name a non-root USER. */
final class RunAsRootCheck implements GateCheck {

    @Override
    public List<Reason> check(GateRules rules, CheckContext context) {
        if (rules.image() == null || rules.image().runAsRoot() == null || !context.image().runsAsRoot()) {
            return List.of();
        }
        String user = context.image().user().isEmpty() ? "no USER" : "USER " + context.image().user();
        return List.of(new Reason("image.runAsRoot", rules.image().runAsRoot(), "image",
                "runs as root (" + user + "): add a non-root USER to the Dockerfile, such as USER 10001"));
    }
}
