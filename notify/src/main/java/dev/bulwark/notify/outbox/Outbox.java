package dev.bulwark.notify.outbox;

import dev.bulwark.notify.outbox.DeliveryResult.RetryLater;
import dev.bulwark.notify.outbox.OutboxStore.Claim;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A durable outbox for notifications, in one SQLite file: a gate run enqueues what it has to say and goes on;
 * {@link #dispatch} delivers it, now or, when Slack or Jira is down, later. An outage loses nothing and a retry
 * duplicates nothing:
 *
 * <ul>
 *   <li>A message is written before anything is sent and survives a crash or restart.</li>
 *   <li>The idempotency key is unique: enqueueing the same key again (a re-run build step) is ignored, even
 *       after the first was delivered.</li>
 *   <li>A dispatcher claims one message at a time for a lease, in one atomic statement, so two dispatchers
 *       (threads or processes on the same file) never hold the same message. A message whose dispatcher
 *       died is claimed again once its lease runs out.</li>
 *   <li>A delivered message is never sent again. The one window left is a dispatcher that dies after the
 *       receiver accepted a message and before the outbox recorded it, or a delivery that outlasts its lease:
 *       then the message is sent again. Delivery is at least once, and exactly once otherwise.</li>
 *   <li>Transient failures are retried with exponential backoff (longer when the receiver says
 *       {@code Retry-After}), up to {@link RetryPolicy#maxAttempts()}; then, or on a permanent error, the
 *       message is marked failed with the reason and reported.</li>
 * </ul>
 */
public final class Outbox implements AutoCloseable {

    private final OutboxStore store;
    private final RetryPolicy policy;

    private Outbox(OutboxStore store, RetryPolicy policy) {
        this.store = store;
        this.policy = policy;
    }

    /** Opens (creating when needed) the outbox file with the {@linkplain RetryPolicy#DEFAULT default} retries. */
    public static Outbox open(Path file) {
        return open(file, RetryPolicy.DEFAULT);
    }

    /** Opens (creating when needed) the outbox file. */
    public static Outbox open(Path file, RetryPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        return new Outbox(OutboxStore.open(file), policy);
    }

    /**
     * Adds a message, due at once.
     *
     * @param idempotencyKey what makes the message unique: the same key again is ignored
     * @param channel        where it goes: the key of its {@link Delivery} in {@link #dispatch}
     * @param payloadJson    what to send
     * @return whether it was added; {@code false} when a message with this key is already there
     */
    public boolean enqueue(String idempotencyKey, String channel, String payloadJson) {
        requireText(idempotencyKey, "idempotency key");
        requireText(channel, "channel");
        requireText(payloadJson, "payload");
        return store.insert(idempotencyKey, channel, payloadJson, Instant.now());
    }

    /**
     * Delivers every message that is due now, each at most once in this run. Messages of channels without a
     * delivery in the map stay pending.
     *
     * @param byChannel how to deliver each channel's messages
     * @param clock     what "now" is (for due times, backoff and leases)
     * @return what was delivered, rescheduled and given up on
     */
    public DispatchReport dispatch(Map<String, Delivery> byChannel, Clock clock) {
        Tally tally = new Tally();
        if (byChannel.isEmpty()) {
            return tally.report();
        }
        // Only messages due when the run started: a message rescheduled in this run is due later, so it is not
        // tried twice in one run, whatever the backoff.
        Instant dueBy = clock.instant();
        for (Optional<Claim> next = claim(byChannel, dueBy, clock); next.isPresent(); next = claim(byChannel, dueBy, clock)) {
            Claim claim = next.get();
            DeliveryResult result = deliver(byChannel.get(claim.channel()), claim);
            settle(claim, result, clock.instant(), tally);
        }
        return tally.report();
    }

    /**
     * Makes every pending message due now, whatever its retry delay said (an operator who knows the service is back):
     * the next {@link #dispatch} tries them once each. Returns how many were waiting.
     */
    public int makeAllDue(Clock clock) {
        return store.makeDue(clock.instant());
    }

    /** The messages still to be delivered, the next due first. */
    public List<OutboxMessage> pending() {
        return store.list(OutboxMessage.State.PENDING);
    }

    /** The messages given up on, with why: for reports and {@code bulwark status}. */
    public List<OutboxMessage> failed() {
        return store.list(OutboxMessage.State.FAILED);
    }

    private Optional<Claim> claim(Map<String, Delivery> byChannel, Instant dueBy, Clock clock) {
        Instant now = clock.instant();
        return store.claimNext(byChannel.keySet(), dueBy, now, now.plus(policy.lease()), UUID.randomUUID().toString());
    }

    private static DeliveryResult deliver(Delivery delivery, Claim claim) {
        try {
            DeliveryResult result = delivery.deliver(claim.payload());
            return result != null ? result : new RetryLater(Duration.ZERO, "the " + claim.channel() + " delivery returned no result");
        } catch (RuntimeException e) {
            // A bug or an unforeseen failure: keep the message and let the attempts run out rather than lose it.
            return new RetryLater(Duration.ZERO, "the " + claim.channel() + " delivery failed unexpectedly: " + e);
        }
    }

    private void settle(Claim claim, DeliveryResult result, Instant now, Tally tally) {
        result.match(delivered -> {
            store.markDelivered(claim, now);
            return tally.delivered.add(claim.key());
        }, retry -> {
            if (claim.attempts() >= policy.maxAttempts()) {
                String reason = "gave up after " + claim.attempts() + " attempts; the last one said: " + retry.reason();
                return tally.failed.add(fail(claim, reason, now));
            }
            Instant at = now.plus(policy.delayAfter(claim.attempts(), retry.after(), java.util.concurrent.ThreadLocalRandom.current()::nextDouble));
            store.reschedule(claim, at, retry.reason());
            return tally.rescheduled.add(new DispatchReport.Rescheduled(claim.key(), claim.attempts(), at, retry.reason()));
        }, failure -> tally.failed.add(fail(claim, failure.reason(), now)));
    }

    private DispatchReport.Failure fail(Claim claim, String reason, Instant now) {
        store.markFailed(claim, reason, now);
        return new DispatchReport.Failure(claim.key(), claim.channel(), claim.attempts(), reason);
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an outbox message needs a " + what + "; it was empty");
        }
    }

    @Override
    public void close() {
        store.close();
    }

    /** What one dispatch run did so far. */
    private static final class Tally {
        final List<String> delivered = new ArrayList<>();
        final List<DispatchReport.Rescheduled> rescheduled = new ArrayList<>();
        final List<DispatchReport.Failure> failed = new ArrayList<>();

        DispatchReport report() {
            return new DispatchReport(delivered, rescheduled, failed);
        }
    }
}
