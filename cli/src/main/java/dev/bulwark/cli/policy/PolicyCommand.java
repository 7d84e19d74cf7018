package dev.bulwark.cli.policy;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** {@code bulwark policy}: check and read policies. */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = "Check policy files and show what a stage's rules are.",
        subcommands = {ValidateCommand.class, ExplainCommand.class, HelpCommand.class})
public final class PolicyCommand {
}
