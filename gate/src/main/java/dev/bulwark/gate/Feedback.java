package dev.bulwark.gate;

import dev.bulwark.notify.outcome.GateOutcome;
import dev.bulwark.notify.Notifier;
import dev.bulwark.notify.config.NotifySettings;
import dev.bulwark.notify.config.Secrets;
import dev.bulwark.notify.outbox.DispatchReport;
import dev.bulwark.notify.outbox.Outbox;
import dev.bulwark.notify.outbox.OutboxMessage;
import dev.bulwark.policy.model.Policy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Sends a gate's feedback as the policy's notify section says, and tells the user what was delivered. */
public final class Feedback {

    /** What one send left: messages waiting for a later attempt, and messages given up on in this run. */
    public record Sent(int waiting, int failed) {
    }

    private Feedback() {
    }

    /** The notifier the policy's notify section sets up, with secrets from the environment; empty when it sets up none. */
    public static Optional<Notifier> notifier(Policy policy) {
        return notifier(policy, Secrets.fromEnvironment());
    }

    /** The notifier the policy's notify section sets up, with secrets from the given variables (a CI server's credentials). */
    public static Optional<Notifier> notifier(Policy policy, Secrets secrets) {
        NotifySettings settings = NotifySettings.parse(policy.notifications());
        Notifier notifier = Notifier.connect(settings, secrets);
        return notifier.isConfigured() ? Optional.of(notifier) : Optional.empty();
    }

    /**
     * Queues the outcome's notifications (if any) in the outbox, sends everything due, and says what happened.
     *
     * @param who how the log lines start ({@code bulwark gate}, the step's name)
     */
    public static void send(Notifier notifier, Optional<GateOutcome> outcome, Path outboxFile, PrintWriter log, String who) {
        send(notifier, outcome, outboxFile, log, who, false);
    }

    /**
     * As {@link #send(Notifier, Optional, Path, PrintWriter, String)}; with {@code deliverNow} every pending message is
     * tried now, whatever its retry delay says. Says what is still pending and when it is due.
     */
    public static Sent send(Notifier notifier, Optional<GateOutcome> outcome, Path outboxFile, PrintWriter log, String who,
                           boolean deliverNow) {
        try (Outbox outbox = Outbox.open(outboxFile)) {
            List<String> queued = outcome.map(o -> notifier.enqueue(o, outbox)).orElse(List.of());
            if (deliverNow) {
                outbox.makeAllDue(Clock.systemUTC());
            }
            DispatchReport report = notifier.dispatch(outbox, Clock.systemUTC());
            log.println(who + ": notifications: " + (queued.isEmpty() ? "none queued this run" : "queued for " + String.join(", ", queued))
                    + "; " + report.delivered().size() + " delivered, " + report.rescheduled().size() + " to retry, "
                    + report.failed().size() + " failed");
            report.rescheduled().forEach(retry -> log.println("  will retry after " + retry.nextAttemptAt() + ": "
                    + notifier.redact(retry.reason())));
            report.failed().forEach(failure -> log.println("  failed (" + failure.channel() + "): " + notifier.redact(failure.reason())));
            java.util.Set<String> retried = new java.util.HashSet<>();
            report.rescheduled().forEach(retry -> retried.add(retry.idempotencyKey()));
            List<OutboxMessage> waiting = outbox.pending().stream().filter(m -> !retried.contains(m.idempotencyKey())).toList();
            waiting.forEach(message -> log.println("  waiting (" + message.channel() + ", " + message.attempts() + " attempts"
                    + message.nextAttemptAt().map(at -> ", due " + at).orElse("") + ")"
                    + message.lastError().map(error -> ": " + notifier.redact(error)).orElse("")));
            log.flush();
            return new Sent(waiting.size() + report.rescheduled().size(), report.failed().size());
        }
    }
}
