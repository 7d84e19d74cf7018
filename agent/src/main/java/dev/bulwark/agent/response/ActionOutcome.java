package dev.bulwark.agent.response;

import dev.bulwark.policy.runtime.Response;
import java.util.Objects;
import java.util.function.Function;

/**
 * What came of a response: it was done, or it failed and says why. Consume it with
 * {@link #match(Function, Function)}, so a new kind of outcome does not compile until every consumer handles it.
 */
public sealed interface ActionOutcome permits ActionOutcome.Done, ActionOutcome.Failed {

    /**
     * The value of the function for this outcome's kind.
     *
     * @param done   for a {@link Done}
     * @param failed for a {@link Failed}
     * @param <R>    what the functions return
     * @return the chosen function's value
     */
    <R> R match(Function<Done, R> done, Function<Failed, R> failed);

    /**
     * The outcome in words, for the audit log: {@code stop: stopped (grace 2 s)}, {@code pause failed: …}.
     *
     * @param response the response that was taken
     * @return what came of it
     */
    default String describe(Response response) {
        return match(done -> response.word() + ": " + done.detail(),
                failed -> response.word() + " failed: " + failed.reason());
    }

    /** The response took effect; {@code detail} says what was done. */
    record Done(String detail) implements ActionOutcome {
        public Done {
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public <R> R match(Function<Done, R> done, Function<Failed, R> failed) {
            return done.apply(this);
        }
    }

    /** The response did not take effect; {@code reason} says why and what to do. */
    record Failed(String reason) implements ActionOutcome {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public <R> R match(Function<Done, R> done, Function<Failed, R> failed) {
            return failed.apply(this);
        }
    }
}
