package dev.bulwark.notify.outbox;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/** What became of one delivery attempt. */
public sealed interface DeliveryResult permits DeliveryResult.Delivered, DeliveryResult.RetryLater, DeliveryResult.Failed {

    /**
     * The value of the function for this kind, so that a new kind does not compile until every consumer handles it.
     *
     * @param <R> what the functions return
     * @return the chosen function's value
     */
    <R> R match(Function<Delivered, R> delivered, Function<RetryLater, R> retryLater, Function<Failed, R> failed);

    /** The receiver has the message: it is never sent again. */
    record Delivered() implements DeliveryResult {
        @Override
        public <R> R match(Function<Delivered, R> delivered, Function<RetryLater, R> retryLater, Function<Failed, R> failed) {
            return delivered.apply(this);
        }
    }

    /**
     * The receiver cannot take it now (rate limit, outage, network): try again later.
     *
     * @param after  how long the receiver asked to wait ({@code Retry-After}), or zero to let the outbox's
     *               backoff decide
     * @param reason what went wrong, reported when the outbox gives up
     */
    record RetryLater(Duration after, String reason) implements DeliveryResult {
        @Override
        public <R> R match(Function<Delivered, R> delivered, Function<RetryLater, R> retryLater, Function<Failed, R> failed) {
            return retryLater.apply(this);
        }

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
        @Override
        public <R> R match(Function<Delivered, R> delivered, Function<RetryLater, R> retryLater, Function<Failed, R> failed) {
            return failed.apply(this);
        }

        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
