package dev.bulwark.cli.gate;

import dev.bulwark.cli.image.ImageOptions;
import dev.bulwark.cli.scan.GateOptions;
import dev.bulwark.gate.Feedback;
import dev.bulwark.gate.Outcomes;
import dev.bulwark.notify.Notifier;
import dev.bulwark.scanner.report.ScanReport;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bulwark gate IMAGE}: scan, verdict, report and the feedback loop (Jira, Slack), in one command for CI. */
@Command(name = "gate", mixinStandardHelpOptions = true,
        description = {"The CI gate: scan, judge at a stage, report, and tell developers through Jira and Slack.",
            "Notifications follow the policy's notify section; undelivered ones wait in the outbox for the next run.",
            "Exit code: 0 pass or warn, 1 fail, 2 usage or configuration error, 3 scan error (never 0 on an error)."})
public final class GateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ImageOptions image;

    @Mixin
    private GateOptions gate;

    @Mixin
    private OutboxLocation outbox;

    @Option(names = "--build-url", paramLabel = "URL", description = "the CI build, linked from tickets and messages (default: $BUILD_URL)")
    private URI buildUrl;

    @Option(names = "--no-notify", description = "judge and report only; send nothing")
    private boolean noNotify;

    @Override
    public Integer call() {
        if (gate.policyFile().isEmpty()) {
            throw new ParameterException(spec.commandLine(), "gate needs --policy and --stage: the gate judges by a policy");
        }
        ScanReport report = gate.run(image, spec);
        gate.write(report, spec);
        Optional<Notifier> notifier = noNotify ? Optional.empty() : Feedback.notifier(gate.policy().orElseThrow());
        notifier.ifPresent(n -> Feedback.send(n, Optional.of(Outcomes.of(report, build())), outbox.file(),
                spec.commandLine().getErr(), spec.qualifiedName()));
        return gate.exitCode(report);
    }

    private Optional<URI> build() {
        if (buildUrl != null) {
            return Optional.of(buildUrl);
        }
        String fromJenkins = System.getenv("BUILD_URL");
        return fromJenkins == null || fromJenkins.isBlank() ? Optional.empty() : Optional.of(URI.create(fromJenkins));
    }
}
