package dev.bulwark.gate.posture;

import dev.bulwark.gate.posture.PostureRefresh.Changed;
import dev.bulwark.notify.Notifier;
import dev.bulwark.notify.outbox.Outbox;
import dev.bulwark.store.posture.PostureRows.Change;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells people what a refresh changed, through the gate's feedback loop: a Jira ticket sync per changed image and
 * stage (the gate's de-duplication: the repository's ticket is updated, not doubled), and one Slack summary, running
 * and now failing images first, named with their hosts.
 */
public final class PostureNotices {

    private static final int LISTED = 20;

    private PostureNotices() {
    }

    /** What was queued: Jira syncs and whether the Slack summary was. */
    public record Queued(int tickets, boolean summary) {
    }

    /** Queues the refresh's notifications; nothing when nothing changed. */
    public static Queued enqueue(Notifier notifier, Outbox outbox, PostureRefresh.Result result) {
        if (result.changed().isEmpty()) {
            return new Queued(0, false);
        }
        int tickets = 0;
        for (Changed changed : result.changed()) {
            if (notifier.enqueueTickets(changed.outcome(), outbox)) {
                tickets++;
            }
        }
        boolean summary = notifier.enqueueText("posture:" + result.refresh(), summary(result), outbox);
        return new Queued(tickets, summary);
    }

    /** The Slack summary: how many images changed, the urgent ones with their hosts, then the rest. */
    public static String summary(PostureRefresh.Result result) {
        List<Changed> urgent = result.changed().stream().filter(Changed::urgent).toList();
        List<Changed> rest = result.changed().stream().filter(changed -> !changed.urgent()).toList();
        List<String> lines = new ArrayList<>();
        lines.add("Bulwark posture: " + result.changed().size() + " image verdicts changed with the new vulnerability database ("
                + result.images() + " images re-judged, none rescanned).");
        if (!urgent.isEmpty()) {
            lines.add("URGENT, running and failing now:");
            urgent.stream().limit(LISTED).forEach(changed -> lines.add("• " + line(changed) + " — running on "
                    + String.join(", ", changed.hosts())));
        }
        if (!rest.isEmpty()) {
            lines.add("Changed:");
            rest.stream().limit(LISTED).forEach(changed -> lines.add("• " + line(changed)));
        }
        int unlisted = Math.max(0, urgent.size() - LISTED) + Math.max(0, rest.size() - LISTED);
        if (unlisted > 0) {
            lines.add("… and " + unlisted + " more: bulwark posture lists them all.");
        }
        return String.join("\n", lines);
    }

    private static String line(Changed changed) {
        var outcome = changed.outcome();
        String digest = outcome.digest().length() > 19 ? outcome.digest().substring(0, 19) : outcome.digest();
        StringBuilder text = new StringBuilder(outcome.imageRepository() + " " + digest + " at " + outcome.stage() + ": "
                + changed.before() + " -> " + outcome.verdict().word());
        changed.changes().stream().filter(change -> !change.kind().equals(PostureDiff.VERDICT)).limit(3)
                .map(Change::detail).forEach(detail -> text.append("; ").append(detail));
        return text.toString();
    }
}
