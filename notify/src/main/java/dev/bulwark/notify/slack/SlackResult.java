package dev.bulwark.notify.slack;

import java.util.Objects;
import java.util.function.Function;

/**
 * What Slack did with a message: it was posted, or Slack cannot take it now and it should be posted later
 * ({@link SlackRetryLater}). Errors that no retry fixes are thrown as {@link SlackException}.
 */
public sealed interface SlackResult permits SlackResult.Posted, SlackRetryLater {

    /**
     * The value of the function for this result's kind, so that a new kind does not compile until every consumer
     * handles it.
     *
     * @param posted     for a {@link Posted}
     * @param retryLater for a {@link SlackRetryLater}
     * @param <R>        what the functions return
     * @return the chosen function's value
     */
    <R> R match(Function<Posted, R> posted, Function<SlackRetryLater, R> retryLater);

    /**
     * Slack has the message.
     *
     * @param timestamp the message's {@code ts} (its ID in the channel) from {@code chat.postMessage}; empty for
     *                  a webhook, which does not say
     */
    record Posted(String timestamp) implements SlackResult {
        public Posted {
            timestamp = Objects.requireNonNullElse(timestamp, "");
        }

        @Override
        public <R> R match(Function<Posted, R> posted, Function<SlackRetryLater, R> retryLater) {
            return posted.apply(this);
        }
    }
}
