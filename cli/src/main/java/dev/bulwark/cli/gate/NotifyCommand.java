package dev.bulwark.cli.gate;

import dev.bulwark.gate.Feedback;
import dev.bulwark.policy.load.PolicyLoader;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bulwark notify flush}: deliver what earlier gate runs could not (Jira or Slack was down). */
@Command(name = "notify", mixinStandardHelpOptions = true,
        description = {"Deliver the notifications that earlier gate runs queued but could not send yet.",
            "Says what is still waiting, and when it is due.",
            "Exit code: 0 when nothing failed for good, 1 when a notification failed and will not be retried."})
public final class NotifyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--policy", paramLabel = "FILE", required = true, description = "the policy whose notify section says where to send")
    private Path policyFile;

    @Option(names = "--now", description = "try every waiting notification now, whatever its retry delay says")
    private boolean now;

    @Mixin
    private OutboxLocation outbox;

    @Override
    public Integer call() {
        var notifier = Feedback.notifier(new PolicyLoader().load(policyFile));
        if (notifier.isEmpty()) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": the policy has no notify section: nothing to deliver to");
            spec.commandLine().getErr().flush();
            return 0;
        }
        var err = spec.commandLine().getErr();
        Feedback.Sent sent = Feedback.send(notifier.get(), Optional.empty(), outbox.file(), err, spec.qualifiedName(), now);
        if (sent.waiting() > 0 && !now) {
            err.println(spec.qualifiedName() + ": " + sent.waiting() + " waiting for a later attempt; " + spec.qualifiedName()
                    + " --now tries them now");
            err.flush();
        }
        return sent.failed() > 0 ? 1 : 0;
    }
}
