package dev.bulwark.policy.runtime;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.bulwark.policy.document.InvalidFieldException;
import java.util.List;
import java.util.Objects;

/**
 * The runtime section of a policy: the agent's default mode, explicit rules, admission rules and the
 * response ladder.
 *
 * @param defaultMode the mode for containers whose label does not choose one
 * @param rules       explicit behaviour rules
 * @param admission   what containers must not be given at create or start
 * @param responses   the ladder of responses, least destructive first; never empty
 * @param exec        what an operator's {@code docker exec} does: allow, alert (the default) or deny
 * @param learning    how profiles are learned and when they are done
 */
public record RuntimeSpec(RuntimeMode defaultMode, RuntimeRules rules, AdmissionRules admission, List<Response> responses,
                          ExecSetting exec, LearningSettings learning) {

    @JsonCreator
    public RuntimeSpec {
        exec = Objects.requireNonNullElse(exec, ExecSetting.ALERT);
        learning = Objects.requireNonNullElse(learning, LearningSettings.defaults());
        defaultMode = Objects.requireNonNullElse(defaultMode, RuntimeMode.LEARN);
        rules = Objects.requireNonNullElse(rules, RuntimeRules.none());
        admission = Objects.requireNonNullElse(admission, new AdmissionRules(null, null, null, null, null));
        responses = List.copyOf(Objects.requireNonNullElse(responses, List.of(Response.ALERT)));
        if (responses.isEmpty()) {
            throw new InvalidFieldException("responses", "the response ladder is empty, so a block would have no response:"
                    + " list at least one of alert, quarantine, pause, stop, kill (least destructive first), or leave"
                    + " responses out for alerts only");
        }
        for (int i = 1; i < responses.size(); i++) {
            if (responses.get(i).compareTo(responses.get(i - 1)) <= 0) {
                throw new InvalidFieldException("responses", "the response ladder must go from least to most destructive"
                        + " without repeats (alert, quarantine, pause, stop, kill): '" + responses.get(i).word()
                        + "' comes after '" + responses.get(i - 1).word() + "'");
            }
        }
    }

    /** A runtime section with the default exec setting and learning. */
    public RuntimeSpec(RuntimeMode defaultMode, RuntimeRules rules, AdmissionRules admission, List<Response> responses) {
        this(defaultMode, rules, admission, responses, null, null);
    }

    /** Learn everything, respond with alerts only: the runtime section of a policy that has none. */
    /**
     * The same section with every container in learn mode, for learning profiles in CI, where nothing is blocked;
     * behaviour is counted per second (one-second intervals), since a CI run lasts minutes, not hours.
     */
    public RuntimeSpec learningOnly() {
        return new RuntimeSpec(RuntimeMode.LEARN, rules, admission, responses, exec, learning.perSecond());
    }

    public static RuntimeSpec defaults() {
        return new RuntimeSpec(null, null, null, null);
    }
}
