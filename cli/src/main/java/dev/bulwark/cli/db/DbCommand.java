package dev.bulwark.cli.db;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** {@code bulwark db}: build and inspect the vulnerability database. */
@Command(name = "db", mixinStandardHelpOptions = true,
        description = "Build the vulnerability database from OSV records, and show what it holds.",
        subcommands = {DbUpdateCommand.class, DbStatusCommand.class, HelpCommand.class})
public final class DbCommand {
}
