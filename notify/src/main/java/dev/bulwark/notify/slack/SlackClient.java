package dev.bulwark.notify.slack;

import dev.bulwark.notify.config.SecretRef;
import dev.bulwark.notify.config.Secrets;
import dev.bulwark.notify.config.SlackSettings;

/**
 * Posts messages to Slack: through an incoming webhook ({@link SlackWebhookClient}) or as a bot with
 * {@code chat.postMessage} ({@link SlackApiClient}). Both take the same payload, so what the outbox holds
 * does not depend on which one delivers it.
 */
public interface SlackClient {

    /**
     * Posts a message given as Slack JSON ({@code {"text": …, "blocks": […]}}).
     *
     * @return {@link SlackResult.Posted}, or {@link SlackRetryLater} when Slack cannot take it now
     * @throws SlackException when Slack refused it for a reason a retry does not fix; the message says what to fix
     */
    SlackResult postJson(String payloadJson);

    /** Posts a message. */
    default SlackResult post(SlackMessage message) {
        return postJson(message.toJson());
    }

    /**
     * The client the settings describe, with its secret read now.
     *
     * @throws dev.bulwark.notify.config.NotifyConfigException when the secret is missing
     */
    static SlackClient from(SlackSettings settings, Secrets secrets) {
        if (settings.webhookUrl().isPresent()) {
            return new SlackWebhookClient(secrets.resolve(settings.webhookUrl().get()));
        }
        SecretRef token = settings.botToken().orElseThrow();
        return new SlackApiClient(secrets.resolve(token), settings.channel());
    }
}
