package dev.bulwark.notify.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one {@link Outbox#dispatch} run did.
 *
 * @param delivered   the keys of the messages that arrived
 * @param rescheduled the messages to be tried again, and when
 * @param failed      the messages given up on in this run, and why
 */
public record DispatchReport(List<String> delivered, List<Rescheduled> rescheduled, List<Failure> failed) {

    public DispatchReport {
        delivered = List.copyOf(delivered);
        rescheduled = List.copyOf(rescheduled);
        failed = List.copyOf(failed);
    }

    /** Whether every due message arrived. */
    public boolean allDelivered() {
        return rescheduled.isEmpty() && failed.isEmpty();
    }

    /**
     * A message that will be tried again.
     *
     * @param idempotencyKey the message
     * @param attempts       how many attempts it had so far
     * @param nextAttemptAt  when it is due again
     * @param reason         why this attempt did not deliver it
     */
    public record Rescheduled(String idempotencyKey, int attempts, Instant nextAttemptAt, String reason) {
        public Rescheduled {
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
            Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * A message given up on.
     *
     * @param idempotencyKey the message
     * @param channel        where it was going
     * @param attempts       how many attempts it had
     * @param reason         why it failed, with what to do about it
     */
    public record Failure(String idempotencyKey, String channel, int attempts, String reason) {
        public Failure {
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
