package dev.bulwark.notify.config;

import dev.bulwark.policy.gate.Verdict;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How to reach Slack: an incoming webhook (fixed to the channel it was created for), or a bot token and a
 * channel for {@code chat.postMessage}. Exactly one of the two.
 *
 * <pre>
 * slack:
 *   webhookUrlEnv: SLACK_WEBHOOK_URL     # or webhookUrlFile: /run/secrets/slack
 *   # botTokenEnv: SLACK_BOT_TOKEN       # or botTokenFile; needs channel
 *   channel: "#builds"
 *   on: [fail, warn]
 * </pre>
 *
 * @param webhookUrl where the webhook URL is kept
 * @param botToken   where the bot token ({@code xoxb-…}) is kept
 * @param channel    the channel to post to with the bot token (an ID like {@code C0123ABCD} or {@code #name});
 *                   empty with a webhook, which posts where it was created for
 * @param on         the verdicts worth a message ({@code fail}, {@code warn}, {@code pass})
 */
public record SlackSettings(Optional<SecretRef> webhookUrl, Optional<SecretRef> botToken, String channel, Set<String> on) {

    /** Failures and warnings: a passing gate is not news. */
    public static final Set<String> DEFAULT_ON = Set.of("fail", "warn");

    private static final Set<String> KEYS = Set.of("webhookUrlEnv", "webhookUrlFile", "webhookUrl", "botTokenEnv",
            "botTokenFile", "botToken", "token", "channel", "on");

    public SlackSettings {
        webhookUrl = Objects.requireNonNullElse(webhookUrl, Optional.empty());
        botToken = Objects.requireNonNullElse(botToken, Optional.empty());
        channel = Objects.requireNonNullElse(channel, "").strip();
        on = Set.copyOf(on);
        if (webhookUrl.isPresent() == botToken.isPresent()) {
            throw new NotifyConfigException("notify.slack needs one way to reach Slack: webhookUrlEnv (or webhookUrlFile)"
                    + " for an incoming webhook, or botTokenEnv (or botTokenFile) with a channel for a bot, not "
                    + (webhookUrl.isPresent() ? "both" : "neither"));
        }
        if (botToken.isPresent() && channel.isEmpty()) {
            throw new NotifyConfigException("notify.slack.channel is required with a bot token: write the channel's ID"
                    + " (channel details → bottom of the About tab, like C0123ABCD) or its name, like \"#builds\"");
        }
    }

    /** Whether a gate with this verdict is worth a Slack message. */
    public boolean notifiesOn(Verdict verdict) {
        return on.contains(verdict.word());
    }

    static SlackSettings read(ConfigNode node) {
        node.allowOnly(KEYS);
        node.refuseInline("token", "write botTokenEnv: SLACK_BOT_TOKEN or botTokenFile: /run/secrets/slack-bot-token");
        Optional<SecretRef> webhook = node.secret("webhookUrl", "SLACK_WEBHOOK_URL", "/run/secrets/slack");
        Optional<SecretRef> bot = node.secret("botToken", "SLACK_BOT_TOKEN", "/run/secrets/slack-bot-token");
        return new SlackSettings(webhook, bot, node.text("channel").orElse(""), node.verdicts("on", DEFAULT_ON));
    }
}
