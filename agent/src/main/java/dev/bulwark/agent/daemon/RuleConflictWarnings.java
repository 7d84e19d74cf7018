package dev.bulwark.agent.daemon;

import dev.bulwark.policy.profile.Profile;
import dev.bulwark.policy.profile.RuleConflicts;
import dev.bulwark.policy.runtime.RuntimeRules;
import java.util.List;
import java.util.function.Consumer;

/**
 * At the agent's start: each behaviour a stored profile learned as normal that an explicit runtime rule would block,
 * said before the rule blocks it (the rule is the user's, but the user may not know what it will stop).
 */
final class RuleConflictWarnings {

    private RuleConflictWarnings() {
    }

    /** Warns once per conflict and returns how many there were. */
    static int log(RuntimeRules rules, List<Profile> profiles, Consumer<String> warn) {
        int count = 0;
        for (Profile profile : profiles) {
            for (String conflict : RuleConflicts.lines(rules, profile)) {
                warn.accept("profile " + conflict + "; `bulwark profile try --policy FILE` shows what a changed policy would block");
                count++;
            }
        }
        return count;
    }
}
