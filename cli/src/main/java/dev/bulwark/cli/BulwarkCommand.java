package dev.bulwark.cli;

import dev.bulwark.cli.agent.AgentCommand;
import dev.bulwark.cli.db.DbCommand;
import dev.bulwark.cli.gate.GateCommand;
import dev.bulwark.cli.gate.NotifyCommand;
import dev.bulwark.cli.image.SbomCommand;
import dev.bulwark.cli.policy.PolicyCommand;
import dev.bulwark.cli.promote.PromoteCommand;
import dev.bulwark.cli.promote.VerdictCommand;
import dev.bulwark.cli.scan.ScanCommand;
import dev.bulwark.cli.support.BulwarkVersion;
import dev.bulwark.cli.support.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code bulwark} command. Subcommands are listed here explicitly, one line each; a command is
 * added when it works.
 */
@Command(
        name = "bulwark",
        mixinStandardHelpOptions = true,
        versionProvider = BulwarkVersion.class,
        description = "Container security: a CI gate for images and a runtime agent for containers, under one policy.",
        subcommands = {
            ScanCommand.class,
            GateCommand.class,
            NotifyCommand.class,
            PromoteCommand.class,
            AgentCommand.class,
            dev.bulwark.cli.profile.ProfileCommand.class,
            VerdictCommand.class,
            dev.bulwark.cli.posture.PostureCommand.class,
            SbomCommand.class,
            DbCommand.class,
            PolicyCommand.class,
            HelpCommand.class,
        })
public final class BulwarkCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command; 'bulwark help' lists them");
    }

    /** A command line with Bulwark's exit codes: 0 success, 2 usage or configuration error. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new BulwarkCommand()).setExecutionExceptionHandler(new ExitCodes());
        return commandLine.setExecutionStrategy(BulwarkCommand::refuseUnmatchedThenRun);
    }

    /**
     * Picocli answers {@code --help} before it complains about words it did not understand, so {@code bulwark scna
     * --help} would print the root help and succeed; an unknown command is a usage error with or without it.
     */
    private static int refuseUnmatchedThenRun(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult deepest = parsed;
        while (deepest.hasSubcommand()) {
            deepest = deepest.subcommand();
        }
        if (!deepest.unmatched().isEmpty()) {
            throw new CommandLine.UnmatchedArgumentException(deepest.commandSpec().commandLine(), deepest.unmatched());
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
