package dev.bulwark.agent.admission;

import java.util.Objects;

/**
 * What the plugin answers one Docker API request.
 */
sealed interface AdmissionDecision {

    /** A request admission control does not judge (a list, an inspect, a stop): allowed at once, not audited. */
    record Unjudged() implements AdmissionDecision {
    }

    /**
     * A judged request that may go ahead.
     *
     * @param call   what was asked, in words ({@code create web from registry/app:1})
     * @param target the container it concerns, when known
     * @param image  the image ID, when known
     * @param detail why it may
     */
    record Admitted(String call, String target, String image, String detail) implements AdmissionDecision {
        public Admitted {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * A judged request that is refused.
     *
     * @param rule   the policy field that refuses it ({@code admission.privileged}), or {@code request} when the
     *               request could not be read
     * @param reason what the docker CLI prints
     */
    record Refused(String call, String target, String image, String rule, String reason) implements AdmissionDecision {
        public Refused {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A request that could not be judged (an error, a registry out of time): the failure setting decides. */
    record Unjudgeable(String call, String target, String reason) implements AdmissionDecision {
    }
}
