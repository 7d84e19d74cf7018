package dev.bulwark.policy.gate.check;

import dev.bulwark.policy.gate.Reason;
import dev.bulwark.policy.model.GateRules;
import java.util.List;

/** One kind of gate rule: given a stage's effective rules and what is judged, the rules it finds broken. */
public interface GateCheck {

    List<Reason> check(GateRules rules, CheckContext context);
}
