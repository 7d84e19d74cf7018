package dev.bulwark.cli.policy;

import dev.bulwark.notify.config.NotifyConfigException;
import dev.bulwark.notify.config.NotifySettings;
import dev.bulwark.policy.load.PolicyLoadException;
import dev.bulwark.policy.load.PolicyLoader;
import dev.bulwark.policy.load.PolicyProblem;
import dev.bulwark.policy.model.ExceptionRule;
import dev.bulwark.policy.model.Policy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bulwark policy validate FILE…}: exit 0 when every file is a valid policy, 2 otherwise. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check policy files. Each problem is printed as FILE:LINE:COLUMN: what is wrong and how to fix it.",
            "Exit code: 0 when all files are valid, 2 when any is not."})
final class ValidateCommand implements Callable<Integer> {

    static final int INVALID = 2;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "policy files (YAML)")
    private List<Path> files;

    private final Clock clock;

    ValidateCommand() {
        this(Clock.systemUTC());
    }

    ValidateCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int exit = 0;
        for (Path file : files) {
            try {
                Policy policy = new PolicyLoader().load(file);
                NotifySettings.parse(policy.notifications());
                out.println(file + ": valid policy '" + policy.metadata().name() + "' with stages "
                        + String.join(" → ", policy.stageNames()));
                warnAboutExpiredExceptions(file, policy, clock.instant(), err);
            } catch (PolicyLoadException e) {
                e.problems().stream().map(PolicyProblem::toString).forEach(err::println);
                exit = INVALID;
            } catch (NotifyConfigException e) {
                err.println(file + ": notify: " + e.getMessage());
                exit = INVALID;
            }
        }
        return exit;
    }

    private static void warnAboutExpiredExceptions(Path file, Policy policy, Instant now, PrintWriter err) {
        for (ExceptionRule exception : policy.exceptions()) {
            if (exception.isExpiredAt(now)) {
                err.println(file + ": warning: exception " + exception.label()
                        + " has expired and no longer suppresses anything: renew or remove it");
            }
        }
    }
}
