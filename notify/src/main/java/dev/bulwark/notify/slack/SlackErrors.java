package dev.bulwark.notify.slack;

import java.util.Map;
import java.util.Set;

/**
 * What to do about each error Slack reports: incoming webhooks answer with a status and a plain word
 * (api.slack.com/changelog/2016-05-17-changes-to-errors-for-incoming-webhooks), {@code chat.postMessage}
 * with {@code {"ok": false, "error": …}}.
 */
final class SlackErrors {

    private static final String NEW_WEBHOOK = "create a new incoming webhook (your Slack app → Incoming Webhooks →"
            + " Add New Webhook to Workspace) and store its URL in the secret Bulwark reads";
    private static final String NEW_TOKEN = "check the bot token (xoxb-…) Bulwark reads: copy it again from your"
            + " Slack app's OAuth & Permissions page, reinstalling the app if it was revoked";

    private static final Map<String, String> WEBHOOK = Map.of(
            "invalid_payload", "Slack could not read the message; this is a bug in Bulwark, please report it",
            "invalid_blocks", "Slack did not accept the message's blocks; this is a bug in Bulwark, please report it",
            "user_not_found", "the webhook's user no longer exists: " + NEW_WEBHOOK,
            "action_prohibited", "the workspace does not let this webhook post there; ask a Slack admin, or " + NEW_WEBHOOK,
            "invalid_token", "the webhook's token was revoked: " + NEW_WEBHOOK,
            "no_service", "the webhook was removed or its app disabled: " + NEW_WEBHOOK,
            "no_team", "the webhook's workspace no longer exists: " + NEW_WEBHOOK,
            "channel_not_found", "the webhook's channel was deleted: " + NEW_WEBHOOK + " for an existing channel",
            "channel_is_archived", "the webhook's channel is archived: unarchive it, or " + NEW_WEBHOOK + " for another channel");

    private static final Map<String, String> API = Map.ofEntries(
            Map.entry("channel_not_found", "Slack cannot see the channel: check the channel ID (channel details →"
                    + " About, like C0123ABCD) and invite the bot with /invite @your-app; a private channel needs the invitation"),
            Map.entry("not_in_channel", "the bot is not a member of the channel: invite it with /invite @your-app,"
                    + " or add the chat:write.public scope to post in public channels without joining"),
            Map.entry("is_archived", "the channel is archived: unarchive it or set notify.slack.channel to another"),
            Map.entry("invalid_auth", "Slack did not accept the token: " + NEW_TOKEN),
            Map.entry("not_authed", "no token reached Slack: " + NEW_TOKEN),
            Map.entry("token_revoked", "the token was revoked: " + NEW_TOKEN),
            Map.entry("token_expired", "the token expired: " + NEW_TOKEN),
            Map.entry("account_inactive", "the token belongs to a deleted user or workspace: " + NEW_TOKEN),
            Map.entry("missing_scope", "the app lacks a permission: add the chat:write scope under OAuth & Permissions"
                    + " and reinstall the app"),
            Map.entry("restricted_action", "a workspace setting keeps the bot from posting there; ask a Slack admin"),
            Map.entry("msg_too_long", "the message is too long; this is a bug in Bulwark, please report it"),
            Map.entry("invalid_blocks", "Slack did not accept the message's blocks; this is a bug in Bulwark, please report it"),
            Map.entry("no_text", "the message had no text; this is a bug in Bulwark, please report it"));

    /** Errors of {@code chat.postMessage} that go away by themselves. */
    private static final Set<String> TRANSIENT = Set.of("ratelimited", "rate_limited", "internal_error", "fatal_error",
            "service_unavailable", "request_timeout", "team_added_to_org");

    private SlackErrors() {
    }

    static String forWebhook(int status, String error) {
        String advice = WEBHOOK.getOrDefault(error, "see api.slack.com/messaging/webhooks#handling_errors");
        return "Slack's incoming webhook refused the message (HTTP " + status + (error.isEmpty() ? "" : " " + error) + "): " + advice;
    }

    static String forApi(String error, String channel, String needed) {
        String advice = API.getOrDefault(error, "see api.slack.com/methods/chat.postMessage#errors");
        String scope = needed.isEmpty() ? "" : " (Slack says it needs: " + needed + ")";
        return "Slack's chat.postMessage refused the message for channel " + channel + " (" + error + "): " + advice + scope;
    }

    static boolean isTransient(String error) {
        return TRANSIENT.contains(error);
    }
}
