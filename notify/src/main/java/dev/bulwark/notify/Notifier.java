package dev.bulwark.notify;

import dev.bulwark.notify.config.NotifySettings;
import dev.bulwark.notify.config.Redactor;
import dev.bulwark.notify.config.Secret;
import dev.bulwark.notify.config.Secrets;
import dev.bulwark.notify.jira.TicketSync;
import dev.bulwark.notify.outbox.Delivery;
import dev.bulwark.notify.outbox.DispatchReport;
import dev.bulwark.notify.outbox.Outbox;
import dev.bulwark.notify.outcome.GateOutcome;
import dev.bulwark.notify.outcome.GateOutcomeJson;
import dev.bulwark.notify.slack.SlackClient;
import dev.bulwark.notify.slack.SlackDelivery;
import dev.bulwark.notify.slack.SlackMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The gate's feedback loop: each gate outcome is written to the durable outbox first (a Slack message when
 * the verdict calls for one; a Jira ticket sync on every run, so that tickets of fixed vulnerabilities are
 * resolved), then everything due is delivered. What cannot be delivered now stays queued for the next run.
 */
public final class Notifier {

    /** The outbox channel of Slack messages. */
    public static final String SLACK = "slack";
    /** The outbox channel of Jira ticket syncs. */
    public static final String JIRA = "jira";

    private final NotifySettings settings;
    private final Map<String, Delivery> deliveries;
    private final Redactor redactor;

    private Notifier(NotifySettings settings, Map<String, Delivery> deliveries, Redactor redactor) {
        this.settings = settings;
        this.deliveries = Map.copyOf(deliveries);
        this.redactor = redactor;
    }

    /** A notifier for the settings, resolving their secrets now (a missing secret is an error here, not later). */
    public static Notifier connect(NotifySettings settings, Secrets secrets) {
        Map<String, Delivery> deliveries = new HashMap<>();
        List<Secret> derived = new ArrayList<>();
        settings.slack().ifPresent(slack -> deliveries.put(SLACK, new SlackDelivery(SlackClient.from(slack, secrets))));
        settings.jira().ifPresent(jira -> {
            JiraConnection.Resolved resolved = JiraConnection.resolve(jira, secrets);
            derived.addAll(resolved.derivedSecrets());
            deliveries.put(JIRA, new JiraDelivery(TicketSync.connect(resolved.settings()), secrets.redactor()
                    .and(resolved.derivedSecrets().toArray(Secret[]::new))));
        });
        return new Notifier(settings, deliveries, secrets.redactor().and(derived.toArray(Secret[]::new)));
    }

    /** Whether any channel is configured. */
    public boolean isConfigured() {
        return !deliveries.isEmpty();
    }

    /**
     * Queues what the outcome calls for; returns the channels it was queued for. Jira is told of every outcome, so
     * that tickets of vulnerabilities gone are resolved; one whose verdict is not in {@code jira.on} opens and updates
     * no ticket.
     */
    public List<String> enqueue(GateOutcome outcome, Outbox outbox) {
        List<String> queued = new ArrayList<>();
        if (settings.slack().isPresent() && settings.slack().get().notifiesOn(outcome.verdict())
                && outbox.enqueue(SlackMessage.idempotencyKey(outcome), SLACK, SlackMessage.of(outcome).toJson())) {
            queued.add(SLACK);
        }
        if (enqueueTickets(outcome, outbox)) {
            queued.add(JIRA);
        }
        return queued;
    }

    /**
     * Queues the Jira ticket sync of an outcome alone, de-duplicated as the gate's are (one ticket per repository, stage
     * and grouping, updated and resolved); false when Jira is not configured or this outcome was queued before.
     */
    public boolean enqueueTickets(GateOutcome outcome, Outbox outbox) {
        if (settings.jira().isEmpty()) {
            return false;
        }
        GateOutcome forJira = settings.jira().get().notifiesOn(outcome.verdict()) ? outcome : outcome.openingNoTickets();
        return outbox.enqueue("jira:" + outcome.imageRepository() + ":" + outcome.stage() + ":" + outcome.digest() + ":"
                + outcome.at(), JIRA, GateOutcomeJson.write(forJira));
    }

    /**
     * Queues a plain text message for Slack (the runtime agent's alerts); false when Slack is not configured or
     * a message with the same key was queued before.
     */
    public boolean enqueueText(String idempotencyKey, String text, Outbox outbox) {
        if (settings.slack().isEmpty()) {
            return false;
        }
        return outbox.enqueue(idempotencyKey, SLACK, SlackMessage.plain(text).toJson());
    }

    /** Delivers everything due, this run's messages and earlier ones alike. */
    public DispatchReport dispatch(Outbox outbox, Clock clock) {
        return outbox.dispatch(deliveries, clock);
    }

    /** Takes every secret out of a text meant for logs or reports. */
    public String redact(String text) {
        return redactor.redact(text);
    }
}
