package dev.bulwark.notify.slack;

import java.util.Objects;

/**
 * What Slack did with a message: it was posted, or Slack cannot take it now and it should be posted later
 * ({@link SlackRetryLater}). Errors that no retry fixes are thrown as {@link SlackException}.
 */
public sealed interface SlackResult permits SlackResult.Posted, SlackRetryLater {

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
    }
}
