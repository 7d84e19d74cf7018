package dev.bulwark.notify.outbox;

import java.time.Duration;
import java.util.Objects;

/** What became of one delivery attempt. */
public sealed interface DeliveryResult permits DeliveryResult.Delivered, DeliveryResult.RetryLater, DeliveryResult.Failed {

    /** The receiver has the message: it is never sent again. */
    record Delivered() implements DeliveryResult {
    }

    /**
     * The receiver cannot take it now (rate limit, outage, network): try again later.
     *
     * @param after  how long the receiver asked to wait ({@code Retry-After}), or zero to let the outbox's
     *               backoff decide
     * @param reason what went wrong, reported when the outbox gives up
     */
    record RetryLater(Duration after, String reason) implements DeliveryResult {
        public RetryLater {
            after = Objects.requireNonNullElse(after, Duration.ZERO);
            if (after.isNegative()) {
                after = Duration.ZERO;
            }
            reason = Objects.requireNonNullElse(reason, "the receiver asked to retry later");
        }

        public RetryLater(Duration after) {
            this(after, null);
        }
    }

    /**
     * The message can never arrive as it is (bad credentials, a deleted channel): do not try again.
     *
     * @param reason what is wrong and what to do about it
     */
    record Failed(String reason) implements DeliveryResult {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
