package dev.bulwark.agent.response;

import java.util.Objects;

/** What came of a response: it was done, or it failed and says why. */
public sealed interface ActionOutcome permits ActionOutcome.Done, ActionOutcome.Failed {

    /** The response took effect; {@code detail} says what was done. */
    record Done(String detail) implements ActionOutcome {
        public Done {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The response did not take effect; {@code reason} says why and what to do. */
    record Failed(String reason) implements ActionOutcome {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
