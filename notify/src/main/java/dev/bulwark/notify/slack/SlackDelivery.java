package dev.bulwark.notify.slack;

import dev.bulwark.notify.outbox.Delivery;
import dev.bulwark.notify.outbox.DeliveryResult;
import java.time.Duration;
import java.util.Objects;

/**
 * Delivers the outbox's Slack messages: posted is delivered, {@link SlackRetryLater} is retried after Slack's
 * {@code Retry-After}, and a {@link SlackException} fails the message with what to fix.
 *
 * @param client the Slack client
 */
public record SlackDelivery(SlackClient client) implements Delivery {

    public SlackDelivery {
        Objects.requireNonNull(client, "client");
    }

    @Override
    public DeliveryResult deliver(String payloadJson) {
        SlackResult result;
        try {
            result = client.postJson(payloadJson);
        } catch (SlackException | IllegalArgumentException e) {
            return new DeliveryResult.Failed(e.getMessage());
        }
        return result.match(posted -> new DeliveryResult.Delivered(),
                later -> new DeliveryResult.RetryLater(Duration.ofSeconds(later.retryAfterSeconds()), later.reason()));
    }
}
