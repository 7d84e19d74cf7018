package dev.bulwark.agent.daemon;

import dev.bulwark.agent.audit.AuditEntry;
import dev.bulwark.notify.Notifier;
import dev.bulwark.notify.config.NotifySettings;
import dev.bulwark.notify.config.Secrets;
import dev.bulwark.notify.outbox.Outbox;
import dev.bulwark.policy.model.Policy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The agent's alerts and actions, told through the notify module: each audit entry becomes a Slack message,
 * queued in the agent's durable outbox and delivered off the agent's judging thread.
 */
public final class AgentAlerts implements Consumer<AuditEntry>, AutoCloseable {

    private final Notifier notifier;
    private final Outbox outbox;
    private final Clock clock;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bulwark-agent-alerts");
        thread.setDaemon(true);
        return thread;
    });

    private AgentAlerts(Notifier notifier, Outbox outbox, Clock clock) {
        this.notifier = notifier;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Alerts for the policy's notify section, if it names a channel. */
    public static Optional<AgentAlerts> forPolicy(Policy policy, Secrets secrets, Path stateDir, Clock clock) {
        Notifier notifier = Notifier.connect(NotifySettings.parse(policy.notifications()), secrets);
        return notifier.isConfigured() ? Optional.of(new AgentAlerts(notifier, Outbox.open(stateDir.resolve("outbox.db")), clock))
                : Optional.empty();
    }

    @Override
    public void accept(AuditEntry entry) {
        String text = ":rotating_light: Bulwark agent " + entry.decision() + " in container " + entry.containerName()
                + " (" + entry.containerId().substring(0, Math.min(12, entry.containerId().length())) + ", image "
                + entry.imageDigest() + "): rule " + entry.rule() + ", mode " + entry.mode()
                + (entry.response().isEmpty() ? "" : ", response " + entry.response()) + ". " + entry.detail();
        String key = "agent-" + entry.containerId() + "-" + entry.at() + "-" + entry.rule();
        sender.execute(() -> {
            notifier.enqueueText(key, text, outbox);
            notifier.dispatch(outbox, clock);
        });
    }

    @Override
    public void close() {
        sender.shutdown();
        outbox.close();
    }
}
