package dev.bulwark.notify.slack;

import java.util.Objects;
import java.util.function.Function;

/**
 * Slack cannot take the message now: it is rate-limiting (HTTP 429), having an outage (5xx) or out of reach.
 * Post it again later; the outbox does.
 *
 * @param retryAfterSeconds how long Slack asked to wait ({@code Retry-After}), or 0 when it did not say
 * @param reason            what happened, for the report when the outbox gives up
 */
public record SlackRetryLater(long retryAfterSeconds, String reason) implements SlackResult {

    public SlackRetryLater {
        retryAfterSeconds = Math.max(0, retryAfterSeconds);
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public <R> R match(Function<SlackResult.Posted, R> posted, Function<SlackRetryLater, R> retryLater) {
        return retryLater.apply(this);
    }
}
