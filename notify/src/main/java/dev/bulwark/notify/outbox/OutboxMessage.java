package dev.bulwark.notify.outbox;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A message in the outbox, as {@link Outbox#pending()} and {@link Outbox#failed()} report it.
 *
 * @param idempotencyKey the key it was enqueued with
 * @param channel        where it goes ({@code slack}, {@code jira})
 * @param payloadJson    what is sent
 * @param state          pending, delivered or failed
 * @param attempts       how many deliveries were tried
 * @param nextAttemptAt  when it is due again; empty before its first attempt, when it is due at once
 * @param lastError      why the last attempt did not deliver it
 */
public record OutboxMessage(String idempotencyKey, String channel, String payloadJson, State state, int attempts,
                            Optional<Instant> nextAttemptAt, Optional<String> lastError) {

    public OutboxMessage {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(payloadJson, "payloadJson");
        Objects.requireNonNull(state, "state");
        nextAttemptAt = Objects.requireNonNullElse(nextAttemptAt, Optional.empty());
        lastError = Objects.requireNonNullElse(lastError, Optional.empty());
    }

    /** Where a message is in its life. */
    public enum State {
        /** Waiting for its first or next attempt. */
        PENDING,
        /** Arrived; never sent again. */
        DELIVERED,
        /** Given up on: a permanent error, or out of attempts. */
        FAILED
    }
}
