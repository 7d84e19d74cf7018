package dev.bulwark.notify;

import dev.bulwark.notify.config.Redactor;
import dev.bulwark.notify.jira.JiraException;
import dev.bulwark.notify.jira.JiraRetryLater;
import dev.bulwark.notify.jira.TicketSync;
import dev.bulwark.notify.outbox.Delivery;
import dev.bulwark.notify.outbox.DeliveryResult;
import dev.bulwark.notify.outcome.GateOutcomeJson;
import java.time.Duration;

/** Hands a queued gate outcome to Jira: one ticket sync per message, retried by the outbox when Jira is away. */
final class JiraDelivery implements Delivery {

    private static final Duration DEFAULT_WAIT = Duration.ofMinutes(1);

    private final TicketSync sync;
    private final Redactor redactor;

    JiraDelivery(TicketSync sync, Redactor redactor) {
        this.sync = sync;
        this.redactor = redactor;
    }

    @Override
    public DeliveryResult deliver(String payloadJson) {
        try {
            sync.sync(GateOutcomeJson.read(payloadJson));
            return new DeliveryResult.Delivered();
        } catch (JiraRetryLater later) {
            return new DeliveryResult.RetryLater(later.retryAfter().orElse(DEFAULT_WAIT), redactor.redact(later.getMessage()));
        } catch (JiraException permanent) {
            return new DeliveryResult.Failed(redactor.redact(permanent.getMessage()));
        }
    }
}
