package dev.bulwark.cli.agent;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** {@code bulwark agent}: the runtime agent of a Docker host. */
@Command(name = "agent", mixinStandardHelpOptions = true,
        description = "Run the runtime agent on this Docker host, or undo what it did to a container.",
        subcommands = {AgentRunCommand.class, AgentReleaseCommand.class, HelpCommand.class})
public final class AgentCommand {
}
